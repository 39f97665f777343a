"""Template helpers for listings, sharing metadata and structured data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could close a <script> element or open a comment inside JSON-LD.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def get_item(mapping, key):
    return mapping.get(key, []) if mapping else []


@register.simple_tag
def json_ld(data):
    """Structured data for search engines, escaped so page text cannot break out of it."""
    payload = json.dumps(data, cls=DjangoJSONEncoder).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


_WIDGET_KINDS = {
    "CheckboxSelectMultiple": "checkboxes",
    "RadioSelect": "radios",
    "CheckboxInput": "checkbox",
}
_WIDGET_CLASSES = {
    "Textarea": "nhsuk-textarea",
    "Select": "nhsuk-select",
    "SelectMultiple": "nhsuk-select",
    "ClearableFileInput": "nhsuk-file-upload",
    "FileInput": "nhsuk-file-upload",
}


@register.filter
def widget_kind(bound_field):
    return _WIDGET_KINDS.get(type(bound_field.field.widget).__name__, "input")


@register.filter
def nhsuk_widget(bound_field):
    """Render a field's widget with the design system's classes and its hint and error ids."""
    name = type(bound_field.field.widget).__name__
    css = _WIDGET_CLASSES.get(name, "nhsuk-input")
    if bound_field.errors:
        css += " nhsuk-input--error" if css == "nhsuk-input" else f" {css}--error"
    described_by = []
    if bound_field.help_text:
        described_by.append(f"{bound_field.auto_id}-hint")
    if bound_field.errors:
        described_by.append(f"{bound_field.auto_id}-error")
    attrs = {"class": css}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return bound_field.as_widget(attrs=attrs)


def _viewer(context):
    """Whoever the page is being rendered for; the visitor where there is no request."""
    from network.pages.bylines import VISITOR

    request = context.get("request")
    return getattr(request, "user", None) or VISITOR


@register.simple_tag(takes_context=True)
def post_credits(context, post):
    """Bylines name an author only to readers who may open that author's profile."""
    from network.pages import bylines

    return bylines.post_credits(post, _viewer(context))


@register.simple_tag(takes_context=True)
def commenter_credit(context, comment):
    from network.pages import bylines

    return bylines.comment_credit(comment, _viewer(context))


@register.filter
def is_honeypot(bound_field):
    """The signup form's trap field: hidden from people by the stylesheet, not inline style."""
    from django.conf import settings

    return bound_field.html_name == getattr(settings, "ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD", None)


@register.filter
def honeypot_widget(bound_field):
    bound_field.field.widget.attrs.pop("style", None)
    return bound_field.as_widget(attrs={"tabindex": "-1", "autocomplete": "off"})


@register.inclusion_tag("components/follow_button.html", takes_context=True)
def follow_button(context, thing):
    """Follow or stop following, as a plain form; a prompt to join for anyone else.

    Whether this reader follows the thing is theirs alone, so the form is a personal part.
    """
    from network.caching import personal
    from network.notifications import following
    from network.platform.membership import is_member

    request = context.get("request")
    user = getattr(request, "user", None)
    followable = following.followable_of(thing)
    member = is_member(user)
    next_url = request.get_full_path() if request else ""
    return {
        "thing": thing,
        "followable": followable,
        "member": member,
        "signed_in": getattr(user, "is_authenticated", False),
        "follow_form": (
            personal.render(request, "follow", followable.kind, thing.pk, str(thing), next_url)
            if member and followable
            else ""
        ),
        "next": next_url,
    }


@register.simple_tag(takes_context=True)
def personal(context, name, *args):
    """A part of the page that is the reader's own (network/caching/personal.py)."""
    from network.caching import personal as parts

    return parts.render(context["request"], name, *args)
