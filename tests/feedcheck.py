"""Offline feed validation: Atom against RFC 4287's RELAX NG schema, RSS 2.0 by its rules."""

from __future__ import annotations

import email.utils
from functools import cache
from pathlib import Path

import rnc2rng
from lxml import etree

SCHEMA = Path(__file__).parent / "schemas" / "atom.rnc"


@cache
def atom_schema() -> etree.RelaxNG:
    rng = rnc2rng.dumps(rnc2rng.load(str(SCHEMA)))
    rng = rng.replace(' xmlns:local=""', "")  # an empty prefix binding is not XML; "local:*" becomes ns=""
    return etree.RelaxNG(etree.fromstring(rng.encode()))


def atom_problems(path: Path) -> list[str]:
    schema = atom_schema()
    doc = etree.parse(str(path))  # raises on malformed XML
    if schema.validate(doc):
        return []
    return [f"{path}:{e.line}: {e.message}" for e in schema.error_log]


def rss_problems(path: Path) -> list[str]:
    """RSS 2.0: one channel with title, link, description; items with a title or description,
    a guid, and RFC 822 dates."""
    root = etree.parse(str(path)).getroot()
    problems = []
    if root.tag != "rss" or root.get("version") != "2.0":
        problems.append("root is not <rss version='2.0'>")
    channels = root.findall("channel")
    if len(channels) != 1:
        return [*problems, "there must be exactly one <channel>"]
    channel = channels[0]
    for tag in ("title", "link", "description"):
        if channel.find(tag) is None or not (channel.findtext(tag) or "").strip():
            problems.append(f"<channel> has no {tag}")
    for i, item in enumerate(channel.findall("item"), 1):
        if item.find("title") is None and item.find("description") is None:
            problems.append(f"item {i} has neither title nor description")
        if item.find("guid") is None:
            problems.append(f"item {i} has no guid")
        for tag in ("pubDate",):
            text = item.findtext(tag)
            if text is not None and email.utils.parsedate_to_datetime(text) is None:
                problems.append(f"item {i} {tag} is not an RFC 822 date")
    for tag in ("lastBuildDate", "pubDate"):
        text = channel.findtext(tag)
        if text is not None and email.utils.parsedate_to_datetime(text) is None:
            problems.append(f"channel {tag} is not an RFC 822 date")
    return [f"{path}: {p}" for p in problems]


def feed_problems(output: Path) -> tuple[int, list[str]]:
    """(number of feeds checked, problems) for every feed under ``output``."""
    feeds = sorted(output.rglob("*.atom.xml")) + sorted(output.rglob("*.rss.xml"))
    problems: list[str] = []
    for feed in feeds:
        problems += atom_problems(feed) if feed.name.endswith(".atom.xml") else rss_problems(feed)
    return len(feeds), problems
