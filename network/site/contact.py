"""The contact form: anyone can reach the facilitators without an account.

Each message is kept for facilitators in the admin and emailed to them, so nothing is
lost if the email is. The form is open to everyone, so it carries the honeypot and a
limit of a few messages an hour from one connection or account.
"""

from django import forms
from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from network.models import ContactMessage
from network.notifications.emails import facilitator_addresses, notify
from network.platform.honeypot import HoneypotMixin
from network.platform.ratelimit import seconds_to_wait

HOUR = 60 * 60


class ContactForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message"]
        labels = {
            "name": "Your name",
            "email": "Your email address",
            "topic": "Topic",
            "message": "Your message",
        }
        help_texts = {
            "email": "We only use this to reply to you.",
            "message": (
                "Up to 4,000 characters. Do not include details about the health of anyone else."
            ),
        }
        widgets = {"topic": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 8})}
        error_messages = {
            "name": {"required": "Enter your name."},
            "email": {
                "required": "Enter your email address so we can reply.",
                "invalid": "Enter an email address in the right format, like name@example.com.",
            },
            "topic": {"required": "Choose what your message is about."},
            "message": {"required": "Enter your message."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Without this the radios would start with an empty "---------" choice.
        self.fields["topic"].choices = self.fields["topic"].choices[1:]
        self.fields["message"].max_length = 4000
        self.fields["message"].error_messages["max_length"] = (
            "Your message is too long. Keep it to 4,000 characters."
        )


def _starting_values(user):
    if not user.is_authenticated:
        return {}
    profile = getattr(user, "profile", None)
    return {"name": getattr(profile, "name", "") or user.get_full_name(), "email": user.email}


@never_cache  # the form carries this visitor's CSRF token, so it is never shared
def contact(request):
    form = ContactForm(request.POST or None, initial=_starting_values(request.user))
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            limit = settings.CONTACT_MESSAGES_PER_HOUR
            wait = seconds_to_wait(request, "contact", limit, window=HOUR) if limit else None
            if wait is None:
                return _send(request, form)
            minutes = max(1, round(wait / 60))
            form.add_error(
                None,
                f"You have sent {limit} messages in the last hour. Wait {minutes} "
                f"minute{'s' if minutes != 1 else ''} before sending another. What you "
                "wrote is still below.",
            )
            status = 429
    response = render(request, "network/contact.html", {"form": form}, status=status)
    if status == 429:
        response["Retry-After"] = str(wait)
    return response


def _send(request, form):
    ContactMessage.objects.expired().delete()
    sent = form.save()
    notify(
        facilitator_addresses(),
        f"Contact form: {sent.get_topic_display()}",
        "contact_message",
        name=sent.name,
        email=sent.email,
        topic=sent.get_topic_display(),
        message=sent.message,
        admin_url=reverse("wagtailsnippets_network_contactmessage:edit", args=[sent.pk]),
    )
    return redirect("contact-sent")


@never_cache
def contact_sent(request):
    return render(request, "network/contact_sent.html")
