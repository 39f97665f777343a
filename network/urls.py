from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from network.sitemaps import sitemaps
from network.views import members, site, taxonomy
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
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
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
