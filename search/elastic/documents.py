"""What goes into the Elasticsearch index: one document per post, case study, profile or term.

Only what some viewer may find is indexed: live, unrestricted posts that are not hidden
for review; published case studies; every profile with its visibility; the theme, sector
and region pages. Drafts, pages in review and hidden posts are never sent, so no query
can find them whatever its filters. Each document carries the audience that may see it
(public, members, hidden) and, for a profile, its owner, which the search filters on.

Words for "Did you mean" (`spelling`) come from public documents only (their titles,
summaries and text), so a correction can never reveal a word from members-only content.
"""

import hashlib
import html
import json
import re
from collections import defaultdict
from types import SimpleNamespace

from django.db.models import F
from django.utils import timezone
from elasticsearch_dsl import Date, Document, Integer, Keyword, SearchAsYouType, Text

TAG = re.compile(r"<[^>]*>")


def plain_text(rich_text):
    """Rich text's words for the index: tags become spaces, entities are decoded.

    A regular expression rather than Django's strip_tags, which parses the HTML and would
    cost more than everything else a rebuild does; the result is only ever analysed,
    never shown.
    """
    return " ".join(html.unescape(TAG.sub(" ", rich_text or "")).split())


CONTENT_KINDS = ("post", "case-study", "event", "resource", "member")
TOPIC_KINDS = ("theme", "sector", "region")


def _text(**kwargs):
    return Text(analyzer="content", search_analyzer="content_search", **kwargs)


class ContentDocument(Document):
    kind = Keyword()
    object_id = Integer()
    title = _text(
        fields={"suggest": SearchAsYouType(analyzer="folded", max_shingle_size=3)},
    )
    summary = _text()
    key_learning = _text()
    body = _text()  # never highlighted, so no offsets to store
    # A resource's document, one entry per page, so a highlight is one page's passage.
    document_text = _text(index_options="offsets")
    keywords = _text()
    role = _text()  # a member's role: what a search for a person most often names
    # Single words, the term suggester's candidates; `forms` tells a known word in any form.
    spelling = Text(analyzer="folded", fields={"forms": Text(analyzer="spelling")})
    audience = Keyword()
    owner = Integer()
    date = Date()
    year = Keyword()
    theme = Keyword()
    sector = Keyword()
    region = Keyword()
    status = Keyword()
    integration = Keyword()
    url = Keyword(index=False)  # shown as it is: the page itself is only checked for access
    theme_names = Keyword(index=False)
    fingerprint = Keyword(index=False)  # of the source, so a check can spot stale documents

    class Index:
        name = "network-content"  # replaced by the configured alias when indexing


def document_id(kind, pk):
    return f"{kind}-{pk}"


def _stream_text(raw_blocks):
    """Words of a StreamField's stored data, never rendered (embeds would fetch URLs)."""
    pieces = []

    def walk(value, block_type=None):
        if isinstance(value, str):
            if block_type not in ("embed",):
                pieces.append(plain_text(value))
        elif isinstance(value, dict):
            for name, inner in value.items():
                if name not in ("image", "type", "id", "html"):  # html: markup of "source"
                    walk(inner, block_type)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, block_type)

    for block in raw_blocks or ():
        if isinstance(block, dict):
            walk(block.get("value"), block.get("type"))
    return " ".join(piece for piece in pieces if piece)


