"""Account details from environment variables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from . import SyndicateError

MASTODON_URL = "TRIALBLOG_MASTODON_URL"
MASTODON_TOKEN = "TRIALBLOG_MASTODON_TOKEN"
BLUESKY_HANDLE = "TRIALBLOG_BLUESKY_HANDLE"
BLUESKY_PASSWORD = "TRIALBLOG_BLUESKY_APP_PASSWORD"
BLUESKY_SERVICE = "TRIALBLOG_BLUESKY_SERVICE"
DEFAULT_BLUESKY_SERVICE = "https://bsky.social"

NEEDS = {
    "mastodon": (MASTODON_URL, MASTODON_TOKEN),
    "bluesky": (BLUESKY_HANDLE, BLUESKY_PASSWORD),
}
NETWORKS = tuple(NEEDS)


@dataclass(frozen=True)
class MastodonAccount:
    url: str
    token: str = field(repr=False)


@dataclass(frozen=True)
class BlueskyAccount:
    handle: str
    app_password: str = field(repr=False)
    service: str = DEFAULT_BLUESKY_SERVICE


def configured(env: Mapping[str, str]) -> tuple[str, ...]:
    """The networks whose variables are all set."""
    return tuple(n for n, names in NEEDS.items() if all(env.get(v, "").strip() for v in names))


def _require(env: Mapping[str, str], network: str) -> None:
    missing = [v for v in NEEDS[network] if not env.get(v, "").strip()]
    if missing:
        raise SyndicateError(
            f"{network} is not set up: set {' and '.join(missing)} (see docs/syndication.md)"
        )


def mastodon_account(env: Mapping[str, str]) -> MastodonAccount:
    _require(env, "mastodon")
    return MastodonAccount(url=env[MASTODON_URL].strip().rstrip("/"), token=env[MASTODON_TOKEN].strip())


def bluesky_account(env: Mapping[str, str]) -> BlueskyAccount:
    _require(env, "bluesky")
    service = (env.get(BLUESKY_SERVICE) or DEFAULT_BLUESKY_SERVICE).strip().rstrip("/")
    return BlueskyAccount(
        handle=env[BLUESKY_HANDLE].strip().lstrip("@"),
        app_password=env[BLUESKY_PASSWORD].strip(),
        service=service,
    )
