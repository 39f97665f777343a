"""Rate limits count a sliding minute: no run of 60 seconds lets more than the limit through.

A fixed clock minute let nearly twice the limit through either side of its boundary. The
clock here is the limiter's own, set by the test; the counts live in the real cache.
"""

import random

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from network.platform import ratelimit

LIMIT = 60


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_700_000_000.0}
    monkeypatch.setattr(ratelimit.time, "time", lambda: now["t"])
    cache.clear()
    yield now
    cache.clear()


def ask(now, at, address="192.0.2.20"):
    now["t"] = at
    request = RequestFactory().get("/search/", REMOTE_ADDR=address)
    request.user = None
    return ratelimit.seconds_to_wait(request, "test", LIMIT)


def test_a_minute_boundary_does_not_double_the_limit(clock):
    start = 1_700_000_000.0 - 1_700_000_000.0 % 60 + 59.0  # one second before a minute turns
    before = [ask(clock, start + i * 0.01) for i in range(LIMIT)]
    after = [ask(clock, start + 1.5 + i * 0.01) for i in range(LIMIT)]

    assert before.count(None) == LIMIT
    assert after.count(None) == 0
    assert all(1 <= wait <= 61 for wait in after)


def test_the_wait_given_is_enough_and_not_much_more(clock):
    start = 1_700_000_000.0
    for i in range(LIMIT):
        assert ask(clock, start + i * 0.5) is None
    wait = ask(clock, start + 30)

    assert wait is not None
    assert ask(clock, start + 30 + wait) is None
    assert wait <= 32


def test_no_sliding_minute_lets_more_than_the_limit_through(clock):
    rng = random.Random(7)
    t = 1_700_000_000.0
    accepted = []
    for _ in range(1500):
        t += rng.expovariate(4.0)  # about four requests a second, in bursts and gaps
        if ask(clock, t) is None:
            accepted.append(t)

    assert len(accepted) > 2 * LIMIT  # the limit lets people through again as time passes
    for i, first in enumerate(accepted):
        within = sum(1 for later in accepted[i:] if later - first < 60)
        assert within <= LIMIT, first


def test_clients_are_counted_apart(clock):
    for i in range(LIMIT):
        assert ask(clock, 1_700_000_000.0 + i * 0.1, "192.0.2.21") is None

    assert ask(clock, 1_700_000_010.0, "192.0.2.21") is not None
    assert ask(clock, 1_700_000_010.0, "192.0.2.22") is None
