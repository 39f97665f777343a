"""The site's gunicorn settings load, and a worker freezes what it loaded."""

import gc
import os
import subprocess
import sys
from pathlib import Path

from network import gunicorn

ROOT = Path(__file__).resolve().parents[2]


def test_a_ready_worker_leaves_what_it_loaded_to_the_permanent_generation():
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        gunicorn.post_worker_init(worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_gunicorn_accepts_the_settings_module():
    gunicorn_bin = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(  # noqa: S603 - the virtualenv's own gunicorn
        [
            str(gunicorn_bin),
            "-c",
            "python:network.gunicorn",
            "--check-config",
            "network.wsgi:application",
        ],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "network.settings.test"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
