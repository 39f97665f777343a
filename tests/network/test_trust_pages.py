"""The pages that make the site trustworthy: how it treats people's data, how it is
moderated and tested, a way to reach the facilitators, urgent help on every page, and
regions outside England marked as outside the framework.

Contact messages go out through a real mail server (aiosmtpd), so what is checked is the
email the facilitators would actually receive.
"""

import importlib
import io
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from blog.models import BlogIndexPage
from casestudies.models import CaseStudyIndexPage
from network.models import ContactMessage, HomePage, InformationPage, Region
from network.models.information import KEEP_CONTACT_MESSAGES_DAYS
from network.site.information_content import PAGES, ensure_information_pages
from tests.factories import BlogPageFactory, UserFactory, facilitator_user
from tests.network.test_email_delivery import smtp_server  # noqa: F401  (a fixture)

pytestmark = pytest.mark.django_db

ADDRESSES = {
    "about": "/about/",
    "accessibility": "/accessibility/",
    "privacy": "/privacy/",
    "cookies": "/cookies/",
    "terms": "/terms/",
    "moderation-policy": "/moderation-policy/",
}
HONEYPOT = settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counts live in the cache, which outlasts a test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def information_pages(home):
    return {page.purpose: page for page in ensure_information_pages(home)}


def message(**overrides):
    return {
        "name": "Priya Shah",
        "email": "priya@example.org",
        "topic": "accessibility",
        "message": "The compare table is hard to use with my screen magnifier.",
        **overrides,
    }


# Information pages --------------------------------------------------------------------


def test_each_standard_page_is_published_at_its_own_address(client, information_pages):
    assert set(information_pages) == set(ADDRESSES)
    for purpose, address in ADDRESSES.items():
        assert reverse(purpose) == address
        response = client.get(address)
        assert response.status_code == 200, address
        html = response.content.decode()
        assert f"<h1>{information_pages[purpose].title}</h1>" in html
        assert information_pages[purpose].url == address
    assert reverse("privacy") == "/privacy/"


def test_a_renamed_or_moved_page_keeps_its_address(client, information_pages, home):
    privacy = information_pages["privacy"]
    privacy.title = "How we use your information"
    privacy.slug = "your-information"
    privacy.save_revision().publish()
    privacy.move(information_pages["about"], pos="last-child")
    privacy.refresh_from_db()

    response = client.get("/privacy/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>How we use your information</h1>" in html
    assert privacy.url == "/privacy/"
    assert 'rel="canonical" href="http://testserver/privacy/"' in html


def test_an_unpublished_page_is_not_shown(client, information_pages):
    information_pages["terms"].unpublish()
    assert client.get("/terms/").status_code == 404


def test_a_private_page_stays_private_at_its_fixed_address(client, information_pages):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=information_pages["privacy"], restriction_type="login")
    response = client.get("/privacy/")
    assert response.status_code == 302
    assert "next=/privacy/" in response["Location"]


def test_the_pages_say_what_the_site_really_keeps_and_sets(client, information_pages):
    privacy = client.get("/privacy/").content.decode()
    assert "30 days" in privacy  # failed emails (network/notifications/mail.py KEEP_FAILURES_DAYS)
    assert "/profile/data/" in privacy  # the download and deletion members already have
    assert "kept for one year" in privacy
    assert KEEP_CONTACT_MESSAGES_DAYS == 365
    cookies = client.get("/cookies/").content.decode()
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, "messages"):
        assert f"<strong>{name}</strong>" in cookies
    accessibility = client.get("/accessibility/").content.decode()
    assert "axe-core" in accessibility
    assert "320 pixels" in accessibility


def test_loading_again_adds_only_what_is_missing(home, information_pages):
    about = information_pages["about"]
    about.title = "About us"
    about.save_revision().publish()
    information_pages["cookies"].delete()

    again = ensure_information_pages(home)

    assert [page.purpose for page in again] == ["cookies"]
    assert InformationPage.objects.get(purpose="about").title == "About us"
    assert InformationPage.objects.count() == len(PAGES)


