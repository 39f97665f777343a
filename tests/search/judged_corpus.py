"""The judged set's documents, made as the platform makes them (tests/data/relevance/).

Pages go through Wagtail's publishing, profiles through the model, and each resource's
words through a real PDF read by the platform's reader, so both search paths see what
they would see on a site. Keys map to the addresses the search returns.
"""

import datetime
import json
from pathlib import Path

from django.utils import timezone
from wagtail.rich_text import RichText

from blog.models import BlogIndexPage
from casestudies.models import CaseStudyIndexPage
from network.demo.loader import DemoLoader
from network.events.models import EventIndexPage
from network.models import MemberProfile, Region, Sector, Theme
from network.resources.models import ResourceIndexPage
from tests.factories import (
    BlogPageFactory,
    CaseStudyPageFactory,
    EventPageFactory,
    ResourcePageFactory,
    document,
)

FOLDER = Path(__file__).resolve().parents[1] / "data" / "relevance"
QUERY_FILES = ("queries_posts.json", "queries_case_studies.json", "queries_members_resources.json")


def read(name):
    return json.loads((FOLDER / name).read_text(encoding="utf-8"))


def queries():
    found = []
    for name in QUERY_FILES:
        found.extend(read(name))
    return found


def _taxonomy(spec):
    taxonomy = {"themes": list(Theme.objects.filter(slug__in=spec.get("themes", [])))}
    taxonomy["sectors"] = list(Sector.objects.filter(slug__in=spec.get("sectors", [])))
    return taxonomy


def _region(spec):
    return Region.objects.filter(slug=spec["region"]).first() if spec.get("region") else None


def _slug(key):
    return key.split("-", 1)[1][:50]


def _paragraphs(texts):
    return RichText("".join(f"<p>{text}</p>" for text in texts))


def load():
    """Every document of the set; answers {key: URL path}."""
    DemoLoader().set_up_site()
    urls = {}
    for kind, model in (("theme", Theme), ("sector", Sector), ("region", Region)):
        for term in model.objects.all():
            urls[f"{kind}:{term.slug}"] = term.get_absolute_url()

    blog = BlogIndexPage.objects.get()
    for spec in read("posts.json"):
        taxonomy = _taxonomy(spec)
        taxonomy["keywords"] = spec.get("keywords", [])
        page = BlogPageFactory(
            parent=blog,
            title=spec["title"],
            slug=_slug(spec["key"]),
            summary=spec["summary"],
            date=datetime.date.fromisoformat(spec["date"]),
            body=[("rich_text", _paragraphs(spec["body"]))],
            region=_region(spec),
            taxonomy=taxonomy,
        )
        urls[spec["key"]] = page.url

    studies = CaseStudyIndexPage.objects.get()
    rich = ("problem", "what_was_done", "outcomes_summary", "barriers", "enablers")
    for spec in read("case_studies.json"):
        page = CaseStudyPageFactory(
            parent=studies,
            title=spec["title"],
            slug=_slug(spec["key"]),
            summary=spec["summary"],
            place=spec["place"],
            key_learning=f"<p>{spec['key_learning']}</p>",
            cost_and_funding=f"<p>{spec['cost_and_funding']}</p>",
            status=spec["status"],
            integration_type=spec["integration_type"],
            date_published=datetime.date.fromisoformat(spec["date_published"]),
            region=_region(spec),
            taxonomy=_taxonomy(spec),
            **{field: f"<p>{spec[field]}</p>" for field in rich},
        )
        urls[spec["key"]] = page.url

    events = EventIndexPage.objects.get()
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    for spec in read("events.json"):
        starts = now + datetime.timedelta(days=spec["days_from_now"])
        online = spec["format"] == "online"
        page = EventPageFactory(
            parent=events,
            title=spec["title"],
            slug=_slug(spec["key"]),
            summary=spec["summary"],
            description=f"<p>{spec['description']}</p>",
            kind=spec["kind"],
            format=spec["format"],
            venue="" if online else spec.get("venue") or "Venue to be confirmed",
            address="" if online else spec.get("address", ""),
            joining_link="https://meet.example.org/network" if online else "",
            organiser=spec["organiser"],
            starts_at=starts,
            ends_at=starts + datetime.timedelta(hours=2),
            region=_region(spec),
            taxonomy=_taxonomy(spec),
        )
        urls[spec["key"]] = page.url

    library = ResourceIndexPage.objects.get()
    for spec in read("resources.json"):
        slug = _slug(spec["key"])
        page = ResourcePageFactory(
            parent=library,
            title=spec["title"],
            slug=slug,
            summary=spec["summary"],
            publisher=spec["publisher"],
            document_type=spec["document_type"],
            year=spec["year"],
            document=document(pages=spec["pages"], name=f"{slug}.pdf", title=spec["title"]),
            region=_region(spec),
            taxonomy=_taxonomy(spec),
        )
        urls[spec["key"]] = page.url

    sectors = {sector.slug: sector for sector in Sector.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for spec in read("members.json"):
        profile = MemberProfile.objects.create(
            name=spec["name"],
            role=spec["role"],
            organisation=spec.get("organisation", ""),
            bio=spec["bio"],
            sector=sectors.get(spec.get("sector")),
            region=regions.get(spec.get("region")),
            visibility="public",
        )
        profile.interests.set([themes[slug] for slug in spec.get("interests", [])])
        urls[spec["key"]] = profile.get_absolute_url()
    return urls
