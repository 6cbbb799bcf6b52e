"""trial_feeds beside Pelican's own feeds: each trial's feed, and Pelican's site feed left Pelican's."""

from __future__ import annotations

from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_trials_feed_and_pelicans_own_feed(pelican_run):
    output = pelican_run("trialblog_plugins.trial_feeds", BLINDING_NOTICE="Please do not guess my group.")
    entry = ElementTree.parse(output / "feeds/trials/quiet.atom.xml").getroot().find(f"{ATOM}entry")
    assert entry is not None and entry.findtext(f"{ATOM}title") == "[CW: needles] Week two"
    assert "Please do not guess my group." in (entry.findtext(f"{ATOM}content") or "")
    own = ElementTree.parse(output / "feeds/all.atom.xml").getroot()
    assert own.findtext(f"{ATOM}generator") != "trialblog"  # Pelican's, as its settings say
    assert "Please do not guess my group." in ElementTree.tostring(own, encoding="unicode")
