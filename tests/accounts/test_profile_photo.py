"""A member's own profile: editing it, who sees it, and the photo they upload."""

import io
import random

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin
from wagtail.images import get_image_model

from network.models import MemberProfile, Region, Sector, Theme
from tests.factories import member_user

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
EXIF_MAKE = 0x010F
EXIF_ORIENTATION = 0x0112
SVG = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200" onload="alert(1)">'
    b'<script>alert(document.cookie)</script><rect width="200" height="200"/></svg>'
)


@pytest.fixture
def profile(member):
    return MemberProfile.objects.create(
        user=member,
        name="Mo Member",
        role="Old role",
        organisation="Old organisation",
        bio="Old bio.",
        visibility="public",
    )


@pytest.fixture
def signed_in(client, member, profile):
    client.force_login(member)
    return client


def profile_form(**overrides):
    data = {
        "name": "Morgan Typed",
        "role": "Community connector",
        "organisation": "Typed Organisation Ltd",
        "sector": Sector.objects.get(slug="vcse").pk,
        "region": Region.objects.get(slug="north-west").pk,
        "interests": [theme.pk for theme in Theme.objects.all()[:2]],
        "bio": "A bio the member typed and would hate to type again.",
        "visibility": "members",
    }
    data.update(overrides)
    return data


def image_bytes(size=(1200, 900), mode="RGB", fmt="JPEG", noise=False, **save_options):
    if noise:
        image = Image.frombytes(mode, size, _noise(size, len(mode)))
    else:
        image = Image.new(mode, size, (40, 120, 200, 255)[: len(mode)])
    output = io.BytesIO()
    image.save(output, fmt, **save_options)
    return output.getvalue()


def _noise(size, channels):
    generator = random.Random(7)
    return bytes(generator.getrandbits(8) for _ in range(size[0] * size[1] * channels))


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg_with_metadata(size=(1200, 900), orientation=None):
    exif = Image.Exif()
    exif[EXIF_MAKE] = "SecretCam"
    exif[0x013B] = "Artist Hidden Name"  # Artist
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)})
    if orientation:
        exif[EXIF_ORIENTATION] = orientation
    return image_bytes(size, exif=exif.tobytes(), comment=b"taken at 12 Acacia Avenue")


def stored_photo(profile):
    profile.refresh_from_db()
    assert profile.photo is not None
    with profile.photo.file.open("rb") as handle:
        data = handle.read()
    return data, Image.open(io.BytesIO(data))


def assert_refused(response, profile, message):
    """The form comes back with the message and everything typed; nothing was stored."""
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert 'value="Morgan Typed"' in html
    assert 'value="Community connector"' in html
    assert 'value="Typed Organisation Ltd"' in html
    assert "A bio the member typed and would hate to type again." in html
    assert 'value="members" checked' in html
    profile.refresh_from_db()
    assert (profile.name, profile.role, profile.bio, profile.visibility) == (
        "Mo Member",
        "Old role",
        "Old bio.",
        "public",
    )
    assert profile.photo is None
    assert not get_image_model().objects.exists()


# Editing the profile and who sees it


def test_member_edits_profile_and_visibility(signed_in, profile):
    response = signed_in.post(reverse("profile-edit"), profile_form())
    assert response.status_code == 302
    assert response["Location"] == reverse("profile-edit")
    profile.refresh_from_db()
    assert profile.name == "Morgan Typed"
    assert profile.organisation == "Typed Organisation Ltd"
    assert profile.sector.slug == "vcse"
    assert profile.region.slug == "north-west"
    assert profile.interests.count() == 2
    assert profile.visibility == "members"
    assert profile.user.email.startswith("user")
    html = signed_in.get(reverse("profile-edit")).content.decode()
    assert "Your profile has been saved." in html
    assert 'value="Morgan Typed"' in html


