"""Email digests: what is new in the things each member follows, daily or weekly.

A run first records a pending Digest for every member due one this period (the unique
period makes that safe to repeat), then works through the pending ones in batches:
builds each batch with a fixed number of queries, sends each email, and marks it sent
straight after the mail server accepts it. A run that crashes part way leaves the rest
pending, so the next run sends those and skips the sent ones. A refused email is tried
again later with a growing delay and never holds up the others.
"""

import datetime
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Max, Min
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from network.models import (
    Digest,
    DigestFrequency,
    DigestStatus,
    EmailPreferences,
    Follow,
    User,
)
from network.notifications import following, unsubscribe
from network.notifications.mail import header_safe
from network.platform.site_address import email_link, site_url

logger = logging.getLogger(__name__)

LENGTH = {
    DigestFrequency.DAILY: datetime.timedelta(days=1),
    DigestFrequency.WEEKLY: datetime.timedelta(days=7),
}
DEFAULT_FREQUENCY = DigestFrequency.WEEKLY  # for a member who has not chosen
BATCH_SIZE = 200
MAX_ATTEMPTS = 8
LONGEST_GAP = 2  # periods a digest may reach back after a pause or missed runs
CLAIM = datetime.timedelta(minutes=10)  # a digest being sent is left alone this long
MAX_ITEMS = 30  # a digest longer than this links to the rest


def retry_delay(attempt):
    return datetime.timedelta(minutes=min(15 * 2 ** (attempt - 1), 12 * 60))


def period_start(frequency, now=None):
    """The day (daily) or the Monday (weekly), in UK time, that the digest is for."""
    today = timezone.localdate(now or timezone.now())
    if frequency == DigestFrequency.WEEKLY:
        return today - datetime.timedelta(days=today.weekday())
    return today


# Sources of new content ----------------------------------------------------------------

_sources = {}


def register_source(name, published_between):
    """A content app's new pages: (start, end) -> pages first published in that window,
    live and shown to readers, with what followed_targets() reads already fetched; a page
    type's ``objects.published_between`` (network.models.mixins.PublishedQuerySetMixin)."""
    _sources[name] = published_between


def _new_pages(start, end):
    pages = []
    for source in _sources.values():
        pages.extend(source(start, end))
    return sorted(pages, key=lambda page: page.first_published_at, reverse=True)


# Opening a period ---------------------------------------------------------------------


def open_period(frequency, now=None):
    """Record a pending digest for each member who wants one this period; returns how many."""
    now = now or timezone.now()
    start = period_start(frequency, now)
    followers = set(Follow.objects.values_list("user_id", flat=True).distinct())
    chosen = dict(
        EmailPreferences.objects.filter(user_id__in=followers).values_list("user_id", "digest")
    )
    wanted = {
        user_id for user_id in followers if chosen.get(user_id, DEFAULT_FREQUENCY) == frequency
    }
    wanted = set(User.objects.filter(pk__in=wanted).members().values_list("pk", flat=True))
    wanted -= set(
        Digest.objects.filter(frequency=frequency, period_start=start).values_list(
            "user_id", flat=True
        )
    )
    # Each digest starts where the member's last one ended, sent or still being retried,
    # so nothing is in two; a member back after a long pause gets the recent weeks only.
    last = dict(
        Digest.objects.filter(user_id__in=wanted)
        .values("user_id")
        .annotate(until=Max("covers_until"))
        .values_list("user_id", "until")
    )
    earliest = now - LENGTH[frequency] * LONGEST_GAP
    digests = [
        Digest(
            user_id=user_id,
            frequency=frequency,
            period_start=start,
            covers_from=max(last.get(user_id) or now - LENGTH[frequency], earliest),
            covers_until=now,
        )
        for user_id in wanted
    ]
    Digest.objects.bulk_create(digests, ignore_conflicts=True, batch_size=1000)
    return len(digests)


# Building -----------------------------------------------------------------------------


@dataclass
class Built:
    digest: Digest
    user: User
    groups: list = field(default_factory=list)  # [(followed thing, [pages])]
    more: int = 0

    @property
    def items(self):
        return sum(len(pages) for _thing, pages in self.groups)


