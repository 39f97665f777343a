"""A form too large for the site to read gets a page that says so, not a bare error."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

URLENCODED = "application/x-www-form-urlencoded"


def text_of(response):
    return response.content.decode()


def too_large_text():
    return "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)


def assert_site_page(html):
    assert 'class="nhsuk-header' in html
    assert "Community Mental Health Network" in html
    assert "Go back in your browser: what you typed is usually still there" in html


def test_a_reflection_too_large_to_read_gets_a_413_that_says_what_to_do(member_client):
    response = member_client.post(
        reverse("share"),
        urlencode({"title": "A long one", "body": too_large_text()}),
        content_type=URLENCODED,
    )
    assert response.status_code == 413
    html = text_of(response)
    assert "The form was too large to send" in html
    assert "The site accepts up to 10.0\xa0MB of writing in one form" in html
    assert "shorten the text" in html
    assert_site_page(html)


def test_a_large_multipart_form_gets_the_same_page(member_client):
    response = member_client.post(reverse("share"), {"title": "Long", "body": too_large_text()})
    assert response.status_code == 413
    assert "The form was too large to send" in text_of(response)


def test_a_form_too_large_is_explained_to_someone_signed_out_too(client):
    response = client.post(
        reverse("account_login"),
        urlencode({"login": "jo@example.org", "password": too_large_text()}),
        content_type=URLENCODED,
    )
    assert response.status_code == 413
    assert "The form was too large to send" in text_of(response)


def test_a_form_with_too_many_fields_gets_a_page_that_says_so(member_client):
    fields = {f"field{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = member_client.post(reverse("share"), urlencode(fields), content_type=URLENCODED)
    assert response.status_code == 400
    html = text_of(response)
    assert "The form had too many parts" in html
    assert f"The site accepts up to {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} fields" in html
    assert "Remove some of them, save, then add the rest" in html
    assert "Bad Request (400)" not in html
    assert_site_page(html)


def test_a_multipart_form_with_too_many_fields_gets_the_same_page(member_client):
    fields = {f"field{number}": "x" for number in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = member_client.post(reverse("share"), fields)
    assert response.status_code == 400
    assert "The form had too many parts" in text_of(response)


def test_a_request_for_a_host_the_site_does_not_serve_gets_the_plain_page():
    """The page must not ask the request anything that would fail a second time."""
    response = Client(HTTP_HOST="not-this-site.example").get("/")
    assert response.status_code == 400
    html = text_of(response)
    assert "The site could not read that request" in html
    assert_site_page(html)


@pytest.fixture
def gunicorn():
    """The site under gunicorn, as production runs it, on a free port on this machine."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "network.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--log-level",
            "warning",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.test"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("gunicorn did not start")
                time.sleep(0.2)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_under_gunicorn_the_browser_gets_the_page_not_a_dropped_connection(gunicorn):
    """Sent the way a browser sends a form: all of it, then the answer is read."""
    start = b"login=jo%40example.org&password="
    rest = settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1024
    head = (
        "POST /accounts/login/ HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{gunicorn}\r\n"
        f"Content-Type: {URLENCODED}\r\n"
        f"Content-Length: {len(start) + rest}\r\n"
        f"Cookie: csrftoken={'a' * 32}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", gunicorn), timeout=30) as connection:
        connection.sendall(head + start)
        chunk = b"x" * 65536
        for offset in range(0, rest, len(chunk)):
            connection.sendall(chunk[: min(len(chunk), rest - offset)])
        reply = b""
        while data := connection.recv(65536):
            reply += data
    status_line, _, _ = reply.partition(b"\r\n")
    assert status_line.startswith(b"HTTP/1.1 413")
    assert b"The form was too large to send" in reply
