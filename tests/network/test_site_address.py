"""One address for the site: emails follow SITE_URL; pages, canonical and og:url links and
the sitemap follow the Wagtail Site, which `manage.py set_site_url` points at SITE_URL.

`make run PORT=8141` serves on another port; without this the sitemap said
http://localhost/, emails named whatever host the request came in by, and canonical
links named whatever host the visitor typed.
"""

import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from network.platform.site_address import host_and_port
from tests.factories import BlogPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db

ADDRESS = "http://127.0.0.1:8141"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def served_at_another_port(settings, blog_index):
    settings.WAGTAILADMIN_BASE_URL = ADDRESS
    call_command("set_site_url", stdout=io.StringIO())
    return blog_index


def test_set_site_url_points_the_default_site_at_site_url(served_at_another_port):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8141)
    assert site.root_url == ADDRESS


def test_canonical_and_og_url_use_the_site_whatever_host_was_typed(client, served_at_another_port):
    post = BlogPageFactory(parent=served_at_another_port, title="Shared front door")
    for url in ("/members/", post.url):
        html = client.get(url, HTTP_HOST="localhost:8141").content.decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        og_url = re.search(r'<meta property="og:url" content="([^"]+)"', html).group(1)
        assert canonical == og_url == f"{ADDRESS}{url}"


def test_sharing_image_is_named_at_the_site_whatever_host_was_typed(client, served_at_another_port):
    photo = get_image_model().objects.create(title="Photo", file=get_test_image_file())
    post = BlogPageFactory(parent=served_at_another_port, share_image=photo)
    html = client.get(post.url, HTTP_HOST="localhost:8141").content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert og_image.startswith(f"{ADDRESS}/"), og_image
    assert "fill-1200x630" in og_image
    data = re.search(r'<script type="application/ld\+json">(.+?)</script>', html).group(1)
    assert json.loads(data)["image"] == og_image


def test_sitemap_and_robots_use_the_site(client, served_at_another_port):
    post = BlogPageFactory(parent=served_at_another_port, title="Shared front door")
    MemberProfileFactory(visibility="public")
    response = client.get("/sitemap.xml", HTTP_HOST="localhost:8141")
    root = ET.fromstring(response.content)  # noqa: S314 - our own response
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert any("/themes/" in loc for loc in locations)
    assert any("/members/" in loc for loc in locations)
    assert f"{ADDRESS}{post.url}" in locations
    assert all(loc.startswith(f"{ADDRESS}/") for loc in locations), locations
    robots = client.get("/robots.txt", HTTP_HOST="localhost:8141").content.decode()
    assert f"Sitemap: {ADDRESS}/sitemap.xml" in robots


def test_emails_link_to_site_url_whatever_host_the_request_used(client, served_at_another_port):
    client.post(
        reverse("account_signup"),
        {
            "email": "rowan@example.org",
            "password1": "a long password 2026",
            "password2": "a long password 2026",
        },
        HTTP_HOST="localhost:8141",
    )
    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert links
    assert all(link.startswith(f"{ADDRESS}/") for link in links), links


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://network.example.org", ("network.example.org", 443)),
        ("https://network.example.org/", ("network.example.org", 443)),
        ("http://127.0.0.1:8141", ("127.0.0.1", 8141)),
        ("http://localhost", ("localhost", 80)),
    ],
)
def test_site_url_becomes_a_hostname_and_port(url, expected):
    assert host_and_port(url) == expected


@pytest.mark.parametrize(
    "url", ["network.example.org", "https://network.example.org:8443", "https://x.org/network/"]
)
def test_site_urls_wagtail_cannot_record_are_refused(url):
    with pytest.raises(ImproperlyConfigured):
        host_and_port(url)


def test_set_site_url_explains_a_bad_address(settings, home):
    settings.WAGTAILADMIN_BASE_URL = "https://network.example.org:8443"
    with pytest.raises(CommandError, match="https on port 443"):
        call_command("set_site_url")


def test_make_run_passes_its_port_to_site_url_and_the_site():
    """`make run PORT=…` must reach both the demo's printed links and the Site record."""
    from django.conf import settings as django_settings

    root = django_settings.BASE_DIR
    run = (root / "scripts" / "run").read_text()
    assert 'export SITE_URL="${SITE_URL:-http://$HOST:$PORT}"' in run
    assert run.index("manage.py set_site_url") < run.index("manage.py runserver")
    makefile = (root / "Makefile").read_text()
    assert "SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py load_demo" in makefile
