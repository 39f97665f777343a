"""The site keeps serving when PostgreSQL restarts underneath it, with no one intervening."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import BlogPageFactory
from tests.services import require

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_requests_succeed_after_postgresql_restarts(blog_index):
    require(connection.vendor == "postgresql", "this restarts the PostgreSQL cluster")
    BlogPageFactory(parent=blog_index, title="Still here after a restart")
    settings_dict = connection.settings_dict
    port = free_port()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="network.settings.test",
        DATABASE_URL=(
            f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}"
            f"/{settings_dict['NAME']}"
        ),
        DATABASE_CONN_MAX_AGE="600",  # persistent connections, as in production
    )
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "network.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=1",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(f"{base}/robots.txt")
                break
            except OSError:
                time.sleep(0.2)
        status, html = get(f"{base}/blog/")
        assert status == 200
        assert "Still here after a restart" in html

        subprocess.run(
            ["bash", "scripts/postgres", "restart"],  # noqa: S607
            cwd=ROOT,
            env=dict(os.environ, PGPORT=str(settings_dict["PORT"])),
            check=True,
            capture_output=True,
            timeout=120,
        )
        connection.close()  # this process's own connection died with the restart too

        answers = [get(f"{base}/blog/") for _ in range(3)]
        assert [status for status, _ in answers] == [200, 200, 200]
        assert all("Still here after a restart" in html for _, html in answers)
    finally:
        server.terminate()
        server.wait(timeout=30)
