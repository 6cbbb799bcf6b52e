"""trial_directory on Pelican's default theme: the recruiting listing, facet pages and feeds."""

from __future__ import annotations


def test_the_recruiting_directory(pelican_run):
    output = pelican_run("trialblog_plugins.trial_directory", DIRECTORY_SEARCH=False)
    recruiting = (output / "trials/recruiting/index.html").read_text()
    assert "QUIET-MS" in recruiting and "OPEN-STUDY" in recruiting
    assert "OPEN-STUDY" in (output / "trials/recruiting/condition/lupus/index.html").read_text()
    assert "QUIET-MS" not in (output / "trials/recruiting/condition/lupus/index.html").read_text()
    assert "OPEN-STUDY" in (output / "feeds/recruiting.atom.xml").read_text()
