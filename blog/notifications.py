"""Tell a member what happened to the reflection they submitted."""

from django.urls import reverse
from wagtail.signals import task_rejected, workflow_approved

from network.notifications import notify


def author_addresses(post):
    addresses = []
    for author in post.authors.select_related("profile__user"):
        user = author.profile.user
        if user and user.email:
            addresses.append(user.email)
    if not addresses and post.owner and post.owner.email:
        addresses.append(post.owner.email)
    return addresses


def notify_published(post):
    notify(
        author_addresses(post),
        f"Your reflection “{post.title}” is published",
        "reflection_published",
        title=post.title,
        url=post.get_url(),
    )


def notify_changes_requested(post, comment):
    notify(
        author_addresses(post),
        f"Changes requested on “{post.title}”",
        "reflection_changes_requested",
        title=post.title,
        comment=comment,
        edit_url=reverse("share-edit", args=[post.pk]),
    )


def notify_rejected(post, reason):
    notify(
        author_addresses(post),
        f"Your reflection “{post.title}” was not published",
        "reflection_rejected",
        title=post.title,
        reason=reason,
    )


def _post_from(instance):
    from .models import BlogPage

    obj = getattr(instance, "content_object", None) or getattr(
        getattr(instance, "workflow_state", None), "content_object", None
    )
    obj = getattr(obj, "specific", obj)
    return obj if isinstance(obj, BlogPage) else None


def on_workflow_approved(sender, instance, user=None, **kwargs):
    post = _post_from(instance)
    if post is not None:
        notify_published(post)


def on_task_rejected(sender, instance, user=None, **kwargs):
    """A plain rejection asks for changes; an outright rejection is reported separately."""
    post = _post_from(instance)
    if post is None or instance.workflow_state.status == instance.workflow_state.STATUS_CANCELLED:
        return
    from .models import BlogPage

    if BlogPage.objects.filter(pk=post.pk, rejected_at__isnull=False).exists():
        return
    notify_changes_requested(post, instance.get_comment())


def connect():
    workflow_approved.connect(on_workflow_approved, dispatch_uid="blog-workflow-approved")
    task_rejected.connect(on_task_rejected, dispatch_uid="blog-task-rejected")
