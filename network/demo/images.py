"""Abstract pictures drawn with Pillow, so the demo needs no network and no licensed photos.

Every picture is seeded from its key, so two machines (or two runs) draw the same pixels
and the demo looks the same in screenshots, reviews and tests.
"""

import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFilter

WIDE = (1200, 630)
SQUARE = (600, 600)


def _hex(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[index : index + 2], 16) for index in (0, 2, 4))


def _background(size, palette):
    """A soft four-corner blend; scaling a 2x2 image up is far quicker than per-pixel maths."""
    corners = Image.new("RGB", (2, 2))
    corners.putdata([_hex(palette[index % len(palette)]) for index in (0, 1, 2, 3)])
    return corners.resize(size, Image.Resampling.BICUBIC)


def _layer(size):
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    return layer, ImageDraw.Draw(layer)


def _add_shapes(picture, palette, rng):
    """Draw each shape on its own layer so overlapping shapes blend rather than cut out."""
    width, height = picture.size
    for _ in range(rng.randint(5, 9)):
        layer, draw = _layer(picture.size)
        colour = _hex(rng.choice(palette))
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        box = (x - radius, y - radius, x + radius, y + radius)
        if rng.random() < 0.35:
            draw.ellipse(box, outline=(*colour, 150), width=rng.randint(6, 18))
        else:
            draw.ellipse(box, fill=(*colour, rng.randint(70, 150)))
        picture.alpha_composite(layer)
    # A gentle band across the picture, like a hill line or a river.
    layer, draw = _layer(picture.size)
    colour = _hex(rng.choice(palette))
    base = rng.randint(height // 2, height - height // 6)
    points = [(0, height)]
    for step in range(13):
        points.append((width * step // 12, base + rng.randint(-height // 14, height // 14)))
    points.append((width, height))
    draw.polygon(points, fill=(*colour, 110))
    picture.alpha_composite(layer.filter(ImageFilter.SMOOTH_MORE))


def draw_picture(key, palette, size=WIDE):
    """Return JPEG bytes for one picture; the same key and palette always give the same bytes."""
    rng = random.Random(zlib.crc32(key.encode("utf-8")))
    picture = _background(size, palette).convert("RGBA")
    _add_shapes(picture, palette, rng)
    buffer = io.BytesIO()
    picture.convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
