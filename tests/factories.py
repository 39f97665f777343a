"""Test data for the network's content: profiles, accounts and published pages."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.rich_text import RichText

from blog.models import BlogPage, BlogPageAuthor, BlogSeries, CollectiveAuthor
from casestudies.choices import IntegrationType, PartnerRole, RelationshipType, Setting, Status
from casestudies.models import CaseStudyOutcome, CaseStudyPage, CaseStudyPartner
from network.events.models import EventPage
from network.models import MemberProfile, MembershipApplication, Region, Sector, User
from network.platform.membership import FACILITATORS_GROUP, MEMBERS_GROUP
from network.resources.models import ResourcePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-good-long-password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """Real accounts have shown they own their address; verified=False makes one not."""
        if create and self.email:
            EmailAddress.objects.update_or_create(
                user=self,
                email=self.email,
                defaults={"verified": extracted is not False, "primary": True},
            )


def member_user(**kwargs):
    return UserFactory(groups=[MEMBERS_GROUP], **kwargs)


def facilitator_user(**kwargs):
    return UserFactory(groups=[FACILITATORS_GROUP], is_staff=True, **kwargs)


class MemberProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberProfile
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Member {n}")
    role = "Peer support worker"
    organisation = "Riverside Mind"
    visibility = "public"

    @factory.post_generation
    def interests(self, create, extracted, **kwargs):
        if create and extracted:
            self.interests.set(extracted)


class MembershipApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipApplication

    user = factory.SubFactory(UserFactory)
    name = "Ana Applicant"
    organisation = "Eastfield Mind"
    role = "Peer worker"
    sector = factory.LazyFunction(lambda: Sector.objects.first())
    region = factory.LazyFunction(lambda: Region.objects.first())
    reason = "To learn from other areas."


class CollectiveAuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CollectiveAuthor
        django_get_or_create = ["name"]

    name = "South West knowledge exchange network"


class BlogSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlogSeries

    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class PageFactory(factory.django.DjangoModelFactory):
    """Adds a page under `parent`, tags it, and publishes it unless live=False."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent, live=True, taxonomy=None, **kwargs):
        taxonomy = taxonomy or {}
        page = model_class(**kwargs)
        parent.add_child(instance=page)
        for field, values in taxonomy.items():
            getattr(page, field).set(values)
        cls._add_children(page)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        page.refresh_from_db()
        return page

    @classmethod
    def _add_children(cls, page):
        """Hook for inline rows that must exist before the first revision."""


class BlogPageFactory(PageFactory):
    class Meta:
        model = BlogPage

    title = factory.Sequence(lambda n: f"Reflection {n}")
    slug = factory.Sequence(lambda n: f"reflection-{n}")
    summary = "What we learnt from joining up care."
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    body = factory.LazyFunction(lambda: [("rich_text", RichText("<p>" + "word " * 450 + "</p>"))])

    @classmethod
    def _create(cls, model_class, *args, authors=(), **kwargs):
        cls._pending_authors = list(authors)
        return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _add_children(cls, page):
        page.authors = [
            BlogPageAuthor(profile=profile, sort_order=position)
            for position, profile in enumerate(cls._pending_authors)
        ]


class CaseStudyPageFactory(PageFactory):
    class Meta:
        model = CaseStudyPage

    title = factory.Sequence(lambda n: f"Case study {n}")
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    summary = "Neighbourhood team joining primary care and the voluntary sector."
    place = "Northvale"
    population_covered = 52000
    setting = Setting.URBAN
    integration_type = IntegrationType.VERTICAL
    relationship_type = RelationshipType.JOINT_PROJECT
    interface_model = "liaison-attachment"
    problem = "<p>People were bounced between services.</p>"
    what_was_done = "<p>A named link worker for each practice.</p>"
    outcomes_summary = "<p>Fewer rejected referrals.</p>"
    barriers = "<p>Different working cultures.</p>"
    enablers = "<p>Regular joint meetings.</p>"
    key_learning = "<p>Relationships come before structures.</p>"
    cost_and_funding = "<p>Funded through the framework.</p>"
    status = Status.ESTABLISHED
    contact_role = "Neighbourhood team manager"
    contact_email = "neighbourhood.team@example-trust.nhs.uk"
    date_published = factory.Sequence(
        lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
    )
    last_reviewed = factory.LazyFunction(datetime.date.today)

    @classmethod
    def _add_children(cls, page):
        sector = Sector.objects.first()
        page.partners = [
            CaseStudyPartner(name="Northvale PCN", sector=sector, role=PartnerRole.LEAD),
            CaseStudyPartner(name="Northvale Mind", sector=sector, role=PartnerRole.DELIVERY),
        ]
        page.outcomes = [
            CaseStudyOutcome(outcome="Rejected referrals halved", how_measured="Referral audit")
        ]


class EventPageFactory(PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Network meeting {n}")
    slug = factory.Sequence(lambda n: f"network-meeting-{n}")
    summary = "Members share what changed since the last meeting."
    description = "<p>An hour together, with time for questions.</p>"
    kind = "network-meeting"
    format = "online"
    joining_link = "https://meet.example.org/network"
    organiser = "Network facilitators"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=1))


def document(pages=("A page of guidance.",), name="report.pdf", data=None, title=None):
    """A Wagtail document holding a real PDF of ``pages`` (or the bytes given), read at once
    as the upload task would read it."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from network.demo.pdfs import pdf_bytes
    from network.resources import reading

    item = get_document_model()(title=title or name)
    item.file.save(
        name, ContentFile(data if data is not None else pdf_bytes(list(pages))), save=False
    )
    item._set_document_file_metadata()
    item.save()
    reading.read(item.pk)
    return item


class ResourcePageFactory(PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Evaluation report {n}")
    slug = factory.Sequence(lambda n: f"evaluation-report-{n}")
    summary = "What changed in the first year, and how it was measured."
    document = factory.LazyFunction(document)
    document_type = "evaluation"
    publisher = "Community Mental Health Network"
    year = 2025
