"""Feeds are HTML to most readers: every HTML payload of every feed (RSS descriptions and
``content:encoded``, Atom ``type="html"``), parsed as a browser parses it, holds nothing that runs
a script or leaves the page, on a site whose registry records and diary entries carry hostile
markup in every text field; and the hostile text is still there, as text."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from inert import dangers
from lxml import etree
from test_hostile import hostile_copy, js

from trialblog.build import build

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def payload(tag: str) -> str:
    """Hostile markup for one field, in every form test_hostile's records use."""
    code = js(tag)
    return (
        f'<script>{code}</script><img src=x onerror="{code}"><svg onload="{code}"></svg>'
        f'<a href="javascript:{code}">js-{tag}</a><a href="data:text/html,<script>alert(1)</script>">d</a>'
        f'<details open ontoggle="{code}">x</details><meta http-equiv="refresh" content="0;url=https://evil.example/">'
        f'<base href="https://evil.example/"><form action="https://evil.example/"><input name=q></form>'
        f'<iframe src="https://evil.example/"></iframe>&lt;script&gt;{tag}&lt;/script&gt; &amp; \'quotes\' "too"'
    )


def hostile_entry(number: int, trial: str) -> str:
    one_line = payload(f"entry{number}").replace("\n", " ")
    return (
        f"Title: Day {number} {one_line}\n"
        f"Date: 2024-03-0{number}\n"
        f"Id: 88888888-8888-4888-8888-88888888888{number}\n"
        f"Trial: {trial}\n"
        "Milestone: visit\n"
        f"Summary: Summary {one_line}\n"
        f"Tags: {payload(f'tag{number}').replace(',', ' ')}\n"
        f"Content-Warning: {payload(f'warning{number}')}\n"
        "\n"
        f"Body text.\n\n{payload(f'body{number}')}\n\n"
        f'<p style="background:url(javascript:alert(1))" onclick="{js("p")}">styled</p>\n'
    )


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    site = hostile_copy(tmp_path_factory.mktemp("feeds-html") / "site")
    conf = site / "pelicanconf.py"
    conf.write_text(
        conf.read_text().replace("SEARCH = True", "SEARCH = False")
        + f"\nSITENAME = {payload('sitename')!r}\nAUTHOR = {payload('author')!r}\n"
        f"BLINDING_NOTICE = {payload('notice')!r}\n"
    )
    trial = next(p.stem for p in (site / "content/trials").glob("*.yaml") if "NCT09990001" in p.read_text())
    for number in (1, 2):
        (site / f"content/diary/3{number}-hostile-html.md").write_text(hostile_entry(number, trial))
    build(site, allow_errors=True)  # the checks rightly find pictures without alt text
    return site / "output"


def html_payloads(feed: Path) -> list[tuple[str, str]]:
    """(where, HTML) for every element of ``feed`` a reader renders as HTML."""
    root = etree.parse(str(feed)).getroot()
    found = []
    if root.tag == f"{ATOM}feed":
        for element in root.iter():
            if element.get("type") == "html":
                found.append((etree.QName(element).localname, element.text or ""))
            if element.get("type") == "xhtml":
                found.append((etree.QName(element).localname, etree.tostring(element, encoding="unicode")))
    else:
        for element in root.iter("description", CONTENT):
            found.append((f"{element.getparent().tag}/{etree.QName(element).localname}", element.text or ""))
    return found


def feeds(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.xml") if p.name.endswith((".atom.xml", ".rss.xml")))


def test_every_html_payload_of_every_feed_is_inert(output):
    checked = 0
    problems = {}
    for feed in feeds(output):
        for where, html in html_payloads(feed):
            checked += 1
            found = dangers(html)
            if found:
                problems[f"{feed.relative_to(output)} {where}"] = found
    assert problems == {}
    assert checked > 100


def test_every_kind_of_feed_was_checked(output):
    names = {p.relative_to(output).as_posix() for p in feeds(output)}
    for kind in (
        "feeds/all.",
        "feeds/trials/",
        "feeds/conditions/",
        "feeds/recruiting.",
        "feeds/recruiting/conditions/",
    ):
        assert any(n.startswith(kind) and n.endswith(".rss.xml") for n in names), kind
        assert any(n.startswith(kind) and n.endswith(".atom.xml") for n in names), kind


def rss_text(html: str) -> str:
    """What a reader showing an RSS description as HTML shows: its text."""
    return lxml.html.fragment_fromstring(html, create_parent="div").text_content()


def test_channel_descriptions_show_the_registry_text_as_written(output):
    """A condition's recruiting feed describes itself with the condition's name: as text."""
    shown = []
    for feed in output.glob("feeds/recruiting/conditions/*.rss.xml"):
        channel = etree.parse(str(feed)).getroot().find("channel")
        shown.append(rss_text(channel.findtext("description")))
    assert any("ZANZIBAR condition <script>" in text for text in shown), shown
    assert any("Lupus <b>Nephritis</b>" in text for text in shown)


def test_entry_descriptions_show_the_entry_text_as_written(output):
    feed = etree.parse(str(output / "feeds/all.rss.xml")).getroot()
    items = {item.findtext("guid"): item for item in feed.iter("item")}
    item = items["urn:uuid:88888888-8888-4888-8888-888888888881"]
    summary = rss_text(item.findtext("description"))
    assert "<script>entry1</script>" in summary and "& 'quotes' \"too\"" in summary
    body = lxml.html.fragment_fromstring(item.findtext(CONTENT), create_parent="div")
    assert "Body text." in body.text_content() and "styled" in body.text_content()
    atom = etree.parse(str(output / "feeds/all.atom.xml")).getroot()
    (entry,) = [e for e in atom.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith("888881")]
    assert entry.find(f"{ATOM}summary").get("type", "text") == "text"
    assert "<script>entry1</script>" in entry.findtext(f"{ATOM}summary")  # Atom text: as written
