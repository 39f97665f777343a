"""Every way to sign in goes through allauth: its limits, its lock-out, its verified address.

Wagtail's front-end sign-in at /_util/login/ (where a page or collection restricted to
signed-in people used to send its readers) authenticated through Django directly, so
it ignored all three. These tests walk every address the project serves, as a visitor and
as a facilitator, looking for any password form that is not allauth's, and post a valid
email and password to every one of them, expecting no session from any but allauth's.
"""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import BlogPageFactory, ResourcePageFactory, UserFactory, document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

PASSWORD = "a-good-long-password"
PRIVACY_PASSWORD = "privacy-password"
SIGN_IN_FIELDS = ("username", "login", "email")
# Wagtail's forms for a page's or a collection's privacy password: a shared password for a
# page, not an account, so they give no session (the walk below checks that too).
PRIVACY_PASSWORD_VIEWS = {
    "wagtail.views.authenticate_with_password",
    "wagtail.documents.views.serve.authenticate_with_password",
}


def signed_in(client):
    return "_auth_user_id" in client.session


def sign_in_at_wagtail(client, user, password=PASSWORD):
    return client.post("/_util/login/", {"username": user.email, "password": password})


def test_wagtail_front_end_sign_in_sends_people_to_the_network_sign_in(client, home):
    response = client.get("/_util/login/?next=/blog/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fblog%2F"
    elsewhere = client.get("/_util/login/?next=https://elsewhere.example/")
    assert elsewhere["Location"] == "/accounts/login/?next=%2F"


def test_many_wrong_passwords_then_the_right_one_give_no_session(client, member):
    for _ in range(25):
        sign_in_at_wagtail(client, member, "wrong")
    sign_in_at_wagtail(client, member)

    assert not signed_in(client)


def test_an_account_locked_by_allauth_stays_locked_at_every_address(client, member):
    for _ in range(25):
        client.post("/accounts/login/", {"login": member.email, "password": "wrong"})
    assert "too many times" in (
        client.post(
            "/accounts/login/", {"login": member.email, "password": PASSWORD}
        ).content.decode()
    )

    sign_in_at_wagtail(client, member)

    assert not signed_in(client)


def test_an_unverified_address_gets_no_session_from_wagtail_sign_in(client, home):
    unverified = UserFactory(verified=False)

    sign_in_at_wagtail(client, unverified)

    assert not signed_in(client)


def test_a_page_for_signed_in_readers_sends_visitors_to_allauth(client, blog_index):
    page = BlogPageFactory(parent=blog_index)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


# The walk over every address.


def _leaves(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _leaves(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


ROUTE_SAMPLES = {
    "int": "1",
    "id": "1",
    "path": "a/b",
    "uuid": "00000000-0000-0000-0000-000000000001",
}
REGEX_SAMPLES = ("1", "a", "a-b", "1-a", "a/")


def _matches(regex, sample):
    try:
        return re.fullmatch(regex, sample) is not None
    except re.error:
        return False


def _concrete(route):
    """A path this route matches, with simple sample values for its parts."""
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda match: ROUTE_SAMPLES.get(match.group(1), "a"), route)

    def group(match):
        body = match.group(0)
        inner = re.sub(r"^\((\?P<\w+>|\?:)?", "", body.rstrip("*+?"))[:-1]
        return next((s for s in REGEX_SAMPLES if _matches(inner, s)), "a")

    # Innermost groups first, until none is left.
    while re.search(r"\([^()]*\)[*+?]?", route):
        route = re.sub(r"\([^()]*\)[*+?]?", group, route, count=1)
    return "/" + route.replace("^", "").replace("$", "").replace("\\", "")


def every_address():
    paths = set()
    for route, _pattern in _leaves(get_resolver().url_patterns):
        path = _concrete(route)
        try:
            resolve(path)
        except Resolver404:
            continue
        paths.add(path)
    return sorted(paths)


def _view_of(path):
    match = resolve(path)
    view = getattr(match.func, "view_class", match.func)
    return f"{view.__module__}.{view.__qualname__}"


def password_forms(html):
    for form in re.findall(r"<form\b.*?</form>", html, flags=re.S | re.I):
        if re.search(r"type=[\"']?password", form, flags=re.I):
            action = re.search(r"action=[\"']([^\"']*)", form)
            yield (action.group(1) if action else ""), form


def password_forms_on(client, paths):
    """(path, view the form posts to, whether it may ask for a password) for every form."""
    seen = []
    for path in paths:
        response = client.get(path)
        if "html" not in response.get("Content-Type", "") or response.streaming:
            continue
        for action, form in password_forms(response.content.decode(errors="replace")):
            view = _view_of((action or path).split("?", 1)[0])
            names = set(re.findall(r"name=[\"']?(\w+)", form))
            allowed = view.startswith("allauth.") or (
                view in PRIVACY_PASSWORD_VIEWS and not names & set(SIGN_IN_FIELDS)
            )
            seen.append((path, view, allowed))
    return seen


def assert_only_allauth_and_privacy_forms(seen):
    assert [form for form in seen if not form[2]] == []
    # The walk did find forms, allauth's and the privacy ones, so it can see a stray one.
    views = {view for _path, view, _allowed in seen}
    assert views & PRIVACY_PASSWORD_VIEWS == PRIVACY_PASSWORD_VIEWS


@pytest.fixture
def privacy_forms(blog_index, resource_index):
    """A page and a document behind a privacy password, so their forms are on the walk."""
    page = BlogPageFactory(parent=blog_index)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PRIVACY_PASSWORD
    )
    collection = Collection.get_first_root_node().add_child(name="Held back")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PRIVACY_PASSWORD,
    )
    item = document(name="held-back.pdf")
    item.collection = collection
    item.save()
    ResourcePageFactory(parent=resource_index, document=item)
    return [page.url, item.url]


