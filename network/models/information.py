"""The pages that tell people how the site works, and messages sent through its contact form.

Each standard page (privacy, accessibility and the rest) has a fixed purpose, and is
always reached at the same short address whatever a facilitator later calls it or
wherever it sits in the page tree: other pages, emails and printed leaflets link to
/privacy/, and a link to a notice about people's data must never break.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, Site
from wagtail.search import index

from network.pages.restrictions import KnownRestrictionsMixin

# Each purpose is also the name of its URL and its address: "privacy" is /privacy/.
PURPOSES = [
    ("about", "About the network"),
    ("accessibility", "Accessibility statement"),
    ("privacy", "Privacy notice"),
    ("cookies", "Cookies"),
    ("terms", "Terms of use"),
    ("moderation-policy", "Moderation policy"),
]


class InformationPage(KnownRestrictionsMixin, Page):
    # Read alike by everyone in an audience, less the personal parts (caching/audience_cache.py).
    shared_by_audience = True

    purpose = models.CharField(
        max_length=30,
        choices=PURPOSES,
        blank=True,
        help_text=(
            "Which standard page this is. It keeps its short address (such as /privacy/) "
            "even if you change its title or slug. Leave empty for any other page."
        ),
    )
    summary = models.TextField(blank=True, help_text="One or two sentences shown under the title")
    body = RichTextField(features=["h2", "h3", "bold", "italic", "ol", "ul", "link"], blank=True)
    last_reviewed = models.DateField(
        null=True,
        blank=True,
        help_text="When someone last checked this page is still true; shown at the bottom",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    settings_panels = [FieldPanel("purpose"), *Page.settings_panels]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["network.HomePage", "network.InformationPage"]
    subpage_types = ["network.InformationPage"]
    template = "network/information_page.html"

    class Meta:
        verbose_name = "information page"
        constraints = [
            models.UniqueConstraint(
                fields=["purpose"],
                condition=~models.Q(purpose=""),
                name="one_information_page_per_purpose",
            )
        ]

    def clean(self):
        super().clean()
        if (
            self.purpose
            and InformationPage.objects.filter(purpose=self.purpose).exclude(pk=self.pk).exists()
        ):
            raise ValidationError(
                {"purpose": f"There is already a page for {self.get_purpose_display().lower()}."}
            )

    def get_share_description(self):
        return self.summary or self.search_description or ""

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not self.purpose:
            return parts
        path = reverse(self.purpose)
        if parts is not None:
            return (parts[0], parts[1], path)
        site = Site.objects.filter(is_default_site=True).first()
        return None if site is None else (site.pk, site.root_url, path)


class ContactTopic(models.TextChoices):
    QUESTION = "question", "A question about the network"
    ACCOUNT = "account", "Joining, signing in or your account"
    MODERATION = "moderation", "Something posted on the site"
    ACCESSIBILITY = "accessibility", "A problem using the site"
    DATA = "data", "Your data and privacy"
    OTHER = "other", "Something else"


# Long enough to deal with a question and any follow-up, short enough not to keep
# people's messages for ever; the privacy notice says the same.
KEEP_CONTACT_MESSAGES_DAYS = 365


class ContactMessageQuerySet(models.QuerySet):
    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(created_at__lt=now - timedelta(days=KEEP_CONTACT_MESSAGES_DAYS))


class ContactMessage(models.Model):
    name = models.CharField(max_length=120)
    email = models.EmailField()
    topic = models.CharField(max_length=20, choices=ContactTopic.choices)
    message = models.TextField(max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    dealt_with = models.BooleanField(
        default=False, help_text="Tick once someone has replied or acted on it"
    )

    objects = ContactMessageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "contact message"

    def __str__(self):
        return f"{self.get_topic_display()} from {self.name}"
