"""Turn the demo data into pages, people and pictures, safely and more than once.

Every object is looked up by a stable key (slug, username or title) before it is made,
and what already exists is left as it is, so the command can be re-run on a database
that already has the demo, or has had it edited by hand, without duplicating or undoing
anything. The whole load runs in one transaction so a failure never leaves half a site.
"""

import datetime
import io
from collections import Counter

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, BlogSeries, CollectiveAuthor
from casestudies.models import (
    CaseStudyIndexPage,
    CaseStudyOutcome,
    CaseStudyPage,
    CaseStudyPartner,
    add_months,
)
from network.models import (
    CareLevel,
    Comment,
    HomePage,
    HomePageFeaturedCaseStudy,
    MemberProfile,
    Region,
    Sector,
    Theme,
)
from network.moderation.roles import assign_facilitator_review, ensure_groups, ensure_workflow
from network.platform.site_address import configured_url, host_and_port, point_site_at_site_url

from . import content
from .case_studies import CASE_STUDIES
from .images import SQUARE, WIDE, draw_picture
from .posts import COLLATED_BY, POSTS

ONLINE_LINK = "https://meet.example.org/network"
WELCOME_TITLE = "Welcome to your new Wagtail site"
# Morning rather than midnight, so converting to UTC for feeds never moves a post a day back.
PUBLISH_TIME = datetime.time(9, 30)


class DemoDataError(Exception):
    """The demo refers to something the database lacks, such as an unseeded taxonomy slug."""


