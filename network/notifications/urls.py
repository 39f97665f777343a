from django.urls import path

from . import views

urlpatterns = [
    path("follow/<slug:kind>/<id:pk>/", views.follow, name="follow"),
    path("profile/following/", views.following_page, name="following"),
    path("profile/emails/", views.email_preferences, name="email-preferences"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.mark_read, name="notifications-read"),
    path("notifications/<id:pk>/", views.open_notification, name="notification-open"),
    path("email/unsubscribe/<str:token>/", views.unsubscribe_view, name="email-unsubscribe"),
]
