"""The standard information pages at their fixed addresses (/privacy/, /accessibility/ …).

The page itself is a Wagtail page facilitators edit; this view finds it by purpose rather
than by its place in the tree, so the address survives a rename or a move. Wagtail's
own hooks around serving a page (its privacy check among them) still run, as
``wagtail.views.serve`` runs them.
"""

from django.http import Http404
from wagtail import hooks

from network.models import InformationPage


def information_page(request, purpose):
    page = InformationPage.objects.live().filter(purpose=purpose).first()
    if page is None:
        raise Http404("This site has no published page for that yet")
    serve = _serve
    for wrap in reversed(hooks.get_hooks("on_serve_page")):
        serve = wrap(serve)
    for check in hooks.get_hooks("before_serve_page"):
        result = check(page, request, [], {})
        if result is not None:
            return result
    return serve(page, request, [], {})


def _serve(page, request, args, kwargs):
    return page.serve(request, *args, **kwargs)
