"""The files behind a member's photo: one kept at a time, none left after the account goes,
and names nobody can work out.

Wagtail deletes an image's files once the deleting transaction commits, so every change
here runs inside django_capture_on_commit_callbacks, as it would commit in production.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model

from network.models import MemberProfile
from tests.accounts.test_profile_photo import image_bytes, profile_form, upload
from tests.factories import member_user

pytestmark = pytest.mark.django_db

Image = get_image_model()
Rendition = Image.get_rendition_model()


@pytest.fixture
def profile(member):
    return MemberProfile.objects.create(user=member, name="Mo Member", visibility="public")


@pytest.fixture
def signed_in(client, member, profile):
    client.force_login(member)
    return client


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Each request's transaction commits, running what Wagtail waits for a commit to do."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def stored_files():
    """Every uploaded or generated file, wherever the storage keeps it."""
    files = set()
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PRIVATE_MEDIA_ROOT)):
        if root.exists():
            files |= {
                path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()
            }
    return files


def upload_photo(client, commit):
    response = commit(
        client.post, reverse("profile-edit"), profile_form(photo_upload=upload(image_bytes()))
    )
    assert response.status_code == 302
    return response


def show_photo(client, profile):
    """Render the pages that show the photo, so that Wagtail makes its renditions."""
    profile.refresh_from_db()
    assert client.get(reverse("profile-edit")).status_code == 200
    assert client.get(reverse("member-detail", args=[profile.slug])).status_code == 200


def test_five_uploads_leave_one_image_and_one_file(signed_in, profile, commit):
    for _ in range(5):
        upload_photo(signed_in, commit)
    profile.refresh_from_db()
    assert list(Image.objects.all()) == [profile.photo]
    assert stored_files() == {profile.photo.file.name}


def test_replacing_a_photo_deletes_the_old_ones_renditions_too(signed_in, profile, commit):
    upload_photo(signed_in, commit)
    show_photo(signed_in, profile)
    old_files = stored_files()
    assert len(old_files) >= 3  # the original and the two sizes the pages show
    upload_photo(signed_in, commit)
    show_photo(signed_in, profile)
    assert not old_files & stored_files()
    assert set(Rendition.objects.values_list("image", flat=True)) == {profile.photo.pk}


def test_removing_the_photo_deletes_the_image_and_every_file(signed_in, profile, commit):
    upload_photo(signed_in, commit)
    show_photo(signed_in, profile)
    assert stored_files()
    commit(signed_in.post, reverse("profile-edit"), profile_form(remove_photo="on"))
    profile.refresh_from_db()
    assert profile.photo is None
    assert not Image.objects.exists()
    assert not Rendition.objects.exists()
    assert stored_files() == set()


def test_a_replaced_photo_goes_unless_something_else_shows_it(
    signed_in, profile, commit, blog_index
):
    from tests.factories import BlogPageFactory

    upload_photo(signed_in, commit)
    profile.refresh_from_db()
    reused = profile.photo
    BlogPageFactory(parent=blog_index, share_image=reused)  # a facilitator used it in a post
    upload_photo(signed_in, commit)
    profile.refresh_from_db()
    replaced = profile.photo
    upload_photo(signed_in, commit)
    profile.refresh_from_db()
    assert set(Image.objects.all()) == {reused, profile.photo}
    assert stored_files() == {reused.file.name, profile.photo.file.name}
    assert replaced.file.name not in stored_files()


def test_photo_names_cannot_be_guessed(client, signed_in, profile, commit):
    upload_photo(signed_in, commit)
    other = member_user()
    MemberProfile.objects.create(user=other, name="Sam Second", visibility="public")
    client.force_login(other)
    upload_photo(client, commit)
    names = [image.file.name for image in Image.objects.order_by("pk")]
    assert len(set(names)) == 2
    for name in names:
        assert name != "original_images/profile-photo.jpg"
        for guessable in ("profile-photo", "morgan-typed", "morgan_typed", "mo-member"):
            assert guessable not in name.lower()
        assert len(Path(name).stem) >= 20  # about 128 random bits


def test_account_deletion_leaves_no_file_of_the_member(signed_in, profile, member, commit):
    upload_photo(signed_in, commit)
    show_photo(signed_in, profile)
    # Photos replaced before replacing deleted them are still stored under the old name
    # and the title the form gave them, shown by nothing.
    for _ in range(2):
        left = Image.objects.create(
            title="Photo of Morgan Typed",
            file=SimpleUploadedFile("profile-photo.jpg", image_bytes((300, 300))),
        )
        left.get_rendition("fill-96x96")
    other = member_user()
    other_profile = MemberProfile.objects.create(user=other, name="Sam Second")
    other_profile.photo = Image.objects.create(
        title="Photo of Sam Second",
        file=SimpleUploadedFile("profile-photo.jpg", image_bytes((300, 300))),
    )
    other_profile.save()
    others_files = {other_profile.photo.file.name}
    assert len(stored_files()) > len(others_files) + 3

    response = commit(signed_in.post, reverse("account-delete"), {"confirm": "delete"})

    assert response.status_code == 302
    assert list(Image.objects.all()) == [other_profile.photo]
    assert stored_files() == others_files
