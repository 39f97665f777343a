"""Tests that need a real service run wherever `make test` runs; by hand they may skip.

CI runs `make test`, which starts every service, so under CI=true a missing one is a
failure: a skipped test there would prove nothing.
"""

import os

import pytest


def require(available, what):
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what}, and CI must have it")
    pytest.skip(f"{what}; `make test` provides it")
