"""Production configuration comes from the environment and passes Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG"}
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY="x" * 20 + "production-only-random-value-for-the-check" + "y" * 20,
        ALLOWED_HOSTS="network.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DJANGO_SETTINGS_MODULE="network.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_no_secret_key_is_committed():
    settings_dir = ROOT / "network" / "settings"
    for module in settings_dir.glob("*.py"):
        source = module.read_text()
        assert "django-insecure" not in source, module
        for line in source.splitlines():
            if line.startswith("SECRET_KEY"):
                assert "os.environ" in line, f"{module.name}: {line}"


def test_static_files_collect_and_fingerprint_under_production_settings(tmp_path):
    result = run_manage(
        "collectstatic",
        "--no-input",
        "-v0",
        DJANGO_SETTINGS_MODULE="network.settings.production",
        SECRET_KEY="z" * 60,
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert '"frontend/site.css": "frontend/site.' in manifest
    assert list(tmp_path.glob("frontend/site.*.css.gz")), "whitenoise compresses the stylesheet"


def test_sqlite_writers_queue_instead_of_failing():
    """One writer at a time: each waits its turn and takes the write lock when it begins."""
    import json

    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    script = (
        "import json; from network.settings import base; "
        "print(json.dumps(base.DATABASES['default']))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    database = json.loads(result.stdout.strip().splitlines()[-1])
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 10


def test_the_development_site_writes_emails_to_files_of_their_own(tmp_path):
    """Not into the server's request log: each send is a file under EMAIL_FILE_PATH."""
    script = (
        "from django.core.mail import send_mail;"
        "send_mail('Hello', 'A body line', 'from@example.org', ['to@example.org'])"
    )
    env = {key: value for key, value in os.environ.items() if key not in {"EMAIL_BACKEND"}}
    env |= {
        "DJANGO_SETTINGS_MODULE": "network.settings.dev",
        "EMAIL_FILE_PATH": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "A body line" not in result.stdout
    [written] = list(tmp_path.glob("*.log"))
    assert "A body line" in written.read_text()


def test_make_run_builds_the_front_end_before_it_migrates():
    """Django's checks, run by migrate, warn when the front end's build folder is missing."""
    makefile = (ROOT / "Makefile").read_text()
    assert "migrate: install assets" in makefile
    assert "-Dstyle.color=never" in (ROOT / "scripts" / "elasticsearch").read_text()
