from django.urls import path

from . import views

urlpatterns = [
    path("share/case-study/", views.suggest, name="suggest-case-study"),
    path("share/case-study/<id:pk>/edit/", views.suggest_edit, name="suggest-case-study-edit"),
]
