"""Image files reach only the people who may see what shows them.

The documented proxy serves every file under MEDIA_ROOT at /media/ to anyone with the URL.
`fetch` stands in for the whole deployment: a /media/ URL is answered from MEDIA_ROOT the
way the proxy answers it, anything else by the site. So a file that leaks through the
proxy fails these tests just as one the site hands out wrongly does.
"""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from network.models import MemberProfile
from tests.factories import BlogPageFactory, UserFactory, member_user

pytestmark = pytest.mark.django_db

Image = get_image_model()


def jpeg(colour=(200, 80, 40)):
    output = io.BytesIO()
    PillowImage.new("RGB", (1000, 600), colour).save(output, "JPEG")
    return output.getvalue()


def new_image(title, colour=(200, 80, 40)):
    return Image.objects.create(
        title=title, file=SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.jpg", jpeg(colour))
    )


def figure(image):
    return [{"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}}]


def fetch(client, url):
    """The bytes anyone asking for `url` gets, through the proxy or the site; None if refused."""
    if url.startswith(settings.MEDIA_URL):
        path = Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)
        return path.read_bytes() if path.is_file() else None
    response = client.get(url)
    if response.status_code != 200:
        return None
    return b"".join(response.streaming_content) if response.streaming else response.content


def image_urls(html):
    return re.findall(r'<img[^>]* src="([^"]+)"', html)


def files_under(root):
    root = Path(root)
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


@pytest.fixture
def posts(blog_index):
    members_image, public_image = new_image("Ward visit"), new_image("Open day", (20, 90, 200))
    members_post = BlogPageFactory(
        parent=blog_index, audience="members", body=figure(members_image)
    )
    public_post = BlogPageFactory(parent=blog_index, body=figure(public_image))
    return members_post, public_post


def test_members_only_post_images_reach_members_and_not_visitors(client, member, posts):
    members_post, public_post = posts
    client.force_login(member)
    members_html = client.get(members_post.url).content.decode()
    [members_picture] = [url for url in image_urls(members_html) if "ward-visit" in url]
    original = Image.objects.get(title="Ward visit")
    rendition = original.renditions.get()
    assert fetch(client, members_picture) == rendition.file.read()
    assert fetch(client, original.file.url) == original.file.open("rb").read()

    client.logout()
    assert client.get(members_post.url).status_code == 403
    assert fetch(client, members_picture) is None
    assert fetch(client, original.file.url) is None
    # Nor under any name in the folder the proxy serves.
    assert files_under(settings.MEDIA_ROOT) == set()

    public_html = client.get(public_post.url).content.decode()
    [public_picture] = [url for url in image_urls(public_html) if "open-day" in url]
    public_rendition = Image.objects.get(title="Open day").renditions.get()
    assert fetch(client, public_picture) == public_rendition.file.read()


@pytest.mark.usefixtures("posts")
def test_a_visitor_and_a_non_member_are_refused_alike(client):
    original = Image.objects.get(title="Ward visit")
    rendition = original.get_rendition("width-800")
    client.force_login(UserFactory())  # signed in, but not a member
    assert fetch(client, rendition.url) is None
    response = client.get(rendition.url)
    assert response.status_code == 404
    client.logout()
    assert client.get(rendition.url).status_code == 404


def test_an_image_in_a_post_made_public_is_then_public(client, posts):
    members_post, _public_post = posts
    rendition = Image.objects.get(title="Ward visit").get_rendition("width-800")
    assert fetch(client, rendition.url) is None
    members_post.audience = "public"
    members_post.save_revision().publish()
    assert fetch(client, rendition.url) == rendition.file.read()


def test_draft_and_unused_images_are_only_for_those_who_manage_images(
    client, blog_index, member, facilitator
):
    in_draft = new_image("Draft picture")
    BlogPageFactory(parent=blog_index, body=figure(in_draft), live=False)
    unused = new_image("Unused picture")
    for image in (in_draft, unused):
        url = image.get_rendition("fill-100x100").url
        client.force_login(member)
        assert fetch(client, url) is None
        client.force_login(facilitator)  # editors see drafts, previews and the library
        assert fetch(client, url) == image.renditions.get().file.read()


def test_profile_photos_follow_the_profiles_visibility(client, member, facilitator):
    photo = new_image("Photo of Hana Hidden")
    MemberProfile.objects.create(user=member, name="Hana Hidden", visibility="hidden", photo=photo)
    public_photo = new_image("Photo of Pat Public", (10, 10, 10))
    MemberProfile.objects.create(
        user=member_user(), name="Pat Public", visibility="public", photo=public_photo
    )
    hidden_url = photo.get_rendition("fill-96x96").url
    public_url = public_photo.get_rendition("fill-96x96").url

    assert fetch(client, hidden_url) is None
    assert fetch(client, public_url) == public_photo.renditions.get().file.read()
    client.force_login(member_user())
    assert fetch(client, hidden_url) is None
    client.force_login(member)
    assert fetch(client, hidden_url) == photo.renditions.get().file.read()
    client.force_login(facilitator)
    assert fetch(client, hidden_url) == photo.renditions.get().file.read()


def test_a_published_post_shows_its_images_before_the_task_worker_runs(
    client, settings, blog_index, posts
):
    image = Image.objects.get(title="Ward visit")
    rendition = image.get_rendition("width-800")
    assert fetch(client, rendition.url) is None  # only in the members-only post so far
    # From here queued tasks wait, as they do in production until db_worker takes them.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    BlogPageFactory(parent=blog_index, body=figure(image))
    assert fetch(client, rendition.url) == rendition.file.read()


def test_in_production_the_proxy_sends_the_file_after_the_site_allows_it(
    client, settings, member, posts
):
    settings.PRIVATE_MEDIA_REDIRECT_PREFIX = "/_private-media/"
    rendition = Image.objects.get(title="Ward visit").get_rendition("width-800")
    client.force_login(member)
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/_private-media/{rendition.file.name}"
    assert response["Content-Type"] == "image/jpeg"
    assert response.content == b""  # the proxy supplies the bytes
    assert "private" in response["Cache-Control"]
    client.logout()
    refused = client.get(rendition.url)
    assert refused.status_code == 404
    assert not refused.has_header("X-Accel-Redirect")


def test_only_known_files_in_private_folders_are_served(client, facilitator):
    image = new_image("Library picture")
    client.force_login(facilitator)
    assert client.get(image.file.url).status_code == 200
    for path in (
        "/private-media/original_images/../original_images/library-picture.jpg",
        "/private-media/original_images/not-there.jpg",
        "/private-media/documents/library-picture.jpg",
    ):
        assert client.get(path).status_code == 404


def test_files_saved_before_are_moved_out_of_the_folder_the_proxy_serves():
    public = Path(settings.MEDIA_ROOT)
    for name, content in (
        ("original_images/profile-photo.jpg", b"original"),
        ("images/profile-photo.fill-96x96.jpg", b"rendition"),
        ("documents/minutes.pdf", b"document"),
        ("exports/leaflet.txt", b"not a private folder"),
    ):
        (public / name).parent.mkdir(parents=True, exist_ok=True)
        (public / name).write_bytes(content)

    call_command("migrate", verbosity=0)

    assert files_under(public) == {"exports/leaflet.txt"}
    assert files_under(settings.PRIVATE_MEDIA_ROOT) == {
        "original_images/profile-photo.jpg",
        "images/profile-photo.fill-96x96.jpg",
        "documents/minutes.pdf",
    }
    with default_storage.open("original_images/profile-photo.jpg") as moved:
        assert moved.read() == b"original"


def test_a_private_root_inside_the_public_one_fails_the_checks(settings):
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    with pytest.raises(SystemCheckError, match=r"network\.E001"):
        call_command("check")
