from django.urls import path

from network.platform import url_converters  # noqa: F401  (registers <id:...>)

from . import views

urlpatterns = [
    path("share/", views.share, name="share"),
    path("share/mine/", views.share_mine, name="share-mine"),
    path("share/<id:pk>/edit/", views.share_edit, name="share-edit"),
]
