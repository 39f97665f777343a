"""A visitor refused a members-only page is told what kind of page it is and where the
public ones of that kind are, whatever the kind: one refusal, filled in by each kind."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    ResourcePageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The kind as a visitor is told it: its factory, the fixture of its listing, and its plural.
KINDS = {
    "reflection": (BlogPageFactory, "blog_index", "reflections"),
    "case study": (CaseStudyPageFactory, "case_index", "case studies"),
    "event": (EventPageFactory, "event_index", "events"),
    "resource": (ResourcePageFactory, "resource_index", "resources"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_a_members_only_page_tells_a_visitor_what_it_is_and_where_the_public_ones_are(
    client, request, kind
):
    factory, listing_fixture, kinds = KINDS[kind]
    listing = request.getfixturevalue(listing_fixture)
    kept = factory(parent=listing, title="Kept among members", audience="members")

    for viewer in (None, UserFactory()):
        client.logout()
        if viewer is not None:
            client.force_login(viewer)

        response = client.get(kept.url)

        assert response.status_code == 403
        html = response.content.decode()
        assert "Kept among members" not in html
        main = BeautifulSoup(html, "html.parser").find("main")
        assert main.find("h1").get_text(strip=True) == f"This {kind} is for network members"
        text = main.get_text(" ", strip=True)
        for other in KINDS.keys() - {kind}:
            assert other not in text.lower(), other
        link = main.find("a", string=f"See the public {kinds}")
        assert link is not None, text
        assert link["href"] == listing.url
        if viewer is None:
            assert "Sign in if you are a member" in text
        else:
            assert "Your account is not yet a network member" in text
