"""The standard information pages at their fixed addresses (/privacy/, /accessibility/ …).

The page itself is a Wagtail page facilitators edit; this view finds it by purpose rather
than by its place in the tree, so the address survives a rename or a move. Wagtail's
own checks before serving a page (privacy restrictions among them) still run.
"""

from django.http import Http404
from wagtail import hooks

from network.models import InformationPage


def information_page(request, purpose):
    page = InformationPage.objects.live().filter(purpose=purpose).first()
    if page is None:
        raise Http404("This site has no published page for that yet")
    for check in hooks.get_hooks("before_serve_page"):
        result = check(page, request, [], {})
        if result is not None:
            return result
    return page.serve(request)
