"""The library as readers see it: listing and filters, members-only resources and their
files, "text not searchable", and resources shown with the case studies and events that
attach them."""

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.urls import reverse

from network.demo.pdfs import encrypted_pdf_bytes, pdf_bytes
from network.models import Theme
from tests.factories import (
    CaseStudyPageFactory,
    EventPageFactory,
    ResourcePageFactory,
    UserFactory,
    document,
    member_user,
)

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def library(resource_index):
    theme = Theme.objects.get(slug="co-production")
    public = ResourcePageFactory(
        parent=resource_index,
        title="Co-production guide",
        document_type="guide",
        document=document(["Guide page one", "Guide page two"], name="guide.pdf"),
        taxonomy={"themes": [theme]},
    )
    members = ResourcePageFactory(
        parent=resource_index,
        title="Commissioning template for members",
        document_type="template",
        audience="members",
        document=document(["Members only template"], name="template.pdf"),
    )
    return public, members


def test_the_library_lists_resources_and_filters_by_kind_and_theme(client, library):
    response = client.get("/resources/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Co-production guide" in html
    assert "Guide · Community Mental Health Network, 2025 · PDF" in html
    assert "Commissioning template" not in html  # members only
    html = client.get("/resources/", {"type": "template"}).content.decode()
    assert "Co-production guide" not in html
    html = client.get("/resources/", {"theme": "co-production"}).content.decode()
    assert "Co-production guide" in html
    html = client.get("/resources/", {"type": "nonsense", "page": "x"}).content.decode()
    assert "Co-production guide" in html  # unknown filter values are ignored


def test_members_see_members_only_resources_in_the_library(client, library):
    client.force_login(member_user())
    html = client.get("/resources/").content.decode()
    assert "Commissioning template for members" in html
    assert "Members only" in html


def test_a_resource_page_offers_its_document_with_format_size_and_pages(client, library):
    public, _members = library
    html = client.get(public.url).content.decode()
    assert "Published by" in html
    assert f'href="{public.document.url}"' in html
    assert "PDF, " in html
    assert "2 pages" in html
    assert "Text not searchable" not in html


def test_a_resource_page_describes_its_document_and_publisher_for_search_engines(
    client, resource_index
):
    resource = ResourcePageFactory(
        parent=resource_index,
        title="Guide to VCSE alliances",
        summary="How small local organisations joined one alliance.",
        document_type="guide",
        publisher="Northvale VCSE Alliance",
        year=2023,
    )

    page = BeautifulSoup(client.get(resource.url).content.decode(), "html.parser")

    assert page.find("meta", attrs={"property": "og:type"})["content"] == "article"
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == "Guide to VCSE alliances"
    assert data["description"] == "How small local organisations joined one alliance."
    assert data["genre"] == "Guide"
    assert data["publisher"] == {"@type": "Organization", "name": "Northvale VCSE Alliance"}
    assert data["datePublished"] == "2023"
    assert data["encodingFormat"] == "application/pdf"
    assert data["url"] == f"http://testserver{resource.url}"


def test_a_members_only_file_is_refused_to_visitors_by_every_url(client, library):
    _public, members = library
    item = members.document
    urls = [item.url, item.file.url, f"{settings.MEDIA_URL}{item.file.name}"]
    # The file is kept outside the folder the proxy serves to anyone.
    assert not (Path(settings.MEDIA_ROOT) / item.file.name).exists()
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / item.file.name).exists()
    assert client.get(members.url).status_code == 403
    for url in urls[:2]:
        assert client.get(url).status_code == 404, url
    client.force_login(UserFactory())  # signed in, but not a member
    assert client.get(item.url).status_code == 404
    client.force_login(member_user())
    response = client.get(item.url)
    assert response.status_code == 200
    assert body(response).startswith(b"%PDF-")
    assert "private" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_public_file_is_served_to_visitors_but_never_cached_for_others(client, library):
    public, _members = library
    response = client.get(public.document.url)
    assert response.status_code == 200
    assert body(response) == Path(public.document.file.path).read_bytes()
    assert "private" in response["Cache-Control"]


def test_a_withdrawn_or_unused_file_reaches_only_people_who_manage_documents(
    client, library, facilitator
):
    public, _members = library
    public.unpublish()
    unused = document(["Draft upload"], name="draft.pdf")
    for item in (public.document, unused):
        assert client.get(item.url).status_code == 404
    client.force_login(facilitator)
    for item in (public.document, unused):
        assert client.get(item.url).status_code == 200


def test_an_unreadable_document_is_still_published_and_marked(client, resource_index):
    locked = ResourcePageFactory(
        parent=resource_index,
        title="Locked report",
        document=document(data=encrypted_pdf_bytes(["x"], "pw"), name="locked.pdf"),
    )
    scan = ResourcePageFactory(
        parent=resource_index,
        title="Scanned report",
        document=document(["", ""], name="scan.pdf"),
    )
    broken = ResourcePageFactory(
        parent=resource_index,
        title="Broken report",
        document=document(data=pdf_bytes(["words"])[:120], name="broken.pdf"),
    )
    for page, reason in (
        (locked, "locked with a password"),
        (scan, "no text found: probably a scanned image"),
        (broken, "damaged, or not a valid document"),
    ):
        html = client.get(page.url).content.decode()
        assert "Text not searchable" in html, page.title
        assert reason in html, page.title


