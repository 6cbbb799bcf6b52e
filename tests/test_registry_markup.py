"""Registry text as HTML: structure kept, every character escaped."""

from __future__ import annotations

from trialblog.registry.markup import registry_html


def test_paragraphs_and_nested_lists():
    html = registry_html(
        "Inclusion Criteria:\n\n* Adults\n  * aged 18 or over\n  continued line\n* Consent\n\n"
        "Exclusion Criteria:\n\n3. Pregnancy\n4. Infection\n\n   more about it\n"
    )
    assert html == (
        "<p>Inclusion Criteria:</p>\n<ul>\n<li>Adults\n<ul>\n<li>aged 18 or over\n continued line\n</li></ul>\n"
        '</li>\n<li>Consent\n</li></ul>\n<p>Exclusion Criteria:</p>\n<ol start="3">\n<li>Pregnancy\n</li>\n'
        "<li>Infection\n<br>more about it\n</li></ol>"
    )


def test_classic_xml_lists():
    html = registry_html("Criteria:\n\n  -  Women\n     who are pregnant\n\n       -  sub item\n\n  -  Men\n")
    assert html.count("<ul>") == 2 and "<li>Women\n who are pregnant" in html and "<li>sub item" in html


def test_nothing_becomes_markup():
    html = registry_html('<script>alert(1)</script> [link](javascript:x) **bold** \\*not a list\\* & "q"')
    assert "<script>" not in html and "<a" not in html
    assert html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; [link](javascript:x) <strong>bold</strong> *not a list* "
        "&amp; &#34;q&#34;</p>"
    )
    assert registry_html("") == "" and registry_html(None) == ""