class PageTags:
    """Themes, sectors, keywords and URLs of a chunk of pages, read in four queries.

    Read through the tag tables rather than prefetched onto each page: building the
    related managers of thousands of pages costs more than the rest of a rebuild.
    """

    def __init__(self, model, pages):
        from wagtail.models import Site

        owner = f"{model._meta.model_name}_id"
        self.themes = defaultdict(list)
        self.sectors = defaultdict(list)
        self.keywords = defaultdict(list)
        pages_in = self._matching([page.pk for page in pages])
        themes = model.themes.through.objects.filter(**pages_in(owner))
        for pk, slug, name in themes.values_list(owner, "theme__slug", "theme__name"):
            self.themes[pk].append((slug, name))
        sectors = model.sectors.through.objects.filter(**pages_in(owner))
        for pk, slug in sectors.values_list(owner, "sector__slug"):
            self.sectors[pk].append(slug)
        if hasattr(model, "keywords"):  # events have no keywords
            keywords = model.keywords.through.objects.filter(**pages_in("content_object_id"))
            for pk, name in keywords.values_list("content_object_id", "tag__name"):
                self.keywords[pk].append(name)
        self.root_paths = Site.get_site_root_paths()

    @staticmethod
    def _matching(pks):
        """A filter on the chunk's pages: their range of ids when they are most of it.

        A rebuild's chunks are 500 consecutive findable pages, and a list of 500
        parameters cost more to build and send than the rows it finds; the tags of the
        few pages in the range but not in the chunk are read and never asked for. A
        handful of scattered pages (one change) are still named one by one.
        """
        if pks and max(pks) - min(pks) < 2 * len(pks):
            return lambda column: {f"{column}__gte": min(pks), f"{column}__lte": max(pks)}
        return lambda column: {f"{column}__in": pks}

    def url(self, page):
        """The page's URL as Page.get_url() gives it, without a cache lookup per page."""
        for root in self.root_paths:
            if page.url_path.startswith(root.root_path):
                path = page.url_path[len(root.root_path) - 1 :]
                return path if len(self.root_paths) == 1 else root.root_url + path
        return None

    def fields(self, page):
        themes = sorted(self.themes[page.pk])
        return {
            "url": self.url(page),
            "theme": [slug for slug, _name in themes],
            "theme_names": [name for _slug, name in themes],
            "sector": sorted(self.sectors[page.pk]),
            "region": [page.region_slug] if page.region_slug else [],
            "keywords": " ".join(sorted(self.keywords[page.pk])),
        }


def _spelling(audience, *texts):
    return " ".join(text for text in texts if text) if audience == "public" else ""


def post_source(post, tags):
    audience = post.audience
    body = _stream_text(post.body.raw_data)
    return {
        "kind": "post",
        "object_id": post.pk,
        "title": post.title,
        "summary": post.summary,
        "body": body,
        "audience": audience,
        "date": post.date,
        "year": str(post.date.year),
        "spelling": _spelling(audience, post.title, post.summary, body),
        **tags.fields(post),
    }


def case_study_source(study, tags):
    body = " ".join(
        plain_text(value)
        for value in (
            study.problem,
            study.what_was_done,
            study.outcomes_summary,
            study.barriers,
            study.enablers,
            study.cost_and_funding,
        )
    )
    return {
        "kind": "case-study",
        "object_id": study.pk,
        "title": study.title,
        "summary": study.summary,
        "key_learning": plain_text(study.key_learning),
        "body": f"{study.place} {body}",
        "audience": study.audience,
        "date": study.date_published,
        "year": str(study.date_published.year),
        "status": study.status,
        "integration": study.integration_type,
        "spelling": _spelling(study.audience, study.title, study.summary, body),
        **tags.fields(study),
    }


def event_source(event, tags):
    day = timezone.localdate(event.starts_at)
    where = "Online" if event.is_online else f"{event.venue} {event.address}"
    return {
        "kind": "event",
        "object_id": event.pk,
        "title": event.title,
        "summary": event.summary,
        "body": f"{plain_text(event.description)} {where} {event.organiser}",
        "audience": event.audience,
        "date": day,
        "year": str(day.year),
        "spelling": _spelling(
            event.audience, event.title, event.summary, plain_text(event.description)
        ),
        **tags.fields(event),
    }


def resource_source(resource, tags):
    published = resource.first_published_at
    day = timezone.localdate(published) if published else None
    text = resource.text
    return {
        "kind": "resource",
        "object_id": resource.pk,
        "title": resource.title,
        "summary": resource.summary,
        "body": f"{resource.publisher} {resource.get_document_type_display()}",
        "document_text": list(text.pages) if text is not None and text.is_searchable else [],
        "audience": resource.audience,
        "date": day,
        "year": str(day.year) if day else None,
        "spelling": _spelling(resource.audience, resource.title, resource.summary),
        **tags.fields(resource),
    }


def profile_source(profile, _tags=None):
    """A person is found by what they do, where and what they care about: their role and
    organisation are the summary, and the names of their sector, region and interests are
    words to match (keywords), not only filters."""
    interests = [theme.name for theme in profile.interests.all()]
    placed = [term.name for term in (profile.sector, profile.region) if term is not None]
    return {
        "kind": "member",
        "object_id": profile.pk,
        "title": profile.name,
        "summary": " · ".join(p for p in (profile.role, profile.organisation) if p),
        "role": profile.role,
        "keywords": " · ".join([*placed, *interests]),
        "body": profile.bio,
        "audience": profile.visibility,
        "spelling": _spelling(profile.visibility, profile.role, profile.bio),
        "owner": profile.user_id,
        "url": profile.get_absolute_url(),
        "theme": [theme.slug for theme in profile.interests.all()],
        "sector": [profile.sector.slug] if profile.sector_id else [],
        "region": [profile.region.slug] if profile.region_id else [],
    }


