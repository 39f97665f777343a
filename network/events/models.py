"""The network's meetings: network meetings, webinars, learning sets and workshops.

Times are entered and shown in UK time and stored in UTC, so an event at 10:00 stays at
10:00 on either side of the clocks changing. Members enrol from the page; when it is full
they join a waiting list and move up in order when a place frees (network.events.enrolment).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from network.models import Region, Sector, Theme
from network.models.mixins import (
    Audience,
    AudienceMixin,
    PublishedQuerySetMixin,
    SharingMixin,
    TaxonomyMixin,
    for_audience,
)
from network.pages import structured_data
from network.pages.listing import ListingFilter, ListingPage, paginate, term_options
from network.pages.restrictions import KnownRestrictionsMixin, RestrictionAwareQuerySet
from network.platform.membership import is_member
from network.resources.models import ResourceAttachment, visible_attachments

from .calendar import event_response, feed_response

PAST_EVENTS_SHOWN = 20


class EventKind(models.TextChoices):
    NETWORK_MEETING = "network-meeting", "Network meeting"
    WEBINAR = "webinar", "Webinar"
    LEARNING_SET = "learning-set", "Learning set"
    WORKSHOP = "workshop", "Workshop"


class EventFormat(models.TextChoices):
    ONLINE = "online", "Online"
    IN_PERSON = "in-person", "In person"


class EventIndexPage(KnownRestrictionsMixin, ListingPage):
    subpage_types = ["events.EventPage"]
    template = "events/event_index_page.html"

    listing_model = "events.EventPage"

    class Meta:
        verbose_name = "events index"

    def listing_filters(self, request):
        return [
            ListingFilter("theme", "Theme", "themes__slug", term_options(Theme)),
            ListingFilter("sector", "Sector", "sectors__slug", term_options(Sector)),
            ListingFilter("region", "Region", "region__slug", term_options(Region)),
            ListingFilter("format", "Online or in person", "format", EventFormat.choices),
            ListingFilter("kind", "Kind of event", "kind", EventKind.choices),
        ]

    def listing_results(self, request, events):
        """Upcoming events a page at a time, soonest first; the latest past ones after."""
        now = timezone.now()
        return {
            "upcoming": paginate(
                request, events.upcoming(now).for_listing(), self.listing_page_size
            ),
            "past": events.past(now).for_listing()[:PAST_EVENTS_SHOWN],
        }

    def calendar_events(self, theme=None):
        """Upcoming public events: a feed is read by calendar apps that never sign in."""
        events = (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(audience=Audience.PUBLIC)
            .upcoming()
        )
        if theme is not None:
            events = events.filter(themes=theme)
        return events

    @path("calendar/", name="calendar-feed")
    def calendar_feed(self, request):
        return feed_response(self.calendar_events(), request)

    @path("themes/<slug:slug>/calendar/", name="theme-calendar-feed")
    def theme_calendar_feed(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        return feed_response(self.calendar_events(theme), request, theme=theme)


class EventPageQuerySet(PublishedQuerySetMixin, RestrictionAwareQuerySet):
    def visible_to(self, user):
        """Live, unrestricted events, less members-only ones for anyone not a member."""
        return for_audience(self.live().public(), user)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_listing(self):
        return self.select_related("region").prefetch_related("themes", "sectors")


class EventPage(
    KnownRestrictionsMixin, AudienceMixin, RoutablePageMixin, TaxonomyMixin, SharingMixin, Page
):
    summary = models.CharField(max_length=300)
    description = RichTextField(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField("starts", help_text="UK time")
    ends_at = models.DateTimeField("ends", help_text="UK time")
    format = models.CharField("online or in person", max_length=10, choices=EventFormat.choices)
    joining_link = models.URLField(blank=True, help_text="Shown only to members who have a place")
    venue = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    capacity = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Places; leave empty for no limit",
    )
    enrolment_closes_at = models.DateTimeField(
        "enrolment closes",
        null=True,
        blank=True,
        help_text="UK time; leave empty to take enrolments until the event starts",
    )
    organiser = models.CharField(max_length=200)
    cancelled = models.BooleanField(
        default=False, help_text="Tells enrolled members' calendars the event is off"
    )
    notes = RichTextField(
        "notes afterwards", blank=True, features=["h2", "h3", "bold", "italic", "link", "ul"]
    )
    slides_url = models.URLField("slides", blank=True)
    recording_url = models.URLField("recording", blank=True)
    # Raised each time the event is published again, so calendars apply the change.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("joining_link"),
                FieldPanel("venue"),
                FieldPanel("address"),
            ],
            heading="Where",
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("enrolment_closes_at")]),
        FieldPanel("organiser"),
        FieldPanel("description"),
        *TaxonomyMixin.taxonomy_panels,
        *AudienceMixin.audience_panels,
        FieldPanel("cancelled"),
        MultiFieldPanel(
            [FieldPanel("notes"), FieldPanel("slides_url"), FieldPanel("recording_url")],
            heading="Afterwards",
        ),
        InlinePanel("attached_resources", label="Resource from the library"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("share_image")]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=3),
        index.SearchField("description"),
        index.SearchField("venue"),
        index.FilterField("audience"),
        index.FilterField("starts_at"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    template = "events/event_page.html"

    kind_label = "Event"
    kind_label_plural = "Events"

    class Meta:
        verbose_name = "event"
        ordering = ["starts_at"]

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The event must end after it starts."
        if self.format == EventFormat.IN_PERSON and not self.venue:
            errors["venue"] = "Give the venue of an in-person event."
        if (
            self.enrolment_closes_at
            and self.starts_at
            and self.enrolment_closes_at > self.starts_at
        ):
            errors["enrolment_closes_at"] = "Enrolment must close before the event starts."
        if errors:
            raise ValidationError(errors)

    @property
    def is_online(self):
        return self.format == EventFormat.ONLINE

    @property
    def enrolment_closes(self):
        return self.enrolment_closes_at or self.starts_at

    def is_open_for_enrolment(self, now=None):
        return not self.cancelled and (now or timezone.now()) < self.enrolment_closes

    def is_over(self, now=None):
        return self.ends_at < (now or timezone.now())

    def places_taken(self):
        return self.enrolments.filter(status=EnrolmentStatus.ENROLLED).count()

    def place_standing(self, user):
        """What the page shows this viewer about places: their own and the totals.

        Only reads; every change to places goes through network.events.enrolment.
        """
        if self.pk is None:  # a preview of an event not saved yet
            return {"places_taken": 0, "places_left": self.capacity, "can_enrol": False}
        taken = self.places_taken()
        enrolment = None
        if getattr(user, "is_authenticated", False):
            enrolment = Enrolment.objects.filter(event=self, user=user).first()
        status = enrolment.status if enrolment else None
        return {
            "places_taken": taken,
            "places_left": None if self.capacity is None else max(self.capacity - taken, 0),
            "enrolment": enrolment if status != EnrolmentStatus.CANCELLED else None,
            # The joining link goes with a place, and only while its holder is a member.
            "has_place": status == EnrolmentStatus.ENROLLED and is_member(user),
            "waiting_position": (
                enrolment.waiting_position() if status == EnrolmentStatus.WAITING else None
            ),
            "can_enrol": is_member(user) and self.is_open_for_enrolment(),
            "enrol_url": reverse("event-enrol", args=[self.pk]),
            "cancel_url": reverse("event-cancel", args=[self.pk]),
        }

    def with_content_json(self, content):
        """A revision brings back the page's content, never an old calendar sequence."""
        obj = super().with_content_json(content)
        if self.pk:  # read from the row: the object a revision holds may be out of date
            stored = EventPage.objects.filter(pk=self.pk).values_list("sequence", flat=True)
            obj.sequence = stored.first() or 0
        return obj

    def _schema_location(self, request):
        # An online event's place is its own page: the joining link is for members with a
        # place, and search engines are never one.
        if self.is_online:
            return {"@type": "VirtualLocation", "url": self.get_full_url(request)}
        place = {"@type": "Place", "name": self.venue}
        if self.address:
            place["address"] = ", ".join(
                line.strip() for line in self.address.splitlines() if line.strip()
            )
        return place

    def structured_data(self, request):
        attendance = "Online" if self.is_online else "Offline"
        status = "EventCancelled" if self.cancelled else "EventScheduled"
        return structured_data.describe(
            "Event",
            self,
            request,
            name=self.title,
            description=self.summary,
            startDate=timezone.localtime(self.starts_at).isoformat(),
            endDate=timezone.localtime(self.ends_at).isoformat(),
            eventStatus=f"{structured_data.SCHEMA_ORG}/{status}",
            eventAttendanceMode=f"{structured_data.SCHEMA_ORG}/{attendance}EventAttendanceMode",
            location=self._schema_location(request),
            organizer=structured_data.organisation(self.organiser),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.place_standing(request.user))
        context["resources"] = visible_attachments(self, request.user)
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("calendar/", name="calendar")
    def calendar_file(self, request):
        return event_response(self, request)


