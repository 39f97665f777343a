from django.urls import path

from . import views

urlpatterns = [
    path("share/", views.share, name="share"),
    path("share/mine/", views.share_mine, name="share-mine"),
    path("share/<id:pk>/edit/", views.share_edit, name="share-edit"),
]
