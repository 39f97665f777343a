"""Events are found by /search/ on both paths, and only by those who may see them."""

import pytest

from network.events.models import EventPage
from tests.factories import EventPageFactory, member_user

pytestmark = pytest.mark.django_db


def found(client, **params):
    response = client.get("/search/", params)
    assert response.status_code == 200
    search = response.context["search"]
    hits = search.page.object_list if search.page else []
    return search, [(hit.title, hit.kind_label) for hit in hits]


@pytest.fixture
def events(event_index):
    public = EventPageFactory(
        parent=event_index,
        title="Peer support network meeting",
        summary="Peer workers compare supervision arrangements across the region.",
    )
    EventPageFactory(
        parent=event_index,
        title="Closed peer support learning set",
        summary="For members running peer support teams.",
        audience="members",
    )
    return public


def test_the_database_path_finds_events_for_who_may_see_them(client, events):
    search, hits = found(client, q="peer support")
    assert search.engine == "database"
    assert ("Peer support network meeting", "Events") in hits
    assert all("Closed" not in title for title, _kind in hits)
    _search, only_events = found(client, q="peer support", type="event")
    assert [title for title, _kind in only_events] == ["Peer support network meeting"]
    client.force_login(member_user())
    _search, hits = found(client, q="peer support", type="event")
    assert {title for title, _kind in hits} == {
        "Peer support network meeting",
        "Closed peer support learning set",
    }


def test_elasticsearch_finds_events_for_who_may_see_them(client, elastic, events):
    elastic.rebuild()
    elastic.refresh()
    search, hits = found(client, q="supervision arrangements")
    assert search.engine == "elasticsearch", search.notice
    assert ("Peer support network meeting", "Events") in hits
    _search, hits = found(client, q="peer support", type="event")
    assert [title for title, _kind in hits] == ["Peer support network meeting"]
    client.force_login(member_user())
    _search, hits = found(client, q="peer support", type="event")
    assert len(hits) == 2

    EventPage.objects.get(pk=events.pk).unpublish()
    elastic.sync()
    client.logout()
    _search, hits = found(client, q="peer support", type="event")
    assert hits == []