class EventResource(ResourceAttachment):
    """Reading for before the event, or its slides and report afterwards."""

    page = ParentalKey(EventPage, related_name="attached_resources", on_delete=models.CASCADE)


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", "Has a place"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class EnrolmentQuerySet(models.QuerySet):
    def of_current_members(self):
        """Places held by people who are members now: a membership that has ended, or an
        account switched off, keeps its row but gets no reminder, promotion or link."""
        return self.filter(user__in=get_user_model().objects.members().values("pk"))


class Enrolment(models.Model):
    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(max_length=10, choices=EnrolmentStatus.choices)
    # When the member joined the waiting list (or got a place): the list's order.
    queued_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_enrolment_per_member")
        ]
        indexes = [models.Index(fields=["event", "status", "queued_at"], name="enrolment_queue")]

    def __str__(self):
        return f"{self.user} for {self.event}: {self.get_status_display()}"

    def waiting_position(self):
        """Where this member is on the event's waiting list, counting from 1."""
        return (
            Enrolment.objects.filter(
                event_id=self.event_id,
                status=EnrolmentStatus.WAITING,
                queued_at__lte=self.queued_at,
            )
            .exclude(queued_at=self.queued_at, pk__gt=self.pk)
            .count()
        )


__all__ = [
    "Audience",
    "Enrolment",
    "EnrolmentStatus",
    "EventIndexPage",
    "EventPage",
    "EventResource",
]
