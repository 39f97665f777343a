"""Template helpers for facilitators deciding on a member's submission."""

from django import template
from django.template.loader import render_to_string

from network.moderation import publishing, review
from network.platform.membership import is_facilitator

register = template.Library()


@register.filter
def identifier_check(page):
    return review.identifier_check(page) if page is not None else None


@register.simple_tag(takes_context=True)
def preview_identifier_check(context):
    """The warning on an admin preview; real visitors and members never get it.

    Wagtail marks its preview requests, and only facilitators can open a preview of a
    post under review, but the role is checked as well in case that ever changes.
    """
    request = context.get("request")
    page = context.get("page")
    if not getattr(request, "is_preview", False) or not is_facilitator(request.user):
        return ""
    check = identifier_check(page)
    if check is None:
        return ""
    return render_to_string("network/identifier_check_preview.html", {"check": check})


@register.filter
def publishing_gaps(page):
    return publishing.publishing_gaps(page) if page is not None else []


@register.filter
def decidable(actions, gaps):
    return publishing.decidable_actions(actions, gaps)


@register.filter
def submission_kind(page):
    """What the queue is being asked to decide on: "Reflection", "Case study suggestion"."""
    specific_class = getattr(page, "specific_class", None) or type(page)
    kind = getattr(specific_class, "kind_label", "") or "Page"
    if getattr(page, "suggested_by_id", None):
        return f"{kind} suggestion"
    return kind
