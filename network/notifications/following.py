"""What members can follow, and following and unfollowing it.

network offers its themes, sectors, regions and member profiles; a content app adds its
own followable things (the blog adds its series) by registering them in its ready(), so
the follow button, /profile/following/ and the digests work for them without network
importing the app.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.signals import post_delete

from network.models import Follow


@dataclass(frozen=True)
class Followable:
    kind: str  # the word in the follow address: /follow/theme/3/
    model: type
    heading: str  # how /profile/following/ heads the list: "CMHF themes"

    @property
    def content_type(self):
        return ContentType.objects.get_for_model(self.model)


_kinds = {}


def register(kind, model, heading):
    _kinds[kind] = Followable(kind, model, heading)
    post_delete.connect(_forget_follows, sender=model, dispatch_uid=f"forget-follows-{kind}")


def _forget_follows(sender, instance, **kwargs):
    """A deleted theme, series or profile takes its follows with it (no foreign key does)."""
    content_type = ContentType.objects.get_for_model(sender)
    Follow.objects.filter(content_type=content_type, object_id=instance.pk).delete()


def kinds():
    return list(_kinds.values())


def by_kind(kind):
    return _kinds.get(kind)


def followable_of(obj):
    for followable in _kinds.values():
        if isinstance(obj, followable.model):
            return followable
    return None


def key(obj):
    """(content type id, primary key): how a follow and a page's targets are matched."""
    return (ContentType.objects.get_for_model(type(obj)).pk, obj.pk)


def follow(user, obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    Follow.objects.get_or_create(user=user, content_type=content_type, object_id=obj.pk)


def unfollow(user, obj):
    content_type = ContentType.objects.get_for_model(type(obj))
    Follow.objects.filter(user=user, content_type=content_type, object_id=obj.pk).delete()


def followed_by(user):
    """Everything the member follows, as (Followable, [things]) in the registered order."""
    wanted = defaultdict(list)
    for content_type_id, object_id in Follow.objects.filter(user=user).values_list(
        "content_type_id", "object_id"
    ):
        wanted[content_type_id].append(object_id)
    grouped = []
    for followable in _kinds.values():
        ids = wanted.get(followable.content_type.pk)
        if ids:
            things = followable.model._default_manager.filter(pk__in=ids)
            if hasattr(things, "visible_to"):
                things = things.visible_to(user)
            if things:
                grouped.append((followable, list(things)))
    return grouped


def follower_counts(model):
    """How many members follow each thing of this model: {primary key: count}."""
    content_type = ContentType.objects.get_for_model(model)
    rows = (
        Follow.objects.filter(content_type=content_type)
        .values("object_id")
        .annotate(followers=Count("pk"))
    )
    return {row["object_id"]: row["followers"] for row in rows}
