"""What goes into the Elasticsearch index: one document per post, case study, profile or term.

Only what some viewer may find is indexed: live, unrestricted posts that are not hidden
for review; published case studies; every profile with its visibility; the theme, sector
and region pages. Drafts, pages in review and hidden posts are never sent, so no query
can find them whatever its filters. Each document carries the audience that may see it
(public, members, hidden) and, for a profile, its owner, which the search filters on.

Words for "Did you mean" (`spelling`) come from public documents only, so a correction can
never reveal a word from members-only content.
"""

import hashlib
import json

from elasticsearch_dsl import Date, Document, Integer, Keyword, SearchAsYouType, Text

from search.documents import plain_text

CONTENT_KINDS = ("post", "case-study", "member")
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
    body = _text(index_options="offsets")
    keywords = _text()
    spelling = Text(analyzer="shingles")
    audience = Keyword()
    owner = Integer()
    date = Date()
    year = Keyword()
    theme = Keyword()
    sector = Keyword()
    region = Keyword()
    status = Keyword()
    integration = Keyword()
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
                if name not in ("image", "type", "id"):
                    walk(inner, block_type)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, block_type)

    for block in raw_blocks or ():
        if isinstance(block, dict):
            walk(block.get("value"), block.get("type"))
    return " ".join(piece for piece in pieces if piece)


def _terms(page):
    return {
        "theme": [theme.slug for theme in page.themes.all()],
        "sector": [sector.slug for sector in page.sectors.all()],
        "region": [page.region.slug] if page.region_id else [],
        "keywords": " ".join(tag.name for tag in page.keywords.all()),
    }


def _spelling(audience, *texts):
    return " ".join(text for text in texts if text) if audience == "public" else ""


def post_source(post):
    audience = post.audience
    return {
        "kind": "post",
        "object_id": post.pk,
        "title": post.title,
        "summary": post.summary,
        "body": _stream_text(post.body.raw_data),
        "audience": audience,
        "date": post.date,
        "year": str(post.date.year),
        "spelling": _spelling(audience, post.title, post.summary),
        **_terms(post),
    }


def case_study_source(study):
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
        "audience": "public",
        "date": study.date_published,
        "year": str(study.date_published.year),
        "status": study.status,
        "integration": study.integration_type,
        "spelling": _spelling("public", study.title, study.summary),
        **_terms(study),
    }


def profile_source(profile):
    return {
        "kind": "member",
        "object_id": profile.pk,
        "title": profile.name,
        "summary": " · ".join(p for p in (profile.role, profile.organisation) if p),
        "body": profile.bio,
        "audience": profile.visibility,
        "owner": profile.user_id,
        "theme": [theme.slug for theme in profile.interests.all()],
        "sector": [profile.sector.slug] if profile.sector_id else [],
        "region": [profile.region.slug] if profile.region_id else [],
    }


def term_source(kind):
    def build(term):
        return {
            "kind": kind,
            "object_id": term.pk,
            "title": term.name,
            "summary": term.description,
            "audience": "public",
            "spelling": _spelling("public", term.name, term.description),
        }

    return build


def _kinds():
    """Each kind: the queryset of everything findable, and how one object becomes a source."""
    from blog.models import BlogPage
    from casestudies.models import CaseStudyPage
    from network.models import MemberProfile, Region, Sector, Theme

    page_related = ("themes", "sectors", "keywords")
    return {
        "post": (
            lambda: (
                BlogPage.objects.live()
                .public()
                .filter(hidden_for_review=False)
                .select_related("region")
                .prefetch_related(*page_related)
            ),
            post_source,
        ),
        "case-study": (
            lambda: (
                CaseStudyPage.objects.published()
                .select_related("region")
                .prefetch_related(*page_related)
            ),
            case_study_source,
        ),
        "member": (
            lambda: MemberProfile.objects.select_related("sector", "region").prefetch_related(
                "interests"
            ),
            profile_source,
        ),
        "theme": (lambda: Theme.objects.all(), term_source("theme")),
        "sector": (lambda: Sector.objects.all(), term_source("sector")),
        "region": (lambda: Region.objects.all(), term_source("region")),
    }


KINDS = (*CONTENT_KINDS, *TOPIC_KINDS)


def sources(kind, pks=None, chunk_size=500):
    """(id, source) for each findable object of the kind, in chunks of bounded memory."""
    queryset_for, build = _kinds()[kind]
    queryset = queryset_for().order_by("pk")
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    last = 0
    while True:
        chunk = list(queryset.filter(pk__gt=last)[:chunk_size])
        if not chunk:
            return
        for obj in chunk:
            yield document_id(kind, obj.pk), fingerprinted(build(obj))
        last = chunk[-1].pk


def fingerprinted(source):
    digest = hashlib.blake2b(
        json.dumps(source, sort_keys=True, default=str).encode(), digest_size=12
    ).hexdigest()
    return {**source, "fingerprint": digest}


def findable_ids(kind):
    queryset_for, _build = _kinds()[kind]
    return {document_id(kind, pk) for pk in queryset_for().values_list("pk", flat=True)}


def count(kind):
    queryset_for, _build = _kinds()[kind]
    return queryset_for().count()
