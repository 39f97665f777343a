"""The database's last word on Elasticsearch's hits, kept per content version.

Which pages each audience may see is read once per version, so these tests prove that
every way a page can leave an audience's view changes the answer on the next search.
"""

import pytest
from django.contrib.auth.models import AnonymousUser

from search.visible import visible_keys
from tests.factories import BlogPageFactory, CaseStudyPageFactory, MemberProfileFactory

pytestmark = pytest.mark.django_db

VISITOR = AnonymousUser()


def test_members_only_pages_are_visible_to_members_alone(blog_index, member):
    open_post = BlogPageFactory(parent=blog_index)
    members_post = BlogPageFactory(parent=blog_index, audience="members")
    keys = [("post", open_post.pk), ("post", members_post.pk)]
    assert visible_keys(VISITOR, keys) == {("post", open_post.pk)}
    assert visible_keys(member, keys) == set(keys)


def test_the_ids_are_read_once_until_content_changes(
    blog_index, case_index, django_assert_num_queries
):
    post = BlogPageFactory(parent=blog_index)
    study = CaseStudyPageFactory(parent=case_index)
    keys = [("post", post.pk), ("case-study", study.pk)]
    assert visible_keys(VISITOR, keys) == set(keys)
    with django_assert_num_queries(0):
        assert visible_keys(VISITOR, keys) == set(keys)
    later = BlogPageFactory(parent=blog_index)  # a change: read again, and found
    assert ("post", later.pk) in visible_keys(VISITOR, [*keys, ("post", later.pk)])


def test_unpublishing_hiding_for_review_and_making_members_only_apply_at_once(blog_index):
    unpublished = BlogPageFactory(parent=blog_index)
    hidden = BlogPageFactory(parent=blog_index)
    restricted = BlogPageFactory(parent=blog_index)
    keys = [("post", page.pk) for page in (unpublished, hidden, restricted)]
    assert visible_keys(VISITOR, keys) == set(keys)

    unpublished.unpublish()
    hidden.hide_for_review(True)  # a queryset update, announced by a signal
    restricted.audience = "members"
    restricted.save_revision().publish()
    assert visible_keys(VISITOR, keys) == set()


def test_a_deleted_page_is_no_longer_visible(blog_index):
    post = BlogPageFactory(parent=blog_index)
    key = ("post", post.pk)
    assert visible_keys(VISITOR, [key]) == {key}
    post.delete()
    assert visible_keys(VISITOR, [key]) == set()


def test_profiles_follow_who_is_asking(member):
    hidden = MemberProfileFactory(visibility="hidden")
    own = MemberProfileFactory(visibility="hidden", user=member)
    keys = [("member", hidden.pk), ("member", own.pk)]
    assert visible_keys(member, keys) == {("member", own.pk)}
    assert visible_keys(VISITOR, keys) == set()


def test_a_kind_the_worker_does_not_know_is_shown_to_nobody(blog_index):
    post = BlogPageFactory(parent=blog_index)
    assert visible_keys(VISITOR, [("unknown-kind", post.pk)]) == set()
