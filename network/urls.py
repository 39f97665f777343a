"""The site's addresses: each app's own urls.py, and the third-party ones, in the order
that lets the network's own answer first where they overlap.

URL names carry no namespace, so every `reverse("name")` and `{% url "name" %}` reads
the same whichever urls.py a name lives in.
"""

from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from network.members import urls as member_urls
from network.site import views as site

handler400 = site.bad_request

urlpatterns = [
    # Ahead of Wagtail's own: the admin signs people in and out through allauth only, and
    # so does the front-end sign-in its privacy "login" restriction used to send people to.
    path("", include(member_urls.sign_in_overrides)),
    path("admin/", include(wagtailadmin_urls)),
    # Ahead of Wagtail's document address, which it answers in Wagtail's place.
    path("", include("network.resources.urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("network.media.urls")),
    path("accounts/", include("allauth.urls")),
    path("", include(member_urls)),
    path("", include("blog.urls")),
    path("", include("casestudies.urls")),
    path("", include("network.moderation.urls")),
    path("", include("search.urls")),
    path("", include("network.notifications.urls")),
    path("", include("network.events.urls")),
    # Includes the information pages ("privacy", "accessibility" ...), which must come
    # ahead of Wagtail's own routing to keep their addresses wherever they sit in the tree.
    path("", include("network.site.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Last: Wagtail answers every address nothing above claimed, from the page tree.
urlpatterns.append(path("", include(wagtail_urls)))
