"""Settings shared by every environment; each value that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = Path(os.environ.get("NETWORK_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "network",
    "blog",
    "casestudies",
    "network.events",
    "network.resources",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
]

MIDDLEWARE = [
    "network.platform.security.PrivateToTheReaderMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "network.platform.security.PermissionsPolicyMiddleware",
    "network.platform.security.NetworkCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so a cached page skips sessions, authentication and the rest entirely.
    "network.caching.page_cache.AnonymousPageCacheMiddleware",
    "network.platform.site_address.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "network.members.sign_in_doors.AdminAccessMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "network.platform.security.EditorFramingMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: a signed-in reader's page is shared with their audience once they are known.
    "network.caching.audience_cache.AudiencePageCacheMiddleware",
]

# Headers every environment sends (production adds HSTS and secure cookies).
# Public and member pages: scripts and styles from the site's own files only, never inline
# (network/platform/security.py relaxes this for the Wagtail admin alone).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        # Video embeds in posts come from these providers only.
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

ROOT_URLCONF = "network.urls"
WSGI_APPLICATION = "network.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "network.context_processors.network",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'network.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time: writers queue for up to 20 s, and each write transaction
    # takes the lock when it begins, so two can never deadlock upgrading a read lock.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "network.User"
# allauth's backend only: every sign-in goes through its rate limits and its rule that
# an address is verified first (network/members/sign_in_doors.py closes Wagtail's own forms).
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]

# Accounts (django-allauth): email only, verified before use, no hint whether an address
# is registered, and allauth's own rate limits. The rate limits count in the default
# cache, so production must point CACHE_URL at a cache every worker shares.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"
# Where a page or document restricted to signed-in people sends its readers.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
# Passwords are changed and reset through allauth, never through Wagtail's forms.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
ACCOUNT_ADAPTER = "network.members.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Community Mental Health Network] "
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# The same forms with the network's labels and error messages (no placeholders).
ACCOUNT_FORMS = {
    name: f"network.members.allauth_forms.{form}"
    for name, form in {
        "login": "LoginForm",
        "signup": "SignupForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "add_email": "AddEmailForm",
        "request_login_code": "RequestLoginCodeForm",
        "confirm_login_code": "ConfirmLoginCodeForm",
        "reauthenticate": "ReauthenticateForm",
    }.items()
}
# Behind a reverse proxy every request comes from the proxy's address, so rate limits
# (allauth's and search's) would count all visitors as one: set TRUSTED_PROXY_COUNT to
# the number of proxies in front of gunicorn, or name the header the proxy puts the
# visitor's address in. Left unset when gunicorn is reached directly, since the header
# is then whatever the visitor chose to send.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("TRUSTED_CLIENT_IP_HEADER") or None

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "network",
    }
}
if os.environ.get("CACHE_URL", "").startswith(("redis://", "rediss://")):
    CACHES["default"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": os.environ["CACHE_URL"],
    }
    # A signed-in reader's shared page (network/caching/audience_cache.py) then costs no query for
    # the session: it is read from the cache, and written to the database as well.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work (email notifications, Wagtail's own jobs) goes through django-tasks.
# The immediate backend runs a task inside the request; production sets TASKS_BACKEND to
# django_tasks_db.backend.DatabaseBackend and runs `manage.py db_worker` (see README).
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Reading a document's words (network/resources/extraction.py) happens in a child process
# stopped after this many seconds, or when it needs this much memory beyond its start.
READING_SECONDS = env_int("READING_SECONDS", 30)
READING_MEMORY_MB = env_int("READING_MEMORY_MB", 512)

# Joining the network: addresses at these domains become members as soon as they verify.
MEMBERSHIP_AUTO_APPROVE_DOMAINS = env_list("MEMBERSHIP_AUTO_APPROVE_DOMAINS")
MEMBERSHIP_INVITATION_DAYS = env_int("MEMBERSHIP_INVITATION_DAYS", 14)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# The network's own wording for allauth's pages and messages: locale/en_GB/LC_MESSAGES
# overrides allauth's English text (the compiled django.mo is committed beside it).
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
# Times in the admin are UK times whatever a facilitator picks in their preferences.
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "frontend" / "build"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Images and their renditions are kept outside MEDIA_ROOT, which the proxy serves to
# anyone, and reach people through /private-media/, which checks who is asking first
# (network/media/private_media.py). The two roots must not overlap (`manage.py check`).
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private-media"))
PRIVATE_MEDIA_FOLDERS = ["original_images", "images", "documents"]
# With a prefix (production), the view only says yes and the proxy sends the file from
# its internal location; without one, Django sends the file itself.
PRIVATE_MEDIA_REDIRECT_HEADER = "X-Accel-Redirect"
PRIVATE_MEDIA_REDIRECT_PREFIX = ""
STORAGES = {
    "default": {"BACKEND": "network.media.private_media.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Every message goes through network.notifications.mail.EmailBackend, which keeps each
# header to one line and records a message that could not be sent for facilitators;
# the EMAIL_BACKEND environment variable still chooses the backend that delivers.
EMAIL_BACKEND = "network.notifications.mail.EmailBackend"
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "network@localhost")

WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "Community Mental Health Network")
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Every upload form checks the file's contents against its name (network/resources/forms.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "network.resources.forms.DocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 25 * 1024 * 1024
# Through Wagtail's view, which asks network/resources/access.py who may have the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_I18N_ENABLED = False
# No autosave in the editor. On a new page it saves before the required fields are filled
# in, so "Autosave is paused" appears as soon as typing starts, and each attempt can leave
# a draft behind. Saving is the facilitator's choice; leaving with unsaved changes warns.
WAGTAIL_AUTOSAVE_INTERVAL = 0
TAGGIT_CASE_INSENSITIVE = True

# How long a case study stays current before facilitators see "review due".
CASE_STUDY_REVIEW_MONTHS = env_int("CASE_STUDY_REVIEW_MONTHS", 12)
LISTING_PAGE_SIZE = env_int("LISTING_PAGE_SIZE", 12)

# Search: Elasticsearch answers /search/ when ELASTICSEARCH_URL is set; without it, or while
# the node is down, the database path answers (see search/service.py).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "network-content")
ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2"))
ELASTICSEARCH_RETRY_SECONDS = env_int("ELASTICSEARCH_RETRY_SECONDS", 30)
# Slow answers or server errors that open the breaker, and the seconds they must fall in;
# a refused connection opens it at once (search/elastic/connection.py).
ELASTICSEARCH_BREAKER_FAILURES = env_int("ELASTICSEARCH_BREAKER_FAILURES", 3)
ELASTICSEARCH_BREAKER_WINDOW = env_int("ELASTICSEARCH_BREAKER_WINDOW", 10)
ELASTICSEARCH_REPLICAS = env_int("ELASTICSEARCH_REPLICAS", 0)
# The local language model that ranks by meaning beside the words (search/semantic/);
# `scripts/language-model fetch` puts it here. Empty, or missing files: words alone.
LANGUAGE_MODEL_DIR = os.environ.get("LANGUAGE_MODEL_DIR", str(BASE_DIR / "var" / "language-model"))
# Searches and suggestions a minute from one client (an account, or else an address)
# before it is asked to wait; far above what a person does, far below a script. 0 is off.
SEARCH_RATE_LIMIT = env_int("SEARCH_RATE_LIMIT", 60)
SEARCH_SUGGEST_RATE_LIMIT = env_int("SEARCH_SUGGEST_RATE_LIMIT", 300)
# Attempts at a page's or a document collection's privacy password, per client and
# restriction in five minutes (network/members/sign_in_doors.py); 0 turns the limit off.
PRIVACY_PASSWORD_ATTEMPTS = env_int("PRIVACY_PASSWORD_ATTEMPTS", 10)
# Messages an hour through the contact form from one client (an account, or else an
# address): plenty for a person with a follow-up, too few to be worth a spammer's time.
CONTACT_MESSAGES_PER_HOUR = env_int("CONTACT_MESSAGES_PER_HOUR", 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},  # one line a request otherwise
    },
}

PROFILE_PHOTO_MAX_BYTES = env_int("PROFILE_PHOTO_MAX_BYTES", 5 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Limits on members' posting, to slow spam and mistakes rather than to police members.
REFLECTIONS_PER_DAY = env_int("REFLECTIONS_PER_DAY", 5)
CASE_STUDY_SUGGESTIONS_PER_DAY = env_int("CASE_STUDY_SUGGESTIONS_PER_DAY", 3)
COMMENTS_PER_HOUR = env_int("COMMENTS_PER_HOUR", 20)
NEW_MEMBER_POSTS = env_int("NEW_MEMBER_POSTS", 3)
NEW_MEMBER_LINK_LIMIT = env_int("NEW_MEMBER_LINK_LIMIT", 2)
# A member's first comments wait for a facilitator; after this many approved, they publish.
COMMENTS_HELD_UNTIL = env_int("COMMENTS_HELD_UNTIL", 2)
# Reports from this many different members hide a post or comment until it is reviewed.
REPORTS_TO_HIDE = env_int("REPORTS_TO_HIDE", 3)

# Anonymous visitors get whole pages from the cache; any content change replaces them.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_LOCAL_ENTRIES = env_int("PAGE_CACHE_LOCAL_ENTRIES", 300)
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party avatars: privacy, and the CSP

# Backups serialise timestamps to the microsecond (network/site/backups.py).
SERIALIZATION_MODULES = {"precisejson": "network.platform.precise_json"}