class DemoLoader:
    def __init__(self, log=None, today=None):
        self.log = log or (lambda message: None)
        self.today = today or timezone.localdate()
        self.created = Counter()
        self.existing = Counter()
        self.images = {}
        self.portraits = {}
        self.users = {}
        self.profiles = {}
        self.case_studies = {}
        self._terms = {}

    def run(self):
        with transaction.atomic():
            # The groups and workflow normally come from post_migrate; ensuring them here
            # keeps the demo working on a database migrated before roles existed.
            ensure_workflow(ensure_groups())
            self.load_images()
            self.load_accounts()
            self.load_profiles()
            home = self.load_home()
            self.load_information_pages(home)
            blog_index = self.load_index(BlogIndexPage, home, content.BLOG_INDEX)
            case_study_index = self.load_index(CaseStudyIndexPage, home, content.CASE_STUDY_INDEX)
            self.load_posts(blog_index)
            self.load_case_studies(case_study_index)
            self.load_featured(home)
            self.load_events(self.load_event_index(home))
            self.load_resources(self.load_resource_index(home))
            self.load_comments()
            self.load_follows()
        return self

    def set_up_site(self):
        """The pages every site needs, without the demo's people, posts or pictures.

        What a new production site runs after its first migrate, so that the home page,
        the two sections and the footer's standard pages exist before anyone signs in.
        """
        with transaction.atomic():
            ensure_workflow(ensure_groups())
            home = self.load_home()
            self.load_information_pages(home)
            self.load_index(BlogIndexPage, home, content.BLOG_INDEX)
            self.load_index(CaseStudyIndexPage, home, content.CASE_STUDY_INDEX)
            self.load_event_index(home)
            self.load_resource_index(home)
        return self

    # Events ------------------------------------------------------------------------------

    def load_event_index(self, home):
        from network.events.models import EventIndexPage

        from .events import EVENT_INDEX

        index = EventIndexPage.objects.order_by("pk").first()
        if index is not None:
            self._found("page")
            return index
        index = self._publish(
            home,
            EventIndexPage(
                title=EVENT_INDEX["title"],
                slug=EVENT_INDEX["slug"],
                introduction=EVENT_INDEX["introduction"],
            ),
        )
        self._made("page", index.title)
        return index

    def load_events(self, index):
        from network.events.models import EventPage

        from .events import EVENTS

        for spec in EVENTS:
            if EventPage.objects.filter(slug=spec["slug"]).exists():
                self._found("event")
                continue
            day = self.today + datetime.timedelta(days=spec["days_ahead"])
            starts = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(spec["hour"]))
            )
            event = EventPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                description=spec["description"],
                kind=spec["kind"],
                format=spec["format"],
                joining_link=ONLINE_LINK if spec["format"] == "online" else "",
                venue=spec.get("venue", ""),
                address=spec.get("address", ""),
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=spec["hours"]),
                capacity=spec["capacity"],
                organiser="Network facilitators",
                audience=spec["audience"],
                notes=spec.get("notes", ""),
                slides_url=spec.get("slides_url", ""),
                region=self._term(Region, spec.get("region")),
            )
            index.add_child(instance=event)
            event.themes.set(self._terms_for(Theme, spec["themes"]))
            event.sectors.set(self._terms_for(Sector, spec["sectors"]))
            event.save_revision().publish()
            self._made("event", event.title)

    # Resources ---------------------------------------------------------------------------

    def load_resource_index(self, home):
        from network.resources.models import ResourceIndexPage

        from .resources import RESOURCE_INDEX

        index = ResourceIndexPage.objects.order_by("pk").first()
        if index is not None:
            self._found("page")
            return index
        index = self._publish(
            home,
            ResourceIndexPage(
                title=RESOURCE_INDEX["title"],
                slug=RESOURCE_INDEX["slug"],
                introduction=RESOURCE_INDEX["introduction"],
            ),
        )
        self._made("page", index.title)
        return index

    def load_resources(self, index):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        from network.resources import reading
        from network.resources.models import ResourcePage

        from .pdfs import pdf_bytes
        from .resources import RESOURCES

        for spec in RESOURCES:
            if ResourcePage.objects.filter(slug=spec["slug"]).exists():
                self._found("resource")
                continue
            document = get_document_model()(title=spec["title"])
            document.file.save(
                spec["file"], ContentFile(pdf_bytes(spec["pages"], spec["title"])), save=False
            )
            document._set_document_file_metadata()
            document.save()
            reading.read(document.pk)  # at once, so the pages below are indexed with the words
            resource = ResourcePage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                document=document,
                document_type=spec["document_type"],
                publisher=spec["publisher"],
                year=spec["year"],
                audience=spec["audience"],
                region=self._term(Region, spec["region"]),
            )
            index.add_child(instance=resource)
            resource.themes.set(self._terms_for(Theme, spec["themes"]))
            resource.sectors.set(self._terms_for(Sector, spec["sectors"]))
            resource.save_revision().publish()
            self._made("resource", resource.title)
            self._attach(resource, spec)

    @staticmethod
    def _attach(resource, spec):
        """The resource listed on the case study or event it belongs to, as a new revision."""
        from network.events.models import EventPage

        for model, slug in (
            (CaseStudyPage, spec.get("case_study")),
            (EventPage, spec.get("event")),
        ):
            page = model.objects.filter(slug=slug).first() if slug else None
            if page is None:
                continue
            page.attached_resources.add(page.attached_resources.model(resource=resource))
            page.save_revision().publish()

    def load_follows(self):
        """The demo member follows two themes, so following and digests have something to show."""
        from network.notifications import following

        member = self.users.get("member")
        if member is None or member.follows.exists():
            return
        for theme in Theme.objects.filter(slug__in=["co-production", "access-no-wrong-door"]):
            following.follow(member, theme)
            self._made("follow", theme.name)

    def load_comments(self):
        """A few members' comments, one still waiting, so moderation has something to show."""
        member = self.users.get("member")
        if member is None or Comment.objects.exists():
            return
        for slug, body, status in content.COMMENTS:
            page = Page.objects.filter(slug=slug).first()
            if page is not None:
                Comment.objects.create(page=page, author=member, body=body, status=status)
                self._made("comment", slug)

    # Bookkeeping -------------------------------------------------------------------------

    def _made(self, kind, label):
        self.created[kind] += 1
        self.log(f"Created {kind}: {label}")

    def _found(self, kind):
        self.existing[kind] += 1

    def _terms_for(self, model, slugs):
        if model not in self._terms:
            self._terms[model] = {term.slug: term for term in model.objects.all()}
        known = self._terms[model]
        missing = [slug for slug in slugs if slug not in known]
        if missing:
            raise DemoDataError(
                f"{model._meta.verbose_name} not found: {', '.join(missing)}. "
                "Run migrate so the starting taxonomy is seeded."
            )
        return [known[slug] for slug in slugs]

    def _term(self, model, slug):
        return self._terms_for(model, [slug])[0] if slug else None

    @staticmethod
    def _moment(day):
        return timezone.make_aware(datetime.datetime.combine(day, PUBLISH_TIME))

    def _publish(self, parent, page, published_on=None):
        """Add the page as a draft, then publish a revision so it has history like real pages.

        Setting first_published_at beforehand makes feeds and sitemaps show the story's own
        date; Wagtail keeps an existing value when it publishes.
        """
        page.live = False
        if published_on:
            page.first_published_at = self._moment(published_on)
        parent.add_child(instance=page)
        page.save_revision().publish()
        if published_on:
            Page.objects.filter(pk=page.pk).update(last_published_at=self._moment(published_on))
        return type(page).objects.get(pk=page.pk)

    # Images ------------------------------------------------------------------------------

    def load_images(self):
        for key, (title, palette, description) in content.IMAGES.items():
            self.images[key] = self._image(title, key, palette, WIDE, description)
        with_photos = [spec for spec in content.PROFILES if spec["photo"]]
        for index, spec in enumerate(with_photos):
            palette = content.PORTRAIT_PALETTES[index % len(content.PORTRAIT_PALETTES)]
            self.portraits[spec["slug"]] = self._image(
                f"Demo portrait: {spec['name']}",
                f"portrait-{spec['slug']}",
                palette,
                SQUARE,
                "Abstract coloured shapes used as a profile picture",
            )

    def _image(self, title, key, palette, size, description):
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).order_by("pk").first()
        if image is not None:
            self._found("image")
            return image
        data = draw_picture(key, palette, size)
        image = image_model(
            title=title,
            description=description,
            file=ImageFile(io.BytesIO(data), name=f"demo-{key}.jpg"),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        image.save()
        self._made("image", title)
        return image

    # People ------------------------------------------------------------------------------

    def _verified(self, user):
        """Sign-in requires a verified address; demo accounts come verified."""
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )

    def load_accounts(self):
        user_model = get_user_model()
        for spec in content.ACCOUNTS:
            user = user_model.objects.filter(username=spec["username"]).first()
            if user is not None:
                self._found("account")
                self._verified(user)
                self.users[spec["username"]] = user
                continue
            if user_model.objects.filter(email__iexact=spec["email"]).exists():
                self.log(f"Skipped account {spec['username']}: {spec['email']} is in use")
                continue
            user = user_model(
                username=spec["username"],
                email=spec["email"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                is_staff=spec["is_staff"],
                is_superuser=spec["is_superuser"],
            )
            user.set_password(spec["password"])
            user.save()
            for group_name in spec["groups"]:
                user.groups.add(Group.objects.get(name=group_name))
            self._verified(user)
            self.users[spec["username"]] = user
            self._made("account", spec["username"])

    def load_profiles(self):
        owners = {
            spec["profile"]: self.users.get(spec["username"])
            for spec in content.ACCOUNTS
            if spec["profile"]
        }
        for spec in content.PROFILES:
            owner = owners.get(spec["slug"])
            if owner is not None and MemberProfile.objects.filter(user=owner).exists():
                owner = None
            profile = MemberProfile.objects.filter(slug=spec["slug"]).first()
            if profile is not None:
                self._found("profile")
                if owner is not None and profile.user_id is None:
                    profile.user = owner
                    profile.save(update_fields=["user", "updated_at"])
                self.profiles[spec["slug"]] = profile
                continue
            profile = MemberProfile.objects.create(
                user=owner,
                name=spec["name"],
                slug=spec["slug"],
                role=spec["role"],
                organisation=spec["organisation"],
                sector=self._term(Sector, spec["sector"]),
                region=self._term(Region, spec["region"]),
                bio=spec["bio"],
                photo=self.portraits.get(spec["slug"]),
                visibility=spec["visibility"],
            )
            profile.interests.set(self._terms_for(Theme, spec["interests"]))
            self.profiles[spec["slug"]] = profile
            self._made("profile", spec["name"])

    # Site and sections -------------------------------------------------------------------

    def load_home(self):
        home = HomePage.objects.order_by("pk").first()
        if home is not None:
            self._found("page")
            return home
        root = Page.get_first_root_node()
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        self._remove_welcome_pages(root, site)
        spec = content.HOME
        slug = spec["slug"]
        if root.get_children().filter(slug=slug).exists():
            slug = "network-home"
        home = self._publish(
            root,
            HomePage(
                title=spec["title"],
                slug=slug,
                introduction=spec["introduction"],
                join_heading=spec["join_heading"],
                join_text=spec["join_text"],
                share_image=self.images.get(spec["share_image"]),
            ),
        )
        self._made("page", home.title)
        self._point_site(site, home)
        return home

    def load_information_pages(self, home):
        """The about, privacy, accessibility and other standard pages a real site needs."""
        from network.site.information_content import ensure_information_pages

        for page in ensure_information_pages(home):
            self._made("page", page.title)

    def _remove_welcome_pages(self, root, site):
        """Delete Wagtail's placeholder home page so the tree has one obvious home.

        The default site points at it and would be deleted with it, so the site is parked
        on the tree root until the new home page exists. A placeholder that another site
        still uses is left alone.
        """
        base_type = ContentType.objects.get_for_model(Page)
        for page in root.get_children().filter(content_type=base_type, numchild=0):
            if not page.title.startswith(WELCOME_TITLE):
                continue
            if Site.objects.filter(root_page=page).exclude(pk=getattr(site, "pk", None)).exists():
                continue
            if site is not None and site.root_page_id == page.pk:
                site.root_page = root
                site.save()
            self.log(f"Deleted placeholder page: {page.title}")
            page.delete()

    def _point_site(self, site, home):
        """The site answers at SITE_URL, so pages, the sitemap and emails give one address."""
        hostname, port = host_and_port(configured_url())
        if site is None:
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=content.SITE_NAME,
            )
            self._made("site", content.SITE_NAME)
            return
        site.root_page = home
        site.is_default_site = True
        site.site_name = content.SITE_NAME
        site.save()
        point_site_at_site_url(site)
        self.log(f"Pointed site {site.hostname}:{site.port} at {home.title}")

    def load_index(self, model, home, spec):
        page = model.objects.child_of(home).filter(slug=spec["slug"]).first()
        page = page or model.objects.order_by("pk").first()
        if page is None:
            page = self._publish(
                home,
                model(
                    title=spec["title"],
                    slug=spec["slug"],
                    introduction=spec["introduction"],
                    share_image=self.images.get(spec["share_image"]),
                ),
            )
            self._made("page", page.title)
        else:
            self._found("page")
        assign_facilitator_review(page)
        return page

    # Blog --------------------------------------------------------------------------------

    def load_posts(self, index):
        collective = CollectiveAuthor.objects.filter(name=content.COLLECTIVE_AUTHOR["name"]).first()
        if collective is None:
            collective = CollectiveAuthor.objects.create(**content.COLLECTIVE_AUTHOR)
            self._made("collective author", collective.name)
        else:
            self._found("collective author")
        series = (
            BlogSeries.objects.filter(slug=content.SERIES["slug"]).first()
            or BlogSeries.objects.filter(title=content.SERIES["title"]).first()
        )
        if series is None:
            series = BlogSeries.objects.create(**content.SERIES)
            self._made("blog series", series.title)
        else:
            self._found("blog series")

        existing = set(BlogPage.objects.child_of(index).values_list("slug", flat=True))
        for spec in POSTS:
            if spec["slug"] in existing:
                self._found("page")
                continue
            is_collective = spec.get("collective", False)
            page = BlogPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                date=spec["date"],
                body=self._body(spec["body"]),
                audience=spec["audience"],
                region=self._term(Region, spec["region"]),
                share_image=self.images.get(spec.get("share_image")),
                collective_author=collective if is_collective else None,
                collated_by=COLLATED_BY if is_collective else "",
                series=series if spec.get("series_part") else None,
                series_part=spec.get("series_part"),
                themes=self._terms_for(Theme, spec["themes"]),
                sectors=self._terms_for(Sector, spec["sectors"]),
                authors=[
                    BlogPageAuthor(profile=self.profiles[slug], sort_order=order)
                    for order, slug in enumerate(spec.get("authors", []))
                ],
            )
            page.keywords.add(*spec["keywords"])
            self._publish(index, page, published_on=spec["date"])
            self._made("page", page.title)

    def _body(self, blocks):
        data = []
        for kind, *values in blocks:
            if kind == "text":
                data.append({"type": "rich_text", "value": values[0]})
            elif kind == "quote":
                quote, attribution = values
                value = {"quote": quote, "attribution": attribution}
                data.append({"type": "quote", "value": value})
            elif kind == "callout":
                heading, text = values
                data.append({"type": "callout", "value": {"heading": heading, "text": text}})
            elif kind == "image":
                key, alt_text, caption = values
                value = {"image": self.images[key].pk, "alt_text": alt_text, "caption": caption}
                data.append({"type": "image", "value": value})
            else:
                raise DemoDataError(f"Unknown body block {kind!r}")
        return data

    # Case studies ------------------------------------------------------------------------

    def load_case_studies(self, index):
        existing = {page.slug: page for page in CaseStudyPage.objects.child_of(index)}
        for spec in CASE_STUDIES:
            if spec["slug"] in existing:
                self._found("page")
                self.case_studies[spec["slug"]] = existing[spec["slug"]]
                continue
            published = spec["date_published"]
            reviewed = max(published, add_months(self.today, -spec["reviewed_months_ago"]))
            page = CaseStudyPage(
                title=spec["title"],
                slug=spec["slug"],
                summary=spec["summary"],
                place=spec["place"],
                population_covered=spec["population_covered"],
                setting=spec["setting"],
                status=spec["status"],
                integration_type=spec["integration_type"],
                relationship_type=spec["relationship_type"],
                interface_model=spec["interface_model"],
                problem=spec["problem"],
                what_was_done=spec["what_was_done"],
                outcomes_summary=spec["outcomes_summary"],
                barriers=spec["barriers"],
                enablers=spec["enablers"],
                key_learning=spec["key_learning"],
                cost_and_funding=spec["cost_and_funding"],
                contact_role=spec["contact_role"],
                contact_email=spec["contact_email"],
                date_published=published,
                last_reviewed=reviewed,
                region=self._term(Region, spec["region"]),
                share_image=self.images.get(spec.get("share_image")),
                themes=self._terms_for(Theme, spec["themes"]),
                sectors=self._terms_for(Sector, spec["sectors"]),
                care_levels=self._terms_for(CareLevel, spec["care_levels"]),
                partners=[
                    CaseStudyPartner(
                        name=name,
                        sector=self._term(Sector, sector),
                        role=role,
                        sort_order=order,
                    )
                    for order, (name, sector, role) in enumerate(spec["partners"])
                ],
                outcomes=[
                    CaseStudyOutcome(outcome=outcome, how_measured=how, sort_order=order)
                    for order, (outcome, how) in enumerate(spec["outcomes"])
                ],
            )
            page.keywords.add(*spec["keywords"])
            self.case_studies[spec["slug"]] = self._publish(index, page, published_on=published)
            self._made("page", page.title)

    def load_featured(self, home):
        """Feature case studies only on a home page that has none, so curation is kept."""
        home = HomePage.objects.get(pk=home.pk)
        if home.featured_case_studies.exists():
            self._found("home page feature list")
            return
        studies = [
            self.case_studies[slug]
            for slug in content.HOME["featured_case_studies"]
            if slug in self.case_studies
        ]
        if not studies:
            return
        home.featured_case_studies = [
            HomePageFeaturedCaseStudy(case_study=study, sort_order=order)
            for order, study in enumerate(studies)
        ]
        home.save_revision().publish()
        self.created["featured case study"] += len(studies)
        self.log(f"Featured {len(studies)} case studies on the home page")
