"""Announcing new public diary entries on Mastodon and Bluesky, each exactly once.

This package is imported by the build (to record what was published), so it stays light:
the network clients are imported only by the modules that talk to a network.
"""

from __future__ import annotations

import importlib.util

#: The network clients, by the module imported and the package that installs it: trialblog's
#: ``[social]`` extra, left out of a plain install because building a site never needs them.
CLIENTS = {"mastodon": "Mastodon.py", "atproto_client": "atproto"}
INSTALL_SOCIAL = (
    "{task} needs trialblog's social extra ({packages}), which is not installed here: "
    "run `pip install 'trialblog[social]'` (installed with pipx: `pipx install --force 'trialblog[social]'`; "
    "from a source folder: `pip install '.[social]'`)"
)


class SyndicateError(Exception):
    """Syndication cannot go on; the message says why and what to do."""


class NetworkStopped(SyndicateError):
    """One network stopped for this run; its state is intact and the next run carries on."""


class Rejected(NetworkStopped):
    """The network refused a post outright, so it was certainly not published."""


def require_clients(task: str = "announcing posts") -> None:
    """Raise a SyndicateError saying how to install the ``[social]`` extra when a client is missing;
    ``task`` is what needs it, in the message."""
    missing = [package for module, package in CLIENTS.items() if importlib.util.find_spec(module) is None]
    if missing:
        raise SyndicateError(INSTALL_SOCIAL.format(task=task, packages=", ".join(missing)))
