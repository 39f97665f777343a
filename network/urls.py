from allauth.account import views as allauth_views
from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from blog import views as share_views
from casestudies import views as suggestion_views
from network.events import views as event_views
from network.media import private_media
from network.members import sign_in_doors as admin_access
from network.members import views as account_views
from network.models.information import PURPOSES
from network.moderation import discussion_views as discussion
from network.notifications import views as following_views
from network.resources import access as resource_access
from network.site import contact
from network.site import information_views as information
from network.site import member_directory as members
from network.site import taxonomy_views as taxonomy
from network.site import views as site
from network.site.sitemaps import sitemaps
from search import views as search_views

handler400 = site.bad_request

urlpatterns = [
    # Ahead of Wagtail's own: the admin signs people in and out through allauth only.
    path("admin/login/", admin_access.admin_login),
    path("admin/logout/", allauth_views.logout),
    re_path(r"^admin/password_reset/(?P<rest>.*)$", admin_access.admin_password_reset),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's front-end sign-in, where its privacy "login" restriction used to send people.
    path("_util/login/", admin_access.frontend_login),
    # Wagtail's privacy password forms, limited as sign-in is (the paths are Wagtail's own).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        admin_access.limit_privacy_passwords(wagtail_views.authenticate_with_password),
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        admin_access.limit_privacy_passwords(wagtaildocs_serve.authenticate_with_password),
    ),
    path(
        "documents/<int:document_id>/<str:document_filename>",
        resource_access.serve_document,
        name="document-serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("private-media/<path:name>", private_media.serve, name="private-media"),
    path("accounts/", include("allauth.urls")),
    path("join/", account_views.join, name="join"),
    path("join/invitation/<str:token>/", account_views.accept_invitation, name="join-invitation"),
    path("profile/", account_views.profile_edit, name="profile-edit"),
    path("profile/data/", account_views.your_data, name="my-data"),
    path("profile/data/download/", account_views.download_data, name="my-data-download"),
    path("profile/delete/", account_views.delete_account, name="account-delete"),
    path("share/", share_views.share, name="share"),
    path("share/mine/", share_views.share_mine, name="share-mine"),
    path("share/<id:pk>/edit/", share_views.share_edit, name="share-edit"),
    path("share/case-study/", suggestion_views.suggest, name="suggest-case-study"),
    path(
        "share/case-study/<id:pk>/edit/",
        suggestion_views.suggest_edit,
        name="suggest-case-study-edit",
    ),
    path("comments/<id:page_id>/", discussion.comment_create, name="comment-create"),
    path("report/post/<id:pk>/", discussion.report_item, {"kind": "page"}, name="report-page"),
    path(
        "report/comment/<id:pk>/",
        discussion.report_item,
        {"kind": "comment"},
        name="report-comment",
    ),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search-suggest"),
    path("search/open/", search_views.opened, name="search-click"),
    path("members/", members.member_directory, name="member-directory"),
    path("members/<slug:slug>/", members.member_detail, name="member-detail"),
    path("themes/", taxonomy.term_index, {"kind": "theme"}, name="theme-index"),
    path("themes/<slug:slug>/", taxonomy.term_detail, {"kind": "theme"}, name="theme-detail"),
    path("sectors/", taxonomy.term_index, {"kind": "sector"}, name="sector-index"),
    path("sectors/<slug:slug>/", taxonomy.term_detail, {"kind": "sector"}, name="sector-detail"),
    path("regions/", taxonomy.term_index, {"kind": "region"}, name="region-index"),
    path("regions/<slug:slug>/", taxonomy.term_detail, {"kind": "region"}, name="region-detail"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", site.robots_txt, name="robots-txt"),
    path("follow/<slug:kind>/<id:pk>/", following_views.follow, name="follow"),
    path("profile/following/", following_views.following_page, name="following"),
    path("profile/emails/", following_views.email_preferences, name="email-preferences"),
    path("notifications/", following_views.notifications, name="notifications"),
    path("notifications/read/", following_views.mark_read, name="notifications-read"),
    path("notifications/<id:pk>/", following_views.open_notification, name="notification-open"),
    path(
        "email/unsubscribe/<str:token>/",
        following_views.unsubscribe_view,
        name="email-unsubscribe",
    ),
    path("events/<id:pk>/enrol/", event_views.enrol_view, name="event-enrol"),
    path("events/<id:pk>/cancel/", event_views.cancel_view, name="event-cancel"),
    path("contact/", contact.contact, name="contact"),
    path("contact/sent/", contact.contact_sent, name="contact-sent"),
]
# Ahead of Wagtail's own routing, so each standard page keeps its address (the URL name is
# the purpose: "privacy", "accessibility" and so on) wherever it sits in the page tree.
urlpatterns += [
    path(f"{purpose}/", information.information_page, {"purpose": purpose}, name=purpose)
    for purpose, _label in PURPOSES
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