@dataclass
class NewContent:
    """New pages, newest first, and for each followed thing the positions of its pages."""

    pages: list = field(default_factory=list)  # [(page, {key: thing}, author ids)]
    by_key: dict = field(default_factory=dict)  # {key: [positions in pages]}


def new_content(start, end):
    """The pages first published in the window, indexed by what they can be followed by.

    Fetched once for a whole run: every batch then matches against the same index, so a
    member's digest costs what they follow, not the size of the site.
    """
    content = NewContent()
    if start is None or end is None:
        return content
    for position, page in enumerate(_new_pages(start, end)):
        targets = {following.key(target): target for target in page.followed_targets()}
        content.pages.append((page, targets, _author_ids(page)))
        for key in targets:
            content.by_key.setdefault(key, []).append(position)
    return content


def build(digests, content=None):
    """Each digest's content, for a batch, in a fixed number of queries whatever its size."""
    if not digests:
        return []
    user_ids = {digest.user_id for digest in digests}
    users = {user.pk: user for user in User.objects.filter(pk__in=user_ids)}
    members = set(User.objects.filter(pk__in=user_ids).members().values_list("pk", flat=True))
    follows = defaultdict(set)
    for user_id, content_type_id, object_id in Follow.objects.filter(
        user_id__in=user_ids
    ).values_list("user_id", "content_type_id", "object_id"):
        follows[user_id].add((content_type_id, object_id))
    if content is None:
        content = new_content(
            min(digest.covers_from for digest in digests),
            max(digest.covers_until for digest in digests),
        )
    pages = content
    chosen = dict(
        EmailPreferences.objects.filter(user_id__in=user_ids).values_list("user_id", "digest")
    )
    built = []
    for digest in digests:
        user = users.get(digest.user_id)
        if user is None:
            continue
        result = Built(digest, user)
        built.append(result)
        if user.pk not in members:
            continue  # membership ended since the period opened: nothing to send
        if chosen.get(user.pk, DEFAULT_FREQUENCY) != digest.frequency:
            continue  # unsubscribed, or chose another frequency, since it was opened
        mine = follows[user.pk]
        positions = set().union(*(pages.by_key.get(key, ()) for key in mine))
        grouped = {}
        for position in sorted(positions):  # newest first
            page, targets, author_ids = pages.pages[position]
            if not digest.covers_from < page.first_published_at <= digest.covers_until:
                continue
            if user.pk in author_ids:
                continue
            if result.items >= MAX_ITEMS:
                result.more += 1
                continue
            key = next(key for key in targets if key in mine)
            grouped.setdefault(key, (targets[key], []))[1].append(page)
            result.groups = list(grouped.values())
        result.groups = list(grouped.values())
    return built


def _author_ids(page):
    """Who wrote it, from what the source fetched (a post's authors), never a new query."""
    profiles = getattr(page, "author_profiles", None)
    if profiles is None:
        return {page.suggested_by_id} if getattr(page, "suggested_by_id", None) else set()
    return {profile.user_id for profile in profiles() if profile.user_id}


# Sending ------------------------------------------------------------------------------


def _message(built, connection):
    digest = built.digest
    frequency = "daily" if digest.frequency == DigestFrequency.DAILY else "weekly"
    count = built.items + built.more
    subject = header_safe(
        f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Your {frequency} digest: "
        f"{count} new in what you follow"
    )
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": site_url(),
        "frequency": frequency,
        "groups": built.groups,
        "more": built.more,
        "count": count,
        "notifications_url": email_link(reverse("notifications")),
        "following_url": email_link(reverse("following")),
        **unsubscribe.links(built.user, "digest"),
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("emails/digest.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[built.user.email],
        headers={
            **unsubscribe.headers(built.user, "digest"),
            # One identity per digest, so a mail server that sees it twice can drop one.
            "Message-ID": f"<digest-{digest.pk}@{urlsplit(site_url()).hostname}>",
        },
        connection=connection,
    )
    message.attach_alternative(render_to_string("emails/digest.html", context), "text/html")
    return message


@dataclass
class RunReport:
    sent: int = 0
    empty: int = 0
    retrying: int = 0
    failed: int = 0


