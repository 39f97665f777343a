"""Members-only case studies reach members everywhere a case study shows, and nobody else."""

import pytest
from django.contrib.auth.models import AnonymousUser

from casestudies.models import CaseStudyPage
from network.models import HomePageFeaturedCaseStudy, Theme
from network.models.mixins import Audience
from search.elastic import documents as index_documents
from tests.factories import CaseStudyPageFactory, UserFactory

pytestmark = pytest.mark.django_db

CLOSED = "Crisis cafe run with members"
OPEN = "Crisis cafe open to all"


@pytest.fixture
def studies(home, case_index):
    theme = Theme.objects.get(slug="access-no-wrong-door")
    closed = CaseStudyPageFactory(
        parent=case_index,
        title=CLOSED,
        slug="crisis-cafe-members",
        audience=Audience.MEMBERS,
        taxonomy={"themes": [theme]},
    )
    public = CaseStudyPageFactory(
        parent=case_index, title=OPEN, slug="crisis-cafe-open", taxonomy={"themes": [theme]}
    )
    for sort_order, study in enumerate((closed, public)):
        HomePageFeaturedCaseStudy.objects.create(
            home_page=home, case_study=study, sort_order=sort_order
        )
    return closed, public


def channels(client, closed, public):
    """Whether the members-only title shows on each channel a case study appears in."""
    compare = f"/case-studies/compare/?ids={closed.pk},{public.pk}"
    return {
        "listing": CLOSED in client.get("/case-studies/").content.decode(),
        "home": CLOSED in client.get("/").content.decode(),
        "theme page": CLOSED in client.get("/themes/access-no-wrong-door/").content.decode(),
        "compare": CLOSED in client.get(compare).content.decode(),
        "search": CLOSED in client.get("/search/", {"q": "crisis cafe"}).content.decode(),
        "suggest": CLOSED in client.get("/search/suggest/", {"q": "crisis"}).content.decode(),
        "sitemap": "crisis-cafe-members" in client.get("/sitemap.xml").content.decode(),
    }


def test_visitors_and_signed_in_non_members_never_see_a_members_only_case_study(client, studies):
    closed, public = studies
    for viewer in (None, UserFactory()):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)
        assert not any(channels(client, closed, public).values()), viewer
        assert OPEN in client.get("/case-studies/").content.decode()
        response = client.get(closed.url)
        assert response.status_code == 403
        assert "This case study is for network members" in response.content.decode()
        assert CLOSED not in response.content.decode()


def test_members_see_a_members_only_case_study_everywhere_but_the_sitemap(member_client, studies):
    closed, public = studies
    seen = channels(member_client, closed, public)
    assert seen.pop("sitemap") is False
    assert all(seen.values()), seen
    page = member_client.get(closed.url)
    assert page.status_code == 200
    assert "Members only" in page.content.decode()


def test_the_case_study_page_answers_for_its_own_audience(studies):
    closed, public = studies
    assert not closed.is_visible_to(AnonymousUser())
    assert public.is_visible_to(AnonymousUser())
    assert closed.get_sitemap_urls() == []
    assert list(CaseStudyPage.objects.visible_to(None)) == [public]


def test_the_search_index_document_carries_the_case_studys_audience(studies):
    closed, public = studies
    built = index_documents.sources("case-study", [closed.pk, public.pk])
    sources = {source["object_id"]: source for _doc_id, source in built}
    assert sources[closed.pk]["audience"] == "members"
    assert sources[public.pk]["audience"] == "public"
    # "Did you mean" words come from public documents alone.
    assert sources[closed.pk]["spelling"] == ""
    assert "Crisis" in sources[public.pk]["spelling"]


def test_a_members_only_case_studys_picture_reaches_members_alone(client, member, case_index):
    from tests.network.test_private_media import fetch, image_urls, new_image

    image = new_image("Cafe counter")
    study = CaseStudyPageFactory(parent=case_index, audience=Audience.MEMBERS, share_image=image)
    client.force_login(member)
    [picture] = [url for url in image_urls(client.get(study.url).content.decode()) if "cafe" in url]
    assert fetch(client, picture) is not None
    client.logout()
    assert fetch(client, picture) is None
    assert fetch(client, image.file.url) is None
