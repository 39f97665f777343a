"""Each app keeps its addresses in its own urls.py, and network/urls.py puts them together
without changing one: the same names, the same addresses, the same views, and the
network's own answers still ahead of Wagtail's where both claim an address."""

from importlib import import_module

import pytest
from django.urls import resolve, reverse

# Each urls.py, the names it holds, and for each an address it had in network/urls.py.
ADDRESSES = {
    "blog.urls": {
        "share": ((), "/share/"),
        "share-mine": ((), "/share/mine/"),
        "share-edit": ((7,), "/share/7/edit/"),
    },
    "casestudies.urls": {
        "suggest-case-study": ((), "/share/case-study/"),
        "suggest-case-study-edit": ((7,), "/share/case-study/7/edit/"),
    },
    "network.events.urls": {
        "event-enrol": ((7,), "/events/7/enrol/"),
        "event-cancel": ((7,), "/events/7/cancel/"),
    },
    "network.members.urls": {
        "join": ((), "/join/"),
        "join-invitation": (("abc",), "/join/invitation/abc/"),
        "profile-edit": ((), "/profile/"),
        "my-data": ((), "/profile/data/"),
        "my-data-download": ((), "/profile/data/download/"),
        "account-delete": ((), "/profile/delete/"),
    },
    "network.notifications.urls": {
        "follow": (("theme", 7), "/follow/theme/7/"),
        "following": ((), "/profile/following/"),
        "email-preferences": ((), "/profile/emails/"),
        "notifications": ((), "/notifications/"),
        "notifications-read": ((), "/notifications/read/"),
        "notification-open": ((7,), "/notifications/7/"),
        "email-unsubscribe": (("abc",), "/email/unsubscribe/abc/"),
    },
    "network.moderation.urls": {
        "comment-create": ((7,), "/comments/7/"),
        "report-page": ((7,), "/report/post/7/"),
        "report-comment": ((7,), "/report/comment/7/"),
        "share-read": ((7,), "/share/7/"),
        "share-withdraw": ((7,), "/share/7/withdraw/"),
    },
    "search.urls": {
        "search": ((), "/search/"),
        "search-suggest": ((), "/search/suggest/"),
        "search-click": ((), "/search/open/"),
    },
    "network.resources.urls": {
        "document-serve": ((7, "report.pdf"), "/documents/7/report.pdf"),
    },
    "network.media.urls": {
        "private-media": (("images/a.jpg",), "/private-media/images/a.jpg"),
    },
    "network.site.urls": {
        "member-directory": ((), "/members/"),
        "member-detail": (("priya-shah",), "/members/priya-shah/"),
        "theme-index": ((), "/themes/"),
        "theme-detail": (("co-production",), "/themes/co-production/"),
        "sector-index": ((), "/sectors/"),
        "sector-detail": (("vcse",), "/sectors/vcse/"),
        "region-index": ((), "/regions/"),
        "region-detail": (("south-west",), "/regions/south-west/"),
        "sitemap": ((), "/sitemap.xml"),
        "robots-txt": ((), "/robots.txt"),
        "contact": ((), "/contact/"),
        "contact-sent": ((), "/contact/sent/"),
        "about": ((), "/about/"),
        "accessibility": ((), "/accessibility/"),
        "privacy": ((), "/privacy/"),
        "cookies": ((), "/cookies/"),
        "terms": ((), "/terms/"),
        "moderation-policy": ((), "/moderation-policy/"),
    },
}


@pytest.mark.parametrize("module", ADDRESSES)
def test_each_app_s_urls_module_holds_its_own_addresses_by_their_old_names(module):
    patterns = {pattern.name: pattern for pattern in import_module(module).urlpatterns}
    assert set(patterns) == set(ADDRESSES[module])
    for name, (args, address) in ADDRESSES[module].items():
        assert reverse(name, args=args) == address, name
        found = resolve(address)
        assert found.url_name == name, address
        assert found.func is patterns[name].callback, address


@pytest.mark.parametrize(
    ("address", "view"),
    [
        ("/admin/login/", "network.members.sign_in_doors.admin_login"),
        ("/admin/password_reset/", "network.members.sign_in_doors.admin_password_reset"),
        ("/_util/login/", "network.members.sign_in_doors.frontend_login"),
        ("/documents/7/report.pdf", "network.resources.access.serve_document"),
        ("/privacy/", "network.site.information_views.information_page"),
        ("/events/7/enrol/", "network.events.views.enrol_view"),
    ],
)
def test_the_network_answers_ahead_of_wagtail_where_both_claim_an_address(address, view):
    found = resolve(address)
    assert f"{found.func.__module__}.{found.func.__qualname__}" == view
