from django.urls import path

from . import private_media

urlpatterns = [
    path("private-media/<path:name>", private_media.serve, name="private-media"),
]
