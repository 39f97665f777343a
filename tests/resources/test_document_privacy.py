"""A document in a collection with Wagtail's privacy set is refused at every address.

Wagtail's document page (/documents/<id>/<name>) applies a collection's password, sign-in
or group restriction; the file's own address (/private-media/documents/<name>, whose name
the first one gives away) must apply exactly the same rules, for each kind of restriction.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import ResourcePageFactory, UserFactory, document, member_user

pytestmark = pytest.mark.django_db

PASSWORD = "collection-secret"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def served(response):
    return response.status_code == 200 and body(response).startswith(b"%PDF-")


def both_addresses(item):
    return [item.url, item.file.url]


@pytest.fixture
def restricted(resource_index):
    """A public resource whose document sits in a collection with the given restriction."""

    def make(kind, groups=()):
        collection = Collection.get_first_root_node().add_child(name=f"Restricted {kind}")
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=kind,
            password=PASSWORD if kind == CollectionViewRestriction.PASSWORD else "",
        )
        restriction.groups.set(groups)
        item = document(["Held back by the collection"], name=f"{kind}.pdf")
        item.collection = collection
        item.save()
        ResourcePageFactory(parent=resource_index, document=item)
        return item, restriction

    return make


def test_the_private_media_address_is_the_file_of_the_document_page(restricted):
    item, _restriction = restricted(CollectionViewRestriction.LOGIN)

    assert item.file.url == f"/private-media/{item.file.name}"
    assert item.file.name.startswith("documents/")


def test_a_sign_in_restriction_holds_at_both_addresses(client, restricted):
    item, _restriction = restricted(CollectionViewRestriction.LOGIN)

    for url in both_addresses(item):
        response = client.get(url)
        assert not served(response), url
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/login/?next="), url

    client.force_login(member_user())
    for url in both_addresses(item):
        assert served(client.get(url)), url


def test_a_password_restriction_holds_at_both_addresses(client, restricted):
    item, restriction = restricted(CollectionViewRestriction.PASSWORD)

    for url in both_addresses(item):
        response = client.get(url)
        assert not served(response), url
        assert 'name="password"' in response.content.decode(), url

    client.post(
        f"/documents/authenticate_with_password/{restriction.pk}/",
        {"password": PASSWORD, "return_url": item.url},
    )
    for url in both_addresses(item):
        assert served(client.get(url)), url


def test_a_groups_restriction_holds_at_both_addresses(client, restricted):
    readers = Group.objects.create(name="Steering group")
    item, _restriction = restricted(CollectionViewRestriction.GROUPS, groups=[readers])

    for url in both_addresses(item):
        assert not served(client.get(url)), url
    outsider = member_user()
    client.force_login(outsider)
    for url in both_addresses(item):
        assert not served(client.get(url)), url

    insider = UserFactory()
    insider.groups.add(readers)
    client.force_login(insider)
    for url in both_addresses(item):
        assert served(client.get(url)), url


def test_an_unrestricted_collection_still_serves_a_public_resource(client, resource_index):
    item = document(["Open to all"], name="open.pdf")
    ResourcePageFactory(parent=resource_index, document=item)

    for url in both_addresses(item):
        assert served(client.get(url)), url
