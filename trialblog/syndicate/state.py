"""The syndication state: one record per post per network, saved after every change.

A record is ``pending`` from just before the request until the network's answer is saved,
``posted`` with the remote id and address after, or ``baseline`` for a post that was already
published before syndication started and is never announced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import SyndicateError
from .files import STATE, read_json, write_json

VERSION = 1
PENDING, POSTED, BASELINE = "pending", "posted", "baseline"
STATUSES = (PENDING, POSTED, BASELINE)


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


@dataclass
class Record:
    """What is known about one post on one network."""

    status: str
    title: str
    url: str
    key: str = ""  # Mastodon Idempotency-Key or Bluesky record key
    remote_id: str = ""
    remote_url: str = ""
    updated: str = field(default_factory=now)

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        known = {k: str(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        record = cls(**known)
        if record.status not in STATUSES:
            raise ValueError(f"unknown status {record.status!r}")
        return record


class State:
    """The state file of one site, loaded once per run and saved atomically after every change."""

    def __init__(self, path: Path, networks: dict[str, dict[str, Record]] | None = None):
        self.path = path
        self.networks: dict[str, dict[str, Record]] = networks or {}

    @classmethod
    def load(cls, site_dir: Path) -> State:
        path = site_dir / STATE
        if not path.exists():
            return cls(path)
        data = read_json(path, "syndication state")
        if data.get("version") != VERSION:
            raise SyndicateError(f"{path}: unknown state version {data.get('version')!r}; upgrade trialblog")
        networks: dict[str, dict[str, Record]] = {}
        try:
            for network, records in (data.get("networks") or {}).items():
                networks[network] = {pid: Record.from_dict(r) for pid, r in records.items()}
        except (AttributeError, TypeError, ValueError) as exc:
            raise SyndicateError(
                f"{path}: the syndication state is damaged ({exc}); restore it from version control. "
                "Do not delete it: every post would look new"
            ) from None
        return cls(path, networks)

    def get(self, network: str, post_id: str) -> Record | None:
        return self.networks.get(network, {}).get(post_id)

    def records(self, network: str) -> dict[str, Record]:
        return dict(self.networks.get(network, {}))

    def put(self, network: str, post_id: str, record: Record) -> None:
        """Record and save at once."""
        self.networks.setdefault(network, {})[post_id] = record
        self.save()

    def put_all(self, network: str, records: dict[str, Record]) -> None:
        """Record many and save once."""
        self.networks.setdefault(network, {}).update(records)
        self.save()

    def forget(self, network: str, post_id: str) -> None:
        """Drop a pending record of a post the network certainly did not publish; save at once."""
        self.networks.get(network, {}).pop(post_id, None)
        self.save()

    def save(self) -> None:
        data = {
            "version": VERSION,
            "networks": {
                network: {pid: asdict(r) for pid, r in sorted(records.items())}
                for network, records in sorted(self.networks.items())
            },
        }
        write_json(self.path, data)
