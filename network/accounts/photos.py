"""Profile photos: accepted only when the bytes really are a raster image, then re-encoded.

Checking the content rather than the file name stops disguised files (an SVG with script,
an HTML page renamed .jpg); re-encoding drops metadata such as GPS positions and anything
appended to the image data.
"""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PillowImage
from PIL import ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MIN_SIDE = 64
MAX_SIDE = 6000
OUTPUT_SIDE = 800


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
        name, content_type = "profile-photo.png", "image/png"
    else:
        clean.save(output, "JPEG", quality=85, optimize=True)
        name, content_type = "profile-photo.jpg", "image/jpeg"
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)
