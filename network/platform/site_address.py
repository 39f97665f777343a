"""The one address the site gives for itself, wherever a link leaves the page.

Every link that leaves the site, in a page, an email or a calendar file, comes from the
default Wagtail Site record, as Wagtail's own page URLs do. Emails are often sent by a
worker or a command run by hand long after any request, in an environment that may not
set SITE_URL, so the database, not the environment, says where the site answers.
SITE_URL says where it should answer: `manage.py set_site_url` (run by `make run`, and
by the demo loader) points the default Site at it, and a visitor who arrives by another
name for the same server is still given the one address search engines should keep.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Site

from network.platform import content_versions
from network.platform.versioned import PerContentVersionByKey

# Wagtail's Site.root_url writes port 443 as https and every other port as http.
DEFAULT_PORTS = {"http": 80, "https": 443}


def configured_url():
    """SITE_URL without a trailing slash: where `set_site_url` points the Site."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


_default_site = PerContentVersionByKey(max_keys=1)


def site_url():
    """The default Site's address without a trailing slash, ready for a path to be added;
    SITE_URL only while no Site exists. A Site's change bumps the content version."""

    def find():
        site = Site.objects.filter(is_default_site=True).first()
        return site.root_url if site is not None else configured_url()

    return _default_site.get("default", content_versions.content_version(), find)


def email_link(path):
    return f"{site_url()}{path}"


def host_and_port(url):
    """The hostname and port a Wagtail Site needs to answer with exactly ``url``."""
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(f"SITE_URL must look like https://example.org, not {url!r}")
    if parts.path.strip("/") or parts.query or parts.fragment:
        raise ImproperlyConfigured(
            f"SITE_URL must be the address of the site's home page, with no path: {url!r}"
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if (parts.scheme == "https") != (port == 443):
        raise ImproperlyConfigured(
            f"Wagtail can only record https on port 443 and http on any other port: {url!r}"
        )
    return parts.hostname, port


def point_site_at_site_url(site):
    """Give the Site SITE_URL's hostname and port; True when that changed anything."""
    hostname, port = host_and_port(configured_url())
    if (site.hostname, site.port) == (hostname, port):
        return False
    taken = Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk)
    if taken.exists():
        raise ImproperlyConfigured(
            f"Another Wagtail site already answers at {hostname}:{port}; remove it or "
            "change SITE_URL."
        )
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return True


_found = PerContentVersionByKey()  # by host and scheme


def root_url(request):
    """The address of the Wagtail site that answers this request, with no trailing slash.

    Every page's canonical link asks for it, and Wagtail's lookup of the site by hostname
    cost more than the rest of a search results page's queries; a Site changing bumps
    the page cache's content version, so the answer is kept per host and version.
    """

    def find():
        site = Site.find_for_request(request)
        return site.root_url if site is not None else f"{request.scheme}://{request.get_host()}"

    key = (request.get_host(), request.scheme)
    return _found.get(key, content_versions.content_version(), find)


_sites = PerContentVersionByKey()  # by host and port


class KnownSiteMiddleware:
    """Wagtail looks the request's site up by hostname on every request, to route a page
    and to link to any other. Which site answers a host changes only when a Site does,
    and that bumps the content version, so the answer is kept per host, port and
    version and handed to Wagtail where it keeps its own answer for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            key = (request.get_host(), request.get_port())
            site = _sites.get(key, content_versions.content_version(), lambda: _find(request))
            request._wagtail_site = site
        return self.get_response(request)


def _find(request):
    return Site.find_for_request(request)


def is_local_path(request, target):
    """Whether `target`, sent by the browser, is a path on this site to send someone back to.

    Only a path counts: another host or scheme would be an open redirect, and a bare word
    is no address at all (redirect() would read it as the name of a URL).
    """
    return (
        target.startswith("/")
        and not target.startswith("//")
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    )
