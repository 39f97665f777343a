from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/suggest/", views.suggest, name="search-suggest"),
    path("search/open/", views.opened, name="search-click"),
]