def test_a_home_page_made_in_the_admin_comes_with_the_standard_pages(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    root = Page.get_first_root_node()
    data = nested_form_data(
        {
            "title": "Our network",
            "slug": "our-network",
            "introduction": "Shared learning.",
            "join_heading": "Join the network",
            "join_text": rich_text(""),
            "featured_case_studies": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("network", "homepage", root.pk)), data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    home = HomePage.objects.get(slug="our-network")
    purposes = set(InformationPage.objects.child_of(home).live().values_list("purpose", flat=True))
    assert purposes == set(ADDRESSES)


def test_a_new_site_gets_its_pages_from_set_up_site_after_migrate(client):
    """A deploy runs migrate then set_up_site; the footer's pages exist before sign-in."""
    out = io.StringIO()
    call_command("set_up_site", stdout=out)
    assert "Site set up: created" in out.getvalue()
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
    for address in [*ADDRESSES.values(), "/", "/blog/", "/case-studies/", "/events/", "/contact/"]:
        assert client.get(address).status_code == 200, address
    for index in (BlogIndexPage.objects.get(), CaseStudyIndexPage.objects.get()):
        assert index.get_workflow().name == "Facilitator review"
    pages = Page.objects.count()
    out = io.StringIO()
    call_command("set_up_site", stdout=out)
    assert "nothing new" in out.getvalue()
    assert Page.objects.count() == pages


def test_the_data_migration_adds_the_pages_to_an_existing_site(client, home):
    migration = importlib.import_module(
        "network.migrations.0009_information_pages_contact_region_scope"
    )
    migration.add_information_pages(apps, None)

    home.refresh_from_db()
    children = InformationPage.objects.child_of(home)
    assert children.count() == len(PAGES)
    assert home.numchild == len(PAGES)
    for page in children:
        page.full_clean()  # a valid place in the tree, not just rows in the table
    assert client.get("/moderation-policy/").status_code == 200
    migration.add_information_pages(apps, None)  # a second run finds nothing missing
    assert InformationPage.objects.count() == len(PAGES)


def test_footer_links_to_every_trust_page(client, home):
    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="nhsuk-footer"') :]
    for address in [*ADDRESSES.values(), "/contact/"]:
        assert f'href="{address}"' in footer, address


# Urgent help -------------------------------------------------------------------------


def test_every_page_footer_shows_where_to_get_urgent_help(client, home):
    for address in ["/", "/regions/", "/contact/"]:
        html = client.get(address).content.decode()
        footer = html[html.index('<footer class="nhsuk-footer"') :]
        assert "nhsuk-card--care--urgent" in footer
        for number in ('href="tel:999"', 'href="tel:111"', 'href="tel:116123"'):
            assert number in footer
        assert "urgent-mental-health-helpline" in footer


NOT_WATCHED = "Facilitators do not read posts and messages straight away"


def _main(html):
    return html[html.index('<main class="nhsuk-main-wrapper"') : html.index("</main>")]


def test_share_and_comment_forms_say_the_site_is_not_for_emergencies(client, member, blog_index):
    client.force_login(member)
    share = _main(client.get(reverse("share")).content.decode())
    assert NOT_WATCHED in share
    assert "nhsuk-card--care" in share

    post = BlogPageFactory(parent=blog_index, title="Supervision that works")
    thread = _main(client.get(post.url).content.decode())
    assert NOT_WATCHED in thread
    assert 'href="tel:116123"' in thread

    refused = client.post(reverse("comment-create", args=[post.pk]), {"body": " "})
    assert refused.status_code == 400
    assert NOT_WATCHED in _main(refused.content.decode())


# Contact form ------------------------------------------------------------------------


def test_contact_message_is_kept_and_emailed_to_facilitators(client, smtp_server):  # noqa: F811
    facilitator_user(email="facilitator@example.org")
    form = client.get(reverse("contact"))
    assert form.status_code == 200
    assert "private" in form["Cache-Control"]  # the form holds this visitor's CSRF token
    assert f'name="{HONEYPOT}"' in form.content.decode()

    response = client.post(reverse("contact"), message())

    assert response.status_code == 302
    assert response["Location"] == reverse("contact-sent")
    kept = ContactMessage.objects.get()
    assert (kept.name, kept.email, kept.topic) == (
        "Priya Shah",
        "priya@example.org",
        "accessibility",
    )
    [email] = smtp_server.to("facilitator@example.org")
    assert "A problem using the site" in email["Subject"]
    text = email.get_body(("plain",)).get_content()
    assert "priya@example.org" in text
    assert "screen magnifier" in text
    assert f"/admin/snippets/network/contactmessage/edit/{kept.pk}/" in text
    confirmation = client.get(response["Location"]).content.decode()
    assert "Message sent" in confirmation


def test_mistakes_are_explained_and_what_was_typed_is_kept(client):
    response = client.post(reverse("contact"), message(email="not-an-address", topic=""))

    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Enter an email address in the right format" in html
    assert "Choose what your message is about." in html
    assert 'value="Priya Shah"' in html
    assert "hard to use with my screen magnifier" in html
    assert 'value="not-an-address"' in html
    assert not ContactMessage.objects.exists()


def test_a_form_filled_in_by_a_program_is_not_sent(client, smtp_server):  # noqa: F811
    facilitator_user(email="facilitator@example.org")
    response = client.post(reverse("contact"), message(**{HONEYPOT: "http://spam.example"}))

    assert response.status_code == 400
    assert not ContactMessage.objects.exists()
    assert not smtp_server.received


def test_too_many_messages_in_an_hour_are_refused_keeping_the_text(client, settings):
    settings.CONTACT_MESSAGES_PER_HOUR = 2
    for _ in range(2):
        assert client.post(reverse("contact"), message()).status_code == 302

    response = client.post(reverse("contact"), message(message="One more thing to add."))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "You have sent 2 messages in the last hour" in html
    assert "One more thing to add." in html
    assert ContactMessage.objects.count() == 2


def test_signed_in_people_start_with_their_name_and_address(client, member):
    client.force_login(member)
    html = client.get(reverse("contact")).content.decode()
    assert f'value="{member.email}"' in html


def test_messages_older_than_a_year_are_deleted_when_a_new_one_arrives(client):
    old = ContactMessage.objects.create(**message(name="Old sender"))
    ContactMessage.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - timedelta(days=KEEP_CONTACT_MESSAGES_DAYS + 1)
    )
    recent = ContactMessage.objects.create(**message(name="Recent sender"))

    client.post(reverse("contact"), message(name="New sender"))

    names = set(ContactMessage.objects.values_list("name", flat=True))
    assert names == {"Recent sender", "New sender"}
    assert recent.pk in ContactMessage.objects.values_list("pk", flat=True)


def test_facilitators_read_messages_in_the_admin_and_members_cannot(client, member):
    kept = ContactMessage.objects.create(**message())
    facilitator = facilitator_user()
    client.force_login(facilitator)
    listing = client.get("/admin/snippets/network/contactmessage/")
    assert listing.status_code == 200
    assert "Priya Shah" in listing.content.decode()
    edit = client.get(f"/admin/snippets/network/contactmessage/edit/{kept.pk}/")
    assert "screen magnifier" in edit.content.decode()

    client.force_login(member)
    assert client.get("/admin/snippets/network/contactmessage/").status_code in (302, 403)


# Regions outside England -------------------------------------------------------------


def test_devolved_nations_are_kept_but_marked_outside_the_framework(client):
    outside = set(Region.objects.filter(in_framework=False).values_list("slug", flat=True))
    assert outside == {"scotland", "wales", "northern-ireland"}

    html = _main(client.get(reverse("region-index")).content.decode())
    england, rest = html.split("<h2>Outside England</h2>")
    assert "London" in england
    assert "Scotland" not in england
    for name in ("Scotland", "Wales", "Northern Ireland"):
        assert name in rest
    assert "Outside the framework" in rest

    wales = _main(client.get(reverse("region-detail", args=["wales"])).content.decode())
    assert "the Community Mental Health Framework does not apply here" in wales
    london = _main(client.get(reverse("region-detail", args=["london"])).content.decode())
    assert "does not apply here" not in london