def test_members_only_profile_is_listed_to_members_not_to_anonymous_visitors(
    client, signed_in, profile
):
    signed_in.post(reverse("profile-edit"), profile_form(visibility="members"))
    profile.refresh_from_db()
    detail = reverse("member-detail", args=[profile.slug])

    client.logout()
    assert "Morgan Typed" not in client.get(reverse("member-directory")).content.decode()
    assert client.get(detail).status_code == 404
    assert detail not in client.get("/sitemap.xml").content.decode()

    client.force_login(member_user())
    assert "Morgan Typed" in client.get(reverse("member-directory")).content.decode()
    assert client.get(detail).status_code == 200

    client.force_login(profile.user)
    client.post(reverse("profile-edit"), profile_form(visibility="public"))
    client.logout()
    assert "Morgan Typed" in client.get(reverse("member-directory")).content.decode()
    assert client.get(detail).status_code == 200


def test_hidden_profile_is_seen_only_by_its_owner_and_facilitators(
    client, signed_in, profile, facilitator
):
    signed_in.post(reverse("profile-edit"), profile_form(visibility="hidden"))
    profile.refresh_from_db()
    detail = reverse("member-detail", args=[profile.slug])
    assert "Morgan Typed" in client.get(reverse("member-directory")).content.decode()
    client.force_login(member_user())
    assert "Morgan Typed" not in client.get(reverse("member-directory")).content.decode()
    assert client.get(detail).status_code == 404
    client.force_login(facilitator)
    assert client.get(detail).status_code == 200


def test_invited_member_without_a_profile_creates_one(client):
    newcomer = member_user(email="newcomer@example.org")
    client.force_login(newcomer)
    assert client.get(reverse("profile-edit")).status_code == 200
    response = client.post(reverse("profile-edit"), profile_form(name="New Comer"))
    assert response.status_code == 302
    assert MemberProfile.objects.get(user=newcomer).name == "New Comer"


def test_profile_needs_a_name_and_keeps_the_rest(signed_in, profile):
    response = signed_in.post(reverse("profile-edit"), profile_form(name=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter your name" in html
    assert "A bio the member typed and would hate to type again." in html
    profile.refresh_from_db()
    assert profile.name == "Mo Member"


# Photos that are accepted


def test_jpeg_is_accepted_resized_and_stripped_of_metadata(signed_in, profile):
    original = jpeg_with_metadata()
    assert b"SecretCam" in original  # the metadata really is in what is uploaded
    response = signed_in.post(reverse("profile-edit"), profile_form(photo_upload=upload(original)))
    assert response.status_code == 302
    data, image = stored_photo(profile)
    image.load()  # the stored file decodes
    assert image.format == "JPEG"
    assert max(image.size) <= 800
    assert image.size == (800, 600)
    assert not image.getexif()
    assert "exif" not in image.info
    for secret in (b"SecretCam", b"Artist Hidden Name"):
        assert secret not in data
    assert profile.photo.width == 800
    assert profile.photo.height == 600


def test_jpeg_comment_is_stripped_too(signed_in, profile):
    """A JPEG comment (COM segment) is metadata as much as EXIF is: it must not survive."""
    original = jpeg_with_metadata()
    assert b"Acacia Avenue" in original
    signed_in.post(reverse("profile-edit"), profile_form(photo_upload=upload(original)))
    data, image = stored_photo(profile)
    assert "comment" not in image.info
    assert b"Acacia Avenue" not in data


def test_png_with_transparency_is_accepted_and_stripped_of_text_chunks(signed_in, profile):
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Hidden Person")
    text.add_text("Location", "Ward 7")
    original = image_bytes((1000, 1000), mode="RGBA", fmt="PNG", pnginfo=text)
    original += b"<script>alert('appended after IEND')</script>"
    response = signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(original, "photo.png", "image/png")),
    )
    assert response.status_code == 302
    data, image = stored_photo(profile)
    image.load()
    assert image.format == "PNG"
    assert image.size == (800, 800)
    assert image.mode == "RGBA"
    assert "Author" not in image.info
    for secret in (b"Hidden Person", b"Ward 7", b"<script>"):
        assert secret not in data


def test_small_images_are_kept_at_their_size(signed_in, profile):
    original = image_bytes((300, 200), fmt="PNG")
    signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(original, "small.png", "image/png")),
    )
    _data, image = stored_photo(profile)
    assert image.size == (300, 200)