def test_facilitators_see_which_documents_are_not_searchable(client, resource_index, facilitator):
    ResourcePageFactory(
        parent=resource_index,
        title="Scanned minutes",
        document=document(["", ""], name="minutes.pdf"),
    )
    ResourcePageFactory(parent=resource_index, title="Readable guide")
    url = reverse("resources_not_searchable")
    client.force_login(member_user())
    assert client.get(url).status_code in (302, 403)
    client.force_login(facilitator)
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Scanned minutes" in html
    assert "No text found: probably a scanned image" in html
    assert "Readable guide" not in html
    assert "1 document in the library is searchable" in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url in dashboard  # in the facilitators' menu


def test_case_studies_and_events_show_the_resources_they_attach_to_who_may_see_them(
    client, home, library, event_index
):
    from casestudies.models import CaseStudyIndexPage

    public, members = library
    studies = home.add_child(instance=CaseStudyIndexPage(title="Case studies", slug="cs"))
    study = CaseStudyPageFactory(parent=studies)
    event = EventPageFactory(parent=event_index)
    for page in (study, event):
        page = type(page).objects.get(pk=page.pk)
        for resource in (members, public):
            page.attached_resources.add(page.attached_resources.model(resource=resource))
        page.save_revision().publish()
    for page in (study, event):
        html = client.get(page.url).content.decode()
        assert "Co-production guide" in html
        assert "Commissioning template for members" not in html
    client.force_login(member_user())
    html = client.get(study.url).content.decode()
    assert html.index("Commissioning template") < html.index("Co-production guide")  # in order


def test_members_only_resources_stay_out_of_the_sitemap(client, library):
    public, members = library
    xml = client.get("/sitemap.xml").content.decode()
    assert public.url in xml
    assert members.url not in xml


def test_a_year_in_the_future_or_a_missing_document_is_refused(resource_index):
    from django.core.exceptions import ValidationError

    from network.resources.models import ResourcePage

    page = ResourcePage(title="x", slug="x", summary="s", publisher="p", year=2999)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "year" in error.value.message_dict
    page.year = 2020
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["document"] == ["Choose or upload the document."]


def test_theme_pages_list_their_resources_to_who_may_see_them(client, library):
    public, members = library
    theme = Theme.objects.get(slug="co-production")
    page = type(members).objects.get(pk=members.pk)
    page.themes.add(theme)
    page.save_revision().publish()
    html = client.get(theme.get_absolute_url()).content.decode()
    assert "From the resource library" in html
    assert public.title in html
    assert members.title not in html
    client.force_login(member_user())
    assert members.title in client.get(theme.get_absolute_url()).content.decode()


def test_a_document_linked_from_a_reflection_reaches_whoever_may_read_it(client, blog_index):
    from wagtail.rich_text import RichText

    from tests.factories import BlogPageFactory

    public_file = document(["Linked from a public post"], name="linked.pdf")
    closed_file = document(["Linked from a members-only post"], name="closed.pdf")
    for item, audience in ((public_file, "public"), (closed_file, "members")):
        link = f'<p>See <a linktype="document" id="{item.pk}">the report</a>.</p>'
        BlogPageFactory(parent=blog_index, audience=audience, body=[("rich_text", RichText(link))])
    assert client.get(public_file.url).status_code == 200
    assert client.get(closed_file.url).status_code == 404
    client.force_login(member_user())
    assert client.get(closed_file.url).status_code == 200


def test_a_download_carries_no_made_up_content_encoding(client, library):
    """The file is sent as it is stored: no Content-Encoding at all, never the word None."""
    public, _members = library
    response = client.get(public.document.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_facilitators_see_documents_no_page_or_draft_uses(client, resource_index, facilitator):
    import datetime

    from django.utils import timezone
    from wagtail.documents import get_document_model

    from network.resources.unused import unused_documents

    Document = get_document_model()  # noqa: N806 (a model class)
    old = timezone.now() - datetime.timedelta(days=2)
    attached = ResourcePageFactory(parent=resource_index, title="Attached").document
    orphan = document(name="never-saved.pdf", title="Chosen then abandoned")
    fresh = document(name="being-added.pdf", title="Upload in progress")
    drafted = document(name="draft-only.pdf", title="Only in a draft")
    Document.objects.filter(pk__in=[attached.pk, orphan.pk, drafted.pk]).update(created_at=old)
    live = ResourcePageFactory(parent=resource_index, title="Has a draft")
    Document.objects.filter(pk=live.document.pk).update(created_at=old)
    draft = live.get_latest_revision_as_object()
    draft.document = drafted
    draft.save_revision()

    assert [doc.pk for doc in unused_documents()] == [orphan.pk]
    assert fresh.pk not in [doc.pk for doc in unused_documents()]

    client.force_login(facilitator)
    html = client.get(reverse("resources_unused")).content.decode()
    assert "Chosen then abandoned" in html
    for title in ("Upload in progress", "Only in a draft", "Attached"):
        assert title not in html
