"""Announcing new public diary entries on Mastodon and Bluesky, each exactly once.

This package is imported by the build (to record what was published), so it stays light:
the network clients are imported only by the modules that talk to a network.
"""

from __future__ import annotations


class SyndicateError(Exception):
    """Syndication cannot go on; the message says why and what to do."""


class NetworkStopped(SyndicateError):
    """One network stopped for this run; its state is intact and the next run carries on."""


class Rejected(NetworkStopped):
    """The network refused a post outright, so it was certainly not published."""
