"""Readers' replies to announced entries, fetched from Mastodon and Bluesky and moderated by the writer.

``trialblog replies fetch`` stores every reply in ``content/replies/`` (one file per entry), so a
build needs no network; ``trialblog replies review`` approves, hides or removes them. Only approved
replies that pass the safety checks are published (see docs/replies.md).
"""

from __future__ import annotations

from ..syndicate import SyndicateError


class RepliesError(SyndicateError):
    """Replies cannot be fetched or reviewed; the message says why and what to do."""


def settings_specs() -> tuple:
    """The settings replies read, checked like every plugin's (see docs/replies.md)."""
    from ..pipeline.settings import flag

    return (flag("REPLIES"), flag("REPLIES_APPROVE_BY_FAVOURITE"), flag("REPLIES_AVATARS"))
