from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from network.models.information import PURPOSES

from . import contact, views
from . import information_views as information
from . import member_directory as members
from . import taxonomy_views as taxonomy
from .sitemaps import sitemaps

urlpatterns = [
    path("members/", members.member_directory, name="member-directory"),
    path("members/<slug:slug>/", members.member_detail, name="member-detail"),
    path("themes/", taxonomy.term_index, {"kind": "theme"}, name="theme-index"),
    path("themes/<slug:slug>/", taxonomy.term_detail, {"kind": "theme"}, name="theme-detail"),
    path("sectors/", taxonomy.term_index, {"kind": "sector"}, name="sector-index"),
    path("sectors/<slug:slug>/", taxonomy.term_detail, {"kind": "sector"}, name="sector-detail"),
    path("regions/", taxonomy.term_index, {"kind": "region"}, name="region-index"),
    path("regions/<slug:slug>/", taxonomy.term_detail, {"kind": "region"}, name="region-detail"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("contact/", contact.contact, name="contact"),
    path("contact/sent/", contact.contact_sent, name="contact-sent"),
]
# Each standard page keeps its address (the URL name is the purpose: "privacy",
# "accessibility" and so on) wherever it sits in the page tree: network/urls.py includes
# these ahead of Wagtail's own routing.
urlpatterns += [
    path(f"{purpose}/", information.information_page, {"purpose": purpose}, name=purpose)
    for purpose, _label in PURPOSES
]
