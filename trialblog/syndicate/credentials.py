"""Account details from environment variables, and the redaction that keeps secrets out of output."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


class Redactor:
    """Replaces every known secret in a text with ``***``; new secrets (session tokens) can be added."""

    def __init__(self, secrets: Iterable[str] = ()):
        self.secrets: set[str] = set()
        self.add(*secrets)

    def add(self, *secrets: str | None) -> None:
        self.secrets.update(s for s in secrets if s and len(s) >= 4)

    def __call__(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Redactor:
        return cls(env.get(name, "").strip() for name in (MASTODON_TOKEN, BLUESKY_PASSWORD))
