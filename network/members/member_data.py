"""What each content app holds about a member, for the download and for erasing them.

network/members/your_data.py builds the download and deletes the account, but it must
not import the content apps (they depend on network, never the reverse). Each app that
keeps something a member wrote registers a source here in its ready(): a key in the
download, a function listing the member's records, and one that deals with them when
the account is deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    key: str  # the download's key for these records, e.g. "posts"
    export: Callable  # user -> list of JSON-ready records
    # (user, withdraw_published, former_profile) -> None, run while the member's profile
    # still exists; former_profile() gives the "former member" profile to credit instead.
    erase: Callable | None = None


_sources = {}


def register(source):
    """Registered by key, so an app's ready() running twice does not export twice."""
    _sources[source.key] = source


def sources():
    return list(_sources.values())
