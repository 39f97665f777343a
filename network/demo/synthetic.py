"""Synthetic content at scale, for measuring the platform at thousands of pages.

Pages are written in bulk (one insert per batch for the page tree, the post rows and each
relation) rather than through Wagtail's page-by-page API, which would take minutes for ten
thousand pages; the result is the same rows a facilitator's publishing would leave.
"""

import datetime
import json
import random
import time
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, BlogSeries
from casestudies.choices import IntegrationType, InterfaceModel, RelationshipType, Setting, Status
from casestudies.models import CaseStudyIndexPage, CaseStudyOutcome, CaseStudyPage, CaseStudyPartner
from network.models import CareLevel, Comment, MemberProfile, Region, Sector, Theme
from network.platform.content_versions import invalidate

BATCH = 500

SUBJECTS = [
    "Neighbourhood teams",
    "Self-referral",
    "A named link worker",
    "Joint triage with NHS Talking Therapies",
    "Peer support in primary care",
    "A voluntary sector alliance",
    "Physical health checks for people with SMI",
    "Supervision across employers",
    "Shared care records",
    "Co-produced strategy groups",
    "Mental health practitioners in GP surgeries",
    "Community connectors",
    "Locality management",
    "Housing and mental health",
    "Older adults' services",
]
ANGLES = [
    "what we learnt in the first year",
    "three things we would do differently",
    "questions we are still asking",
    "how the money worked",
    "what people who use services told us",
    "making it stick after the pilot",
    "notes from the network meeting",
    "barriers and what helped",
]
SENTENCES = [
    "Practices told us they wanted one person to call rather than another referral form.",
    "The voluntary sector partners brought local knowledge that no pathway diagram showed.",
    "Waiting lists only moved once the weekly meeting agreed a plan for every request.",
    "Staff from different employers needed time to trust each other's judgement.",
    "People with severe mental illness were the least likely to be reached at first.",
    "Short contracts made small organisations cautious about hiring for the long term.",
    "Experts by experience changed the questions the strategy group asked.",
    "Data sharing took longer to agree than any other part of the work.",
    "Supervision across organisations was the most valued and the least funded support.",
    "Self-referral reduced the burden on GPs without flooding the service.",
    "Liaison roles in primary care made relationships better and complaints fewer.",
    "Locality management meant fewer people were bounced between teams.",
]
FIRST_NAMES = ["Alex", "Bea", "Chidi", "Dana", "Eilidh", "Farah", "Gwen", "Hari", "Ines", "Jonah"]
LAST_NAMES = ["Adeyemi", "Brook", "Castell", "Dunmore", "Evans", "Fraser", "Gill", "Hale"]
ROLES = [
    "Mental health practitioner",
    "Peer support worker",
    "Social prescribing link worker",
    "Community psychiatric nurse",
    "Commissioning manager",
    "Alliance coordinator",
    "Psychologist",
    "Social worker",
]


@dataclass
class GenerationReport:
    created: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self):
        return sum(self.created.values())

    @property
    def rate(self):
        return self.total / self.seconds if self.seconds else 0.0


def _paragraphs(rng, low, high):
    return "".join(
        "<p>" + " ".join(rng.sample(SENTENCES, rng.randint(2, 5))) + "</p>"
        for _ in range(rng.randint(low, high))
    )


def _stream(rng):
    blocks = [{"type": "rich_text", "value": _paragraphs(rng, 2, 12), "id": str(uuid.uuid4())}]
    if rng.random() < 0.5:
        blocks.append(
            {
                "type": "quote",
                "value": {"quote": rng.choice(SENTENCES), "attribution": rng.choice(ROLES)},
                "id": str(uuid.uuid4()),
            }
        )
    return json.dumps(blocks)


