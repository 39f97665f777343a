"""What the search finds, gathered per kind with only the columns ranking needs.

Posts and case studies are matched by Wagtail's database search (full text over every
indexed field, body included); member profiles and the theme, sector and region pages
are few and short, so they are matched directly. Each gatherer applies the viewer's
visibility first, so nothing a viewer may not see is ever counted in a facet.
"""

import datetime
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.search.query import PlainText

KIND_LABELS = {
    "post": "Reflections",
    "case-study": "Case studies",
    "event": "Events",
    "resource": "Resources",
    "member": "Members",
    "theme": "CMHF themes",
    "sector": "Sectors",
    "region": "Regions",
}


@dataclass(slots=True)
class Document:
    kind: str
    pk: int
    title: str
    text: str = ""
    date: datetime.date | None = None
    facets: dict = field(default_factory=dict)
    backend_rank: float = 0.0  # 1.0 for the full-text backend's best match, falling to 0
    score: float = 0.0

    @property
    def key(self):
        return (self.kind, self.pk)


BLOCK_END = re.compile(r"</(p|li|h[1-6]|blockquote|div)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text as a reader sees it: blocks apart, entities decoded."""
    return html.unescape(strip_tags(BLOCK_END.sub(" ", rich_text or "")))


def _ranked_rows(queryset, backend_query, columns):
    """The chosen columns of every match, in the full-text backend's order."""
    if backend_query is not None:
        queryset = queryset.search(backend_query, operator="or").get_queryset()
    return list(queryset.values_list(*columns))


def _finish_pages(documents, visible, model):
    """Record the backend's order and tag each page with its themes and sectors."""
    total = len(documents)
    for position, document in enumerate(documents):
        document.backend_rank = 1 - position / total
    owner_field = f"{model._meta.model_name}_id"
    _add_terms(documents, visible, model.themes.through.objects, owner_field, "theme", "theme")
    _add_terms(documents, visible, model.sectors.through.objects, owner_field, "sector", "sector")
    return documents


IN_LIST_LIMIT = 300


def _add_terms(documents, visible, through, owner_field, term_field, facet):
    """Tag each document with its terms' slugs.

    A short result list is looked up by id; a long one reads the tags of everything
    visible through a subquery instead, because an IN list of thousands of ids costs more
    to build and send than the few thousand extra rows it saves.
    """
    by_pk = {document.pk: document for document in documents}
    if len(by_pk) <= IN_LIST_LIMIT:
        rows = through.filter(**{f"{owner_field}__in": list(by_pk)})
    else:
        rows = through.filter(**{f"{owner_field}__in": visible.values("pk")})
    for owner, slug in rows.values_list(owner_field, f"{term_field}__slug").iterator():
        document = by_pk.get(owner)
        if document is not None:
            document.facets.setdefault(facet, set()).add(slug)


def posts(user, backend_query):
    from blog.models import BlogPage

    visible = BlogPage.objects.visible_to(user)
    rows = _ranked_rows(visible, backend_query, ("pk", "title", "summary", "date", "region__slug"))
    documents = [
        Document(
            "post",
            pk,
            title,
            summary,
            day,
            {"type": {"post"}, "year": {str(day.year)}, "region": {region} if region else set()},
        )
        for pk, title, summary, day, region in rows
    ]
    return _finish_pages(documents, visible, BlogPage)


def case_studies(user, backend_query):
    from casestudies.models import CaseStudyPage

    visible = CaseStudyPage.objects.visible_to(user)
    columns = (
        "pk",
        "title",
        "summary",
        "key_learning",
        "date_published",
        "region__slug",
        "status",
        "integration_type",
    )
    rows = _ranked_rows(visible, backend_query, columns)
    documents = []
    for pk, title, summary, key_learning, day, region, status, integration in rows:
        facets = {
            "type": {"case-study"},
            "year": {str(day.year)},
            "region": {region} if region else set(),
            "status": {status},
            "integration": {integration},
        }
        text = f"{summary} {plain_text(key_learning)}"
        documents.append(Document("case-study", pk, title, text, day, facets))
    return _finish_pages(documents, visible, CaseStudyPage)


def events(user, backend_query):
    from network.events.models import EventPage

    visible = EventPage.objects.visible_to(user)
    columns = ("pk", "title", "summary", "starts_at", "region__slug")
    rows = _ranked_rows(visible, backend_query, columns)
    documents = []
    for pk, title, summary, starts_at, region in rows:
        day = timezone.localdate(starts_at)
        facets = {
            "type": {"event"},
            "year": {str(day.year)},
            "region": {region} if region else set(),
        }
        documents.append(Document("event", pk, title, summary, day, facets))
    return _finish_pages(documents, visible, EventPage)


def resources(user, backend_query):
    """Resources, matched on their document's words too (Wagtail indexes them with the page)."""
    from network.resources.models import ResourcePage

    visible = ResourcePage.objects.visible_to(user)
    columns = ("pk", "title", "summary", "first_published_at", "region__slug")
    rows = _ranked_rows(visible, backend_query, columns)
    documents = []
    for pk, title, summary, published_at, region in rows:
        day = timezone.localdate(published_at) if published_at else None
        facets = {
            "type": {"resource"},
            "year": {str(day.year)} if day else set(),
            "region": {region} if region else set(),
        }
        documents.append(Document("resource", pk, title, summary, day, facets))
    return _finish_pages(documents, visible, ResourcePage)


def passages(pks):
    """Each resource's document pages and how to name them, for the hits being shown."""
    from network.resources.models import DocumentText, ResourcePage

    documents = dict(ResourcePage.objects.filter(pk__in=pks).values_list("pk", "document_id"))
    texts = {
        text.document_id: text
        for text in DocumentText.objects.filter(
            document_id__in=[d for d in documents.values() if d], status="searchable"
        ).select_related("document")
    }
    return {pk: texts[document] for pk, document in documents.items() if document in texts}


def members(user, concepts):
    from network.models import MemberProfile

    # Profiles are matched in Python, not with icontains, so that accents fold ("Sian"
    # finds "Siân") and a long query cannot grow into a thousand-term SQL expression.
    visible = MemberProfile.objects.listed_to(user)
    rows = visible.values_list(
        "pk", "name", "role", "organisation", "bio", "sector__slug", "region__slug"
    )
    interests = defaultdict(set)
    through = MemberProfile.interests.through.objects
    for owner, slug in through.filter(memberprofile__in=visible).values_list(
        "memberprofile_id", "theme__slug"
    ):
        interests[owner].add(slug)
    documents = []
    for pk, name, role, organisation, bio, sector, region in rows:
        text = " · ".join(part for part in (role, organisation, bio) if part)
        if concepts and not any(c.matches(name) or c.matches(text) for c in concepts):
            continue
        facets = {
            "type": {"member"},
            "sector": {sector} if sector else set(),
            "region": {region} if region else set(),
            "theme": interests[pk],
        }
        documents.append(Document("member", pk, name, text, None, facets))
    return documents


def taxonomy_terms(concepts):
    from network.models import Region, Sector, Theme

    documents = []
    for kind, model in (("theme", Theme), ("sector", Sector), ("region", Region)):
        for pk, name, description in model.objects.values_list("pk", "name", "description"):
            document = Document(kind, pk, name, description, None, {"type": {kind}})
            if not concepts or any(
                concept.matches(name) or concept.matches(description) for concept in concepts
            ):
                documents.append(document)
    return documents


def found_as_typed(user, word):
    """Whether any post, case study, event or resource the viewer may see has the word."""
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.events.models import EventPage
    from network.resources.models import ResourcePage

    query = PlainText(word)
    for model in (BlogPage, CaseStudyPage, EventPage, ResourcePage):
        visible = model.objects.visible_to(user)
        if visible.search(query).get_queryset().exists():
            return True
    return False
