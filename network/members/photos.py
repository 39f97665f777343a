"""Profile photos: accepted only when the bytes really are a raster image, then re-encoded.

Checking the content rather than the file name stops disguised files (an SVG with script,
an HTML page renamed .jpg); re-encoding drops metadata such as GPS positions and anything
appended to the image data.

A member has one photo at a time: the one replaced or removed is deleted with its
renditions and files, and deleting the account deletes every photo still held. Files get
random names, so a photo's address cannot be worked out from a name or a pattern.
"""

import io
import secrets

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MIN_SIDE = 64
MAX_SIDE = 6000
OUTPUT_SIDE = 800
LEGACY_PREFIX = "original_images/profile-photo"


def describe_size(size):
    if size >= 1_048_576:
        return f"{size / 1_048_576:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _looks_like_svg(head):
    lowered = head.lstrip().lower()
    return lowered.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in lowered[:1024]


def clean_photo(upload):
    """Return a freshly encoded JPEG or PNG, or raise ValidationError saying what is wrong."""
    limit = settings.PROFILE_PHOTO_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"The photo is {describe_size(upload.size)}; the largest accepted is "
            f"{describe_size(limit)}. Try a smaller or more compressed image."
        )
    data = upload.read()
    if _looks_like_svg(data[:2048]):
        raise ValidationError("SVG images are not accepted. Upload a JPEG, PNG, WebP or GIF.")
    unreadable = ValidationError(
        "This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF."
    )
    try:
        image = PillowImage.open(io.BytesIO(data))
    except PillowImage.DecompressionBombError as error:
        raise ValidationError(
            f"The photo's dimensions are far too large; the largest accepted is {MAX_SIDE} "
            "pixels on a side."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise unreadable from error
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            f"{image.format} images are not accepted. Upload a JPEG, PNG, WebP or GIF."
        )
    # The header gives the size before any pixels are decoded, so a small file claiming
    # enormous dimensions is refused without being expanded in memory.
    width, height = image.size
    if max(width, height) > MAX_SIDE:
        raise ValidationError(
            f"The photo is {width} by {height} pixels; the largest accepted is {MAX_SIDE} "
            "pixels on a side."
        )
    if min(width, height) < MIN_SIDE:
        raise ValidationError(
            f"The photo is {width} by {height} pixels; it needs to be at least {MIN_SIDE} "
            "pixels on each side."
        )
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, PillowImage.DecompressionBombError) as error:
        raise unreadable from error
    image.thumbnail((OUTPUT_SIDE, OUTPUT_SIDE))
    has_alpha = image.mode in {"RGBA", "LA", "P"}
    mode = "RGBA" if has_alpha else "RGB"
    # Only the pixels are copied: comments, EXIF and other metadata stay behind.
    clean = PillowImage.new(mode, image.size)
    clean.paste(image.convert(mode))
    output = io.BytesIO()
    if has_alpha:
        clean.save(output, "PNG", optimize=True)
        extension, content_type = "png", "image/png"
    else:
        clean.save(output, "JPEG", quality=85, optimize=True)
        extension, content_type = "jpg", "image/jpeg"
    name = f"{secrets.token_urlsafe(16)}.{extension}"
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def photo_title(profile):
    return f"Photo of {profile.name}"


def store_photo(profile, upload):
    return get_image_model().objects.create(
        title=photo_title(profile), file=upload, uploaded_by_user=profile.user
    )


def _used_elsewhere(image, profile):
    """Whether anything but this profile shows the image (a facilitator may reuse one)."""
    from network.models import MemberProfile

    if MemberProfile.objects.filter(photo=image).exclude(pk=profile.pk).exists():
        return True
    profiles = ContentType.objects.get_for_model(MemberProfile)
    return ReferenceIndex.get_references_to(image).exclude(base_content_type=profiles).exists()


def _left_behind(profile):
    """Earlier photos of this member that nothing shows any more.

    Before replacing a photo deleted the old one, every upload stayed behind, titled after
    the member's name at the time and named profile-photo; later uploads also record who
    sent them.
    """
    belongs = Q(file__startswith=LEGACY_PREFIX)
    if profile.user_id:
        belongs |= Q(uploaded_by_user_id=profile.user_id)
    images = get_image_model().objects.filter(belongs, title=photo_title(profile))
    for image in images.exclude(pk=profile.photo_id):
        if not _used_elsewhere(image, profile):
            yield image


def discard_photos(profile, replaced=None):
    """After a photo is replaced or removed: delete it and any left behind before.

    Deleting the image lets Wagtail delete its renditions and every file.
    """
    images = list(_left_behind(profile))
    old = get_image_model().objects.filter(pk=replaced).first() if replaced else None
    if old and old.pk != profile.photo_id and not _used_elsewhere(old, profile):
        images.append(old)
    for image in {image.pk: image for image in images}.values():
        image.delete()


def delete_photos(profile):
    """Every photo the member has or left behind, for when the account is deleted."""
    for image in list(_left_behind(profile)):
        image.delete()
    if profile.photo:
        profile.photo.delete()