class ContentGenerator:
    def __init__(self, seed=2026, index=True):
        self.rng = random.Random(seed)
        self.index = index
        self.themes = list(Theme.objects.all())
        self.sectors = list(Sector.objects.all())
        self.regions = list(Region.objects.all())
        self.levels = list(CareLevel.objects.all())
        self.run_id = uuid.uuid4().hex[:6]

    def run(self, posts=0, case_studies=0, members=0, comments=True):
        report = GenerationReport()
        started = time.perf_counter()
        with transaction.atomic():
            profiles = self.members(members) if members else []
            authors = profiles or list(MemberProfile.objects.exclude(user__isnull=True)[:200])
            authors = authors or list(MemberProfile.objects.all()[:200])
            report.created["member profiles"] = len(profiles)
            new_posts = self.posts(posts, authors) if posts else []
            report.created["blog posts"] = len(new_posts)
            new_studies = self.case_studies(case_studies) if case_studies else []
            report.created["case studies"] = len(new_studies)
            if comments and new_posts:
                report.created["comments"] = self.comments(new_posts)
        if self.index:
            backend = get_search_backend()
            for model, objects in ((BlogPage, new_posts), (CaseStudyPage, new_studies)):
                for start in range(0, len(objects), BATCH):
                    backend.add_bulk(model, objects[start : start + BATCH])
        invalidate()  # bulk inserts send no signals
        report.seconds = time.perf_counter() - started
        return report

    # Member profiles ---------------------------------------------------------------------

    def members(self, count):
        rng = self.rng
        profiles = [
            MemberProfile(
                name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                slug=f"member-{self.run_id}-{number}",
                role=rng.choice(ROLES),
                organisation=f"{rng.choice(LAST_NAMES)} {rng.choice(['PCN', 'Mind', 'NHS Trust'])}",
                sector=rng.choice(self.sectors),
                region=rng.choice(self.regions),
                bio=" ".join(rng.sample(SENTENCES, 2)),
                visibility=rng.choices(["public", "members", "hidden"], [70, 25, 5])[0],
            )
            for number in range(count)
        ]
        profiles = MemberProfile.objects.bulk_create(profiles, batch_size=BATCH)
        through = MemberProfile.interests.through
        through.objects.bulk_create(
            [
                through(memberprofile_id=profile.pk, theme_id=theme.pk)
                for profile in profiles
                for theme in rng.sample(self.themes, rng.randint(1, 3))
            ],
            batch_size=BATCH,
        )
        return profiles

    # Pages -------------------------------------------------------------------------------

    def _tree_rows(self, parent, model, count, title_for):
        """Insert the wagtailcore_page rows for `count` new children of `parent`."""
        last = parent.get_last_child()
        start = int(last.path[-Page.steplen :], 36) if last else 0
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        rows = []
        for number in range(count):
            title = title_for(number)
            slug = f"{self.run_id}-{number}"
            when = now - datetime.timedelta(days=self.rng.randint(0, 1500))
            rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, start + number + 1),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
            )
        rows = Page.objects.bulk_create(rows, batch_size=BATCH)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
        parent.numchild += count
        return rows

    @staticmethod
    def _insert_specific(model, objects):
        """Write only the subclass table: the page rows already exist."""
        fields = list(model._meta.local_concrete_fields)
        for start in range(0, len(objects), BATCH):
            model._base_manager._insert(objects[start : start + BATCH], fields=fields, raw=True)

    def _tag(self, model, objects, name, choices, low, high):
        through = model._meta.get_field(name).remote_field.through
        left = f"{model._meta.model_name}_id"
        right = f"{choices[0]._meta.model_name}_id"
        through.objects.bulk_create(
            [
                through(**{left: obj.pk, right: choice.pk})
                for obj in objects
                for choice in self.rng.sample(choices, self.rng.randint(low, high))
            ],
            batch_size=BATCH,
        )

    def posts(self, count, authors):
        rng = self.rng
        index = BlogIndexPage.objects.get()
        series = BlogSeries.objects.create(
            title=f"Generated series {self.run_id}", slug=f"generated-series-{self.run_id}"
        )
        rows = self._tree_rows(
            index,
            BlogPage,
            count,
            lambda n: f"{rng.choice(SUBJECTS)}: {rng.choice(ANGLES)} ({n + 1})",
        )
        posts = []
        for number, row in enumerate(rows):
            post = BlogPage(page_ptr_id=row.pk)
            post.__dict__.update({f.attname: getattr(row, f.attname) for f in Page._meta.fields})
            post.summary = " ".join(rng.sample(SENTENCES, 2))
            post.date = row.first_published_at.date()
            post.body = _stream(rng)
            post.region_id = rng.choice(self.regions).pk
            post.audience = "members" if rng.random() < 0.1 else "public"
            post.reading_minutes = rng.randint(1, 9)
            if number < 4:
                post.series_id, post.series_part = series.pk, number + 1
            posts.append(post)
        self._insert_specific(BlogPage, posts)
        self._tag(BlogPage, posts, "themes", self.themes, 1, 3)
        self._tag(BlogPage, posts, "sectors", self.sectors, 1, 3)
        BlogPageAuthor.objects.bulk_create(
            [
                BlogPageAuthor(page_id=post.pk, profile_id=rng.choice(authors).pk, sort_order=0)
                for post in posts
            ],
            batch_size=BATCH,
        )
        return posts

    def case_studies(self, count):
        rng = self.rng
        index = CaseStudyIndexPage.objects.get()
        rows = self._tree_rows(
            index,
            CaseStudyPage,
            count,
            lambda n: f"{rng.choice(SUBJECTS)} in {rng.choice(LAST_NAMES)}vale ({n + 1})",
        )
        studies = []
        for row in rows:
            study = CaseStudyPage(page_ptr_id=row.pk)
            study.__dict__.update({f.attname: getattr(row, f.attname) for f in Page._meta.fields})
            text = _paragraphs(rng, 1, 3)
            study.summary = " ".join(rng.sample(SENTENCES, 2))
            study.place = f"{rng.choice(LAST_NAMES)}vale"
            study.population_covered = rng.randint(30, 150) * 1000
            study.setting = rng.choice(Setting.values)
            study.integration_type = rng.choice(IntegrationType.values)
            study.relationship_type = rng.choice(RelationshipType.values)
            study.interface_model = rng.choice(InterfaceModel.values)
            study.problem = study.what_was_done = study.outcomes_summary = text
            study.barriers = study.enablers = study.key_learning = text
            study.cost_and_funding = "<p>Funded through the framework's transformation money.</p>"
            study.status = rng.choice(Status.values)
            study.contact_role = "Programme lead"
            study.contact_email = "programme.team@example-trust.nhs.uk"
            study.date_published = row.first_published_at.date()
            study.last_reviewed = study.date_published
            study.region_id = rng.choice(self.regions).pk
            studies.append(study)
        self._insert_specific(CaseStudyPage, studies)
        self._tag(CaseStudyPage, studies, "themes", self.themes, 1, 3)
        self._tag(CaseStudyPage, studies, "sectors", self.sectors, 1, 3)
        self._tag(CaseStudyPage, studies, "care_levels", self.levels, 1, 3)
        CaseStudyPartner.objects.bulk_create(
            [
                CaseStudyPartner(
                    page_id=study.pk,
                    name=f"{rng.choice(LAST_NAMES)} {kind}",
                    sector=rng.choice(self.sectors),
                    role=role,
                    sort_order=order,
                )
                for study in studies
                for order, (kind, role) in enumerate([("PCN", "lead"), ("Mind", "delivery")])
            ],
            batch_size=BATCH,
        )
        CaseStudyOutcome.objects.bulk_create(
            [
                CaseStudyOutcome(
                    page_id=study.pk,
                    outcome="Waiting times fell",
                    how_measured="Monthly waiting list audit",
                )
                for study in studies
            ],
            batch_size=BATCH,
        )
        return studies

    def comments(self, posts):
        from network.models import User

        commenters = list(User.objects.filter(groups__name="Members")[:50])
        if not commenters:
            return 0
        rng = self.rng
        rendered = {body: Comment.render_body(body) for body in SENTENCES}
        created = Comment.objects.bulk_create(
            [
                Comment(
                    page_id=post.pk,
                    author=rng.choice(commenters),
                    body=body,
                    body_html=rendered[body],
                    status="published",
                )
                for post in posts
                if rng.random() < 0.3
                for body in rng.choices(SENTENCES, k=rng.randint(1, 4))
            ],
            batch_size=BATCH,
        )
        return len(created)
