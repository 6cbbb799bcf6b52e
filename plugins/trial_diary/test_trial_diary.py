"""trial_diary on Pelican's default theme: each trial's page and consent page, and entries that
carry their blinding notice and disclosure."""

from __future__ import annotations


def test_trial_and_consent_pages_and_the_entrys_notices(pelican_run):
    output = pelican_run("trialblog_plugins.trial_diary", BLINDING_NOTICE="Please do not guess my group.")
    trial = (output / "trials/quiet/index.html").read_text()
    assert "QUIET-MS" in trial and "Week two" in trial
    assert "To see whether the drug slows relapses." in (output / "trials/quiet/consent/index.html").read_text()
    entry = (output / "week-two.html").read_text()
    at = entry.index("<p>The second visit")
    assert "Please do not guess my group." in entry[:at] and "I write as a participant, unpaid." in entry[at:]
