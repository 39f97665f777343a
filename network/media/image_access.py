"""Who may fetch an image file: whoever may see something that shows the image.

Every image and rendition is a private file (network/media/private_media.py), so this is asked
on each request. An image may be fetched by anyone who may see a profile with it as the
photo or a page that uses it, as Wagtail's reference index records; and by the people
who manage images in the admin, who also see drafts, previews and unused images. An
image nothing visible uses (a members-only post's picture, to a visitor) is a 404.

Pages answer through their own ``is_visible_to(user)`` where they have one (members-only
posts do), otherwise by being live and passing their view restrictions.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from network.media import private_media

ORIGINALS = "original_images"
RENDITIONS = "images"
MANAGING = ["add", "change", "choose", "delete"]


def image_for(name):
    image_model = get_image_model()
    if private_media.folder_of(name) == ORIGINALS:
        return image_model.objects.filter(file=name).first()
    rendition = (
        image_model.get_rendition_model().objects.filter(file=name).select_related("image").first()
    )
    return rendition.image if rendition else None


def referencing(obj):
    """What uses the image (or document), as recorded in the reference index."""
    references = ReferenceIndex.get_references_to(obj).values_list(
        "base_content_type_id", "object_id"
    )
    for content_type_id, object_id in references.distinct():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        source = model._default_manager.filter(pk=object_id).first()
        if source is not None:
            yield source


def shows_to(source, request):
    if isinstance(source, Page):
        source = source.specific
        if not hasattr(source, "is_visible_to"):
            restrictions = source.get_view_restrictions()
            return source.live and all(item.accept_request(request) for item in restrictions)
    is_visible_to = getattr(source, "is_visible_to", None)
    return bool(is_visible_to and is_visible_to(request.user))


def may_see(request, image):
    from network.models import MemberProfile

    # A profile photo is checked on the profile directly: the reference index may lag a
    # moment behind an upload, and the member is looking at their new photo right then.
    if MemberProfile.objects.visible_to(request.user).filter(photo=image).exists():
        return True
    if any(shows_to(source, request) for source in referencing(image)):
        return True
    policy = policy_registry.get_by_type(get_image_model())
    return policy.user_has_any_permission(request.user, MANAGING)


def _rule(request, name):
    image = image_for(name)
    return image is not None and may_see(request, image)


def _index_published_page(sender, instance, **kwargs):
    """Record a newly published page's images at once, not when the task worker gets to it.

    Until then a visitor would be refused the pictures of a public post that is already
    live; the queued update that follows writes the same rows again.
    """
    ReferenceIndex.create_or_update_for_object(instance)


def connect():
    from wagtail.signals import page_published

    private_media.register(ORIGINALS, _rule)
    private_media.register(RENDITIONS, _rule)
    page_published.connect(_index_published_page, dispatch_uid="image-access-index")