def term_source(kind):
    def build(term, _tags=None):
        return {
            "kind": kind,
            "object_id": term.pk,
            "title": term.name,
            "summary": term.description,
            "audience": "public",
            "url": term.get_absolute_url(),
            "spelling": _spelling("public", term.name, term.description),
        }

    return build


POST_COLUMNS = ("pk", "title", "summary", "body", "audience", "date", "url_path")
CASE_STUDY_COLUMNS = (
    "pk",
    "title",
    "summary",
    "key_learning",
    "place",
    "problem",
    "what_was_done",
    "outcomes_summary",
    "barriers",
    "enablers",
    "cost_and_funding",
    "audience",
    "date_published",
    "status",
    "integration_type",
    "url_path",
)


def _kinds():
    """Each kind: the queryset of everything findable, how one object becomes a source,
    and, where a source needs only plain columns, those columns.

    Posts and case studies, nearly all of a rebuild, are read as rows of the columns
    their sources use: making a Wagtail page object of each cost as much as building
    every source from it.
    """
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.models import MemberProfile, Region, Sector, Theme
    from network.resources.models import ResourcePage

    region_slug = {"region_slug": F("region__slug")}
    return {
        "post": (
            lambda: (
                BlogPage.objects.live()
                .public()
                .filter(hidden_for_review=False)
                .annotate(**region_slug)
            ),
            post_source,
            POST_COLUMNS,
        ),
        "case-study": (
            lambda: CaseStudyPage.objects.published().annotate(**region_slug),
            case_study_source,
            CASE_STUDY_COLUMNS,
        ),
        "event": (
            lambda: EventPage.objects.live().public().annotate(**region_slug),
            event_source,
            None,
        ),
        "resource": (
            lambda: (
                ResourcePage.objects.live()
                .public()
                .annotate(**region_slug)
                .select_related("document__extracted_text__document")
            ),
            resource_source,
            None,
        ),
        "member": (
            lambda: MemberProfile.objects.select_related("sector", "region").prefetch_related(
                "interests"
            ),
            profile_source,
            None,
        ),
        "theme": (lambda: Theme.objects.all(), term_source("theme"), None),
        "sector": (lambda: Sector.objects.all(), term_source("sector"), None),
        "region": (lambda: Region.objects.all(), term_source("region"), None),
    }


KINDS = (*CONTENT_KINDS, *TOPIC_KINDS)
PAGE_KINDS = ("post", "case-study", "event", "resource")


def sources(kind, pks=None, chunk_size=500):
    """(id, source) for each findable object of the kind, in chunks of bounded memory."""
    queryset_for, build, columns = _kinds()[kind]
    queryset = queryset_for().order_by("pk")
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    model = queryset.model
    if columns is not None:
        queryset = queryset.values(*columns, "region_slug")
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:chunk_size])
        if not chunk:
            return
        if columns is not None:
            chunk = [SimpleNamespace(**row) for row in chunk]
        tags = PageTags(model, chunk) if kind in PAGE_KINDS else None
        for obj in chunk:
            yield document_id(kind, obj.pk), fingerprinted(build(obj, tags))
        last = chunk[-1].pk


def tagged_with(kind, term):
    """(kind, pk) of every document that names the term, to follow a renamed term."""
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.models import MemberProfile
    from network.resources.models import ResourcePage

    tagged = {
        "theme": ("themes", "themes", "themes", "themes", "interests"),
        "sector": ("sectors", "sectors", "sectors", "sectors", "sector"),
        "region": ("region", "region", "region", "region", "region"),
    }[kind]
    models = (
        ("post", BlogPage),
        ("case-study", CaseStudyPage),
        ("event", EventPage),
        ("resource", ResourcePage),
        ("member", MemberProfile),
    )
    for (document_kind, model), field in zip(models, tagged, strict=True):
        for pk in model.objects.filter(**{field: term}).values_list("pk", flat=True):
            yield document_kind, pk


def fingerprinted(source):
    digest = hashlib.blake2b(
        json.dumps(source, sort_keys=True, default=str).encode(), digest_size=12
    ).hexdigest()
    return {**source, "fingerprint": digest}


def count(kind):
    queryset_for, _build, _columns = _kinds()[kind]
    return queryset_for().count()
