"""Local development: debug on, email to the console, a per-machine secret key."""

import os

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR, env_bool

DEBUG = env_bool("DEBUG", True)
# Background work runs in the task worker `make run` starts beside the server, as in
# production, so reading an uploaded document never holds up the upload request.
TASKS["default"]["BACKEND"] = os.environ.get(  # noqa: F405
    "TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend"
)
# Emails are written to files of their own (one a send), not mixed into the server's
# request log; `make run` says where in its first lines.
EMAIL_DELIVERY_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))


def _local_secret_key():
    """Keep one random key per checkout so sessions survive restarts without committing a key."""
    key_file = VAR_DIR / "dev-secret-key"
    if not key_file.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(get_random_secret_key())
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