def send_pending(frequency, now=None, batch_size=BATCH_SIZE, progress=None, after_send=None):
    """Send every pending digest of this frequency that is due; safe to run at any time.

    `progress(done, total)` is called after each batch; `after_send(digest)` after each
    email is recorded as sent.
    """
    now = now or timezone.now()
    due = (
        Digest.objects.filter(frequency=frequency, status=DigestStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .order_by("pk")
    )
    ids = list(due.values_list("pk", flat=True))
    report = RunReport()
    window = due.aggregate(start=Min("covers_from"), end=Max("covers_until"))
    content = new_content(window["start"], window["end"])
    connection = get_connection()
    try:
        for offset in range(0, len(ids), batch_size):
            batch = list(Digest.objects.filter(pk__in=ids[offset : offset + batch_size]))
            for built in build(batch, content):
                _send_one(built, connection, report, after_send, now)
            if progress:
                progress(min(offset + batch_size, len(ids)), len(ids))
    finally:
        try:
            connection.close()
        except Exception:
            logger.warning("Could not close the mail connection", exc_info=True)
    if report.retrying:
        _queue_retry(frequency)
    return report


def _queue_retry(frequency):
    """On the task worker, come back for refused digests when the first one is due."""
    if not retry_digests.get_backend().supports_defer:
        return  # without a worker, the next scheduled run retries them
    due = Digest.objects.filter(frequency=frequency, status=DigestStatus.PENDING).aggregate(
        first=Min("next_attempt_at")
    )["first"]
    if due is not None:
        retry_digests.using(run_after=due).enqueue(frequency)


def _claim(digest, now):
    """Take the digest for this run, so an overlapping run (cron and the worker, or two
    schedules) cannot send it too; a run that dies holding it frees it after CLAIM."""
    return bool(
        Digest.objects.filter(pk=digest.pk, status=DigestStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .update(next_attempt_at=timezone.now() + CLAIM)
    )


def _send_one(built, connection, report, after_send, now):
    digest = built.digest
    if not built.user.email or not built.user.is_active or not built.items:
        Digest.objects.filter(pk=digest.pk).update(status=DigestStatus.EMPTY)
        report.empty += 1
        return
    if not _claim(digest, now):
        return
    try:
        _message(built, connection).send()
    except Exception as error:  # one bad digest must not stop the others
        attempts = digest.attempts + 1
        update = {"attempts": attempts, "last_error": str(error)[:300]}
        if attempts >= MAX_ATTEMPTS:
            update["status"] = DigestStatus.FAILED
            report.failed += 1
        else:
            update["next_attempt_at"] = timezone.now() + retry_delay(attempts)
            report.retrying += 1
        Digest.objects.filter(pk=digest.pk).update(**update)
        logger.warning("Digest %s to user %s not sent: %s", digest.pk, digest.user_id, error)
        return
    Digest.objects.filter(pk=digest.pk).update(
        status=DigestStatus.SENT, sent_at=timezone.now(), items=built.items
    )
    report.sent += 1
    if after_send:
        after_send(digest)


def run(frequency, now=None, **options):
    opened = open_period(frequency, now)
    report = send_pending(frequency, now, **options)
    return opened, report


# The schedule ---------------------------------------------------------------------------

SEND_AT = datetime.time(7, 0)  # UK time: in inboxes at the start of the working day


def next_run(frequency, now=None):
    """The next 07:00 (daily) or Monday 07:00 (weekly), UK time, after `now`."""
    local = timezone.localtime(now or timezone.now())
    candidate = local.replace(hour=SEND_AT.hour, minute=SEND_AT.minute, second=0, microsecond=0)
    while candidate <= local or (frequency == DigestFrequency.WEEKLY and candidate.weekday() != 0):
        candidate = timezone.make_aware(
            datetime.datetime.combine(candidate.date() + datetime.timedelta(days=1), SEND_AT)
        )
    return candidate


@task()
def retry_digests(frequency):
    send_pending(frequency)


@task()
def scheduled_digests(frequency):
    """Send this period's digests, then queue the next run: a schedule kept by the worker."""
    try:
        run(frequency)
    finally:
        scheduled_digests.using(run_after=next_run(frequency)).enqueue(frequency)