def test_rotated_phone_photo_keeps_its_orientation(signed_in, profile):
    """A phone photo stored sideways with an EXIF 'rotate' flag must not end up sideways
    once the EXIF is stripped: the rotation has to be applied before re-encoding."""
    original = jpeg_with_metadata(size=(1200, 900), orientation=6)  # shown as 900 x 1200
    signed_in.post(reverse("profile-edit"), profile_form(photo_upload=upload(original)))
    _data, image = stored_photo(profile)
    assert image.size == (600, 800)


def test_removing_the_photo(signed_in, profile):
    signed_in.post(reverse("profile-edit"), profile_form(photo_upload=upload(image_bytes())))
    profile.refresh_from_db()
    assert profile.photo is not None
    signed_in.post(reverse("profile-edit"), profile_form(remove_photo="on"))
    profile.refresh_from_db()
    assert profile.photo is None


# Photos that are refused


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("photo.svg", "image/svg+xml"), ("photo.png", "image/png"), ("photo.jpg", "image/jpeg")],
)
def test_svg_is_refused_whatever_it_is_called(signed_in, profile, name, content_type):
    response = signed_in.post(
        reverse("profile-edit"), profile_form(photo_upload=upload(SVG, name, content_type))
    )
    assert_refused(response, profile, "SVG images are not accepted")


def test_svg_behind_leading_whitespace_and_a_comment_is_refused(signed_in, profile):
    disguised = b"\n\n   <!-- holiday snap -->\n" + SVG.split(b"\n", 1)[1]
    response = signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(disguised, "photo.png", "image/png")),
    )
    assert_refused(response, profile, "SVG images are not accepted")


@pytest.mark.parametrize(
    "content",
    [
        b"This is a plain text file pretending to be a photograph.\n" * 20,
        b"<html><body><script>alert(1)</script></body></html>",
        image_bytes((400, 400))[:600],  # a JPEG cut short
    ],
    ids=["text", "html", "truncated-jpeg"],
)
def test_file_that_is_not_an_image_is_refused(signed_in, profile, content):
    response = signed_in.post(
        reverse("profile-edit"), profile_form(photo_upload=upload(content, "photo.jpg"))
    )
    assert_refused(response, profile, "This file is not an image we can read.")


def test_image_in_a_format_we_do_not_take_is_refused(signed_in, profile):
    tiff = image_bytes((300, 300), fmt="TIFF")
    response = signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(tiff, "photo.jpg", "image/jpeg")),
    )
    assert_refused(response, profile, "TIFF images are not accepted")


def test_photo_over_the_size_limit_is_refused(signed_in, profile, settings):
    settings.PROFILE_PHOTO_MAX_BYTES = 20_000
    big = image_bytes((300, 300), fmt="PNG", noise=True)
    assert len(big) > settings.PROFILE_PHOTO_MAX_BYTES
    response = signed_in.post(
        reverse("profile-edit"), profile_form(photo_upload=upload(big, "photo.png", "image/png"))
    )
    assert_refused(response, profile, "the largest accepted is")
    assert "Try a smaller or more compressed image." in response.content.decode()


def test_photo_under_the_size_limit_is_accepted(signed_in, profile, settings):
    photo = image_bytes((300, 300), fmt="PNG")
    settings.PROFILE_PHOTO_MAX_BYTES = len(photo)
    response = signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(photo, "photo.png", "image/png")),
    )
    assert response.status_code == 302


def test_tiny_image_is_refused(signed_in, profile):
    response = signed_in.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(image_bytes((10, 10), fmt="PNG"), "t.png", "image/png")),
    )
    assert_refused(response, profile, "The photo is 10 by 10 pixels")
    assert "at least 64 pixels on each side" in response.content.decode()


def test_enormous_dimensions_are_refused_without_decoding(client, signed_in, profile):
    """A few kilobytes of PNG can claim 20,000 x 20,000 pixels (a decompression bomb).
    It must be refused with the size message, not crash the page."""
    bomb = image_bytes((20000, 20000), mode="1", fmt="PNG")
    assert len(bomb) < 100_000
    client.raise_request_exception = False
    response = client.post(
        reverse("profile-edit"),
        profile_form(photo_upload=upload(bomb, "photo.png", "image/png")),
    )
    assert_refused(response, profile, "the largest accepted is 6000 pixels")