def test_the_walk_reaches_the_addresses_that_matter():
    paths = every_address()

    assert len(paths) > 300
    for expected in ("/_util/login/", "/admin/login/", "/accounts/login/", "/admin/account/"):
        assert expected in paths


def test_every_wagtail_and_django_sign_in_view_is_shadowed():
    """No address the project serves reaches a sign-in view outside allauth."""
    sign_in_views = {
        "django.contrib.auth.views.LoginView",
        "django.contrib.auth.views.PasswordResetView",
        "django.contrib.auth.views.PasswordChangeView",
        "wagtail.admin.views.account.LoginView",
        "wagtail.admin.views.account.PasswordResetView",
    }
    reached = {(path, _view_of(path)) for path in every_address()}

    assert [(path, view) for path, view in reached if view in sign_in_views] == []


def test_no_password_form_but_allauth_s_for_a_visitor(client, privacy_forms):
    visitor = Client(raise_request_exception=False)
    seen = password_forms_on(visitor, every_address() + privacy_forms)

    assert_only_allauth_and_privacy_forms(seen)
    assert ("/accounts/login/", "allauth.account.views.LoginView", True) in seen


def test_no_password_form_but_allauth_s_for_a_facilitator(facilitator, privacy_forms):
    signed = Client(raise_request_exception=False)
    signed.force_login(facilitator)
    paths = [path for path in every_address() if not re.search(r"/1(/|$)|/a(/|$)", path)]

    assert_only_allauth_and_privacy_forms(password_forms_on(signed, paths + privacy_forms))


def test_posting_a_valid_password_anywhere_but_allauth_gives_no_session(home, member):
    credentials = dict.fromkeys(SIGN_IN_FIELDS, member.email) | {"password": PASSWORD}
    opened = []
    for path in every_address():
        if _view_of(path).startswith("allauth."):
            continue
        client = Client(raise_request_exception=False)
        client.post(path, credentials)
        if signed_in(client):
            opened.append(path)

    assert opened == []
    # The same credentials do open a session through allauth, so the walk proves something.
    client = Client()
    client.post("/accounts/login/", {"login": member.email, "password": PASSWORD})
    assert signed_in(client)


@pytest.mark.parametrize("kind", ["page", "document"])
def test_privacy_password_attempts_are_limited_as_sign_in_is(client, privacy_forms, kind, settings):
    settings.PRIVACY_PASSWORD_ATTEMPTS = 3
    if kind == "page":
        restriction = PageViewRestriction.objects.get(restriction_type="password")
        action = f"/_util/authenticate_with_password/{restriction.pk}/{restriction.page_id}/"
    else:
        restriction = CollectionViewRestriction.objects.get(restriction_type="password")
        action = f"/documents/authenticate_with_password/{restriction.pk}/"
    wrong = {"password": "guess", "return_url": "/"}

    for _ in range(3):
        assert client.post(action, wrong).status_code == 200  # the form again, with its error
    refused = client.post(action, {"password": PRIVACY_PASSWORD, "return_url": "/"})

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Please wait a moment before trying again" in refused.content.decode()
    other = Client(REMOTE_ADDR="192.0.2.99")
    assert other.post(action, {"password": PRIVACY_PASSWORD, "return_url": "/"}).status_code == 302
