from allauth.account import views as allauth_views
from django.urls import path, re_path
from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtaildocs_serve

from . import sign_in_doors, views

urlpatterns = [
    path("join/", views.join, name="join"),
    path("join/invitation/<str:token>/", views.accept_invitation, name="join-invitation"),
    path("profile/", views.profile_edit, name="profile-edit"),
    path("profile/data/", views.your_data, name="my-data"),
    path("profile/data/download/", views.download_data, name="my-data-download"),
    path("profile/delete/", views.delete_account, name="account-delete"),
]

# Wagtail's own ways in, each sent through allauth: network/urls.py includes these ahead
# of the Wagtail addresses they stand in for.
sign_in_overrides = [
    path("admin/login/", sign_in_doors.admin_login),
    path("admin/logout/", allauth_views.logout),
    re_path(r"^admin/password_reset/(?P<rest>.*)$", sign_in_doors.admin_password_reset),
    # Wagtail's front-end sign-in, where its privacy "login" restriction used to send people.
    path("_util/login/", sign_in_doors.frontend_login),
    # Wagtail's privacy password forms, limited as sign-in is (the paths are Wagtail's own).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        sign_in_doors.limit_privacy_passwords(wagtail_views.authenticate_with_password),
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        sign_in_doors.limit_privacy_passwords(wagtaildocs_serve.authenticate_with_password),
    ),
]
