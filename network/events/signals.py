"""What publishing an event sets off, connected for EventPage alone (EventsConfig.ready)."""

from django.db.models import F

from .enrolment import after_publish
from .models import EventPage


def on_event_published(sender, instance, **kwargs):
    """Each publication after the first is a change calendars must apply, and may free
    places or call the event off (network.events.enrolment.after_publish)."""
    if instance.first_published_at != instance.last_published_at:
        EventPage.objects.filter(pk=instance.pk).update(sequence=F("sequence") + 1)
        after_publish(instance)
