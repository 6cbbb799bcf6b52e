"""Replies on disk: whatever a reader wrote is kept, cleaned, as text that reads back the same."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialblog.content.sources import read_text
from trialblog.replies.identity import handle, mixes_scripts, passes_for
from trialblog.replies.model import Author, Reply, Thread
from trialblog.replies.store import file_name, load_thread, save_thread
from trialblog.replies.text import MAX_TEXT, clean, from_bluesky


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(text=st.text(min_size=1, max_size=400), name=st.text(max_size=60))
def test_any_text_is_kept_readable_and_reads_back_the_same(tmp_path: Path, text: str, name: str):
    cleaned, _ = clean(text)
    author = Author("1", "@a@b.example", clean(" ".join(name.split()))[0])
    path = tmp_path / "content/replies" / file_name("urn:uuid:0b7f2c5e-4f7e-4a43-9d1a-2b6f6a8f1e11")
    save_thread(Thread(path, "urn:uuid:0b7f2c5e-4f7e-4a43-9d1a-2b6f6a8f1e11", "T", "", {},
                       [Reply("mastodon:1", "mastodon", "pending", "2025-01-01T00:00:00Z", author, "", cleaned)]))  # fmt: skip
    read_text(path, "x")  # no character a content file may not hold
    back = load_thread(path, tmp_path).replies[0]
    assert (back.text, back.author.name) == (cleaned, author.name)


def test_cleaning_bounds_and_strips():
    text, cut = clean("a" * 10 + " word" * 2000)
    assert cut and len(text) <= MAX_TEXT and text.endswith("…")
    assert clean("x\u202eevil\u2066\x1b[0m\u0000 y\r\nz")[0] == "xevil[0m y\nz"


def test_file_names_are_safe_and_distinct():
    assert file_name("urn:uuid:0b7f2c5e-4f7e-4a43-9d1a-2b6f6a8f1e11") == "0b7f2c5e-4f7e-4a43-9d1a-2b6f6a8f1e11.yaml"
    odd = {file_name(x) for x in ("urn:trialblog:entry:a/b", "urn:trialblog:entry:a:b", "../../etc")}
    assert len(odd) == 3 and all("/" not in n and not n.startswith(".") for n in odd)


def test_bluesky_link_facets_are_written_out_and_bad_ones_ignored():
    class Link:
        uri = "https://example.org/a/long/address"

    class Index:
        def __init__(self, start, end):
            self.byte_start, self.byte_end = start, end

    class Facet:
        def __init__(self, start, end):
            self.index, self.features = Index(start, end), [Link()]

    text = "see example.org/a/lo… ok"
    assert from_bluesky(text, [Facet(4, 23)]) == "see https://example.org/a/long/address ok"
    assert from_bluesky(text, [Facet(4, 900), Facet(-1, 3)]) == text


def test_look_alikes():
    assert handle("sаm", "exаmple.social").startswith("@xn--")
    assert passes_for("Ѕаm R.", ["Sam R."]) and passes_for("sam r (official)", ["Sam R."])
    assert not passes_for("Samira", ["Sam R."]) and not passes_for("", ["Sam R."])
    assert mixes_scripts("Ѕаm") and not mixes_scripts("Иван") and not mixes_scripts("Sam")
