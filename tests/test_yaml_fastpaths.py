"""The YAML loader's shortcuts against its plain paths and against PyYAML itself.

``load_yaml`` composes with :class:`ComposeLoader` (a table for PyYAML's implicit resolvers) and
skips merge-key flattening and surrogate checks when the text shows they cannot matter; the
field reader computes lines only for its errors. Each is compared with the path it stands for
on generated documents (YAML 1.1 words, numbers in every base, dates, tags, anchors, merge
keys, escapes, duplicate keys) and on every YAML file of the project.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from unittest.mock import patch

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from trialblog.content import yamlsource
from trialblog.content.errors import ContentError, ContentErrors
from trialblog.content.fields import FieldReader, _vocab_word
from trialblog.content.trials import trial_from_data
from trialblog.content.vocab import Phase, Status
from trialblog.content.yamlsource import ComposeLoader, FastLoader, LDict, LList, load_yaml

ROOT = Path(__file__).parent.parent
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Plain scalars PyYAML 1.1 resolves to every type it knows, and near misses that stay text.
WORDS = [
    "yes", "No", "ON", "off", "y", "n", "true", "False", "TRUE", "~", "null", "Null", "NULL", "",
    "0", "-0", "+1", "017", "0o17", "0b1_0", "0x_1F", "1_000", "1:30", "-1:30:15", "12 Years",
    ".5", "-.5", "+.5", "1.", "1.5", "1e3", "1.0e+3", "1.0e3", ".5e-2", "1_0.0_1", "190:20:30.15",
    ".inf", "-.Inf", "+.INF", ".nan", ".NaN", "NaN", "2024-01-01", "2024-02-30", "2024-1-1",
    "2024-01", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-12-15T02:59:43.1Z",
    "2001-12-14  21:59:43.10 -5", "=", "<<", "!", "&", "*", "RECRUITING", "PHASE2", "a b", "café",
]  # fmt: skip
QUOTED = ['"yes"', "'1'", '"a\\tb"', '"\\ud800"', '"\\U0000DC00"', '"\\u00e9"', "'it''s'", '""', '"\\\\ud800"']  # fmt: skip
TAGGED = ["!!str 1", "!!int '3'", "!!float 1", "!!bool yes", "!!binary aGk=", "!!timestamp 2024-01-01",
          "!!null ''", "!custom x", "!!merge <<", "!<tag:yaml.org,2002:str> 5", "!!set {a}", "!!omap [a: 1]"]  # fmt: skip
KEYS = ["a", "b", "c", "title", "status", "1", "yes", "~", "2024-01-01", "<<", "=", '"q"', "'a'", "1.5", "? k"]  # fmt: skip

scalar = st.one_of(st.sampled_from(WORDS), st.sampled_from(QUOTED), st.sampled_from(TAGGED))
flow = st.lists(scalar, max_size=3).map(lambda items: "[" + ", ".join(items) + "]") | st.dictionaries(
    st.sampled_from(KEYS[:5]), scalar, max_size=3
).map(lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}")
block = st.sampled_from(["|\n{i}  one\n{i}  two", ">-\n{i}  folded\n{i}  text", "|+\n{i}  kept\n"])
leaf = st.one_of(scalar, flow, block)
tree = st.recursive(
    leaf,
    lambda inner: (
        st.lists(st.tuples(st.sampled_from(KEYS), inner), min_size=1, max_size=4)
        | st.lists(inner, min_size=1, max_size=3)
    ),
    max_leaves=12,
)
anchor = st.sampled_from(["", "", "&x ", "&y "])


def render(node: Any, indent: str = "") -> str:
    """Block YAML for ``node``: a list of (key, value) pairs is a mapping, a list a sequence."""
    if isinstance(node, str):
        return node.replace("{i}", indent)
    lines = []
    for item in node:
        key, value = item if isinstance(item, tuple) else ("-", item)
        head = f"{indent}{key}:" if key != "-" else f"{indent}-"
        body = render(value, indent + "  ")
        lines.append(f"{head}\n{body}" if isinstance(value, list) else f"{head} {body}")
    return "\n".join(lines)


documents = st.builds(
    lambda top, extra: render(top) + extra,
    st.lists(st.tuples(st.sampled_from(KEYS), tree), min_size=1, max_size=6),
    st.sampled_from(["\n", "", "\nz: &x [1, 2]\nw: *x\n", "\nbase: &b {a: 1}\nm:\n  <<: *b\n  c: 2\n",
                     "\n---\nb: 2\n", "\nq: \"\\ud83d\\ude00\"\n", "\n\tx: 1\n"]),
)  # fmt: skip


def snapshot(value: Any) -> Any:
    """Everything the loader gives: values with their exact types, lines and spans."""
    if isinstance(value, LDict):
        spans = tuple(value.spans.items()) if hasattr(value, "spans") else None
        items = tuple((k, value.lines[k], snapshot(v)) for k, v in value.items())
        return ("map", value.line, items, spans)
    if isinstance(value, LList):
        return ("seq", value.line, tuple(value.lines), tuple(snapshot(v) for v in value))
    if isinstance(value, (dict, list)):
        raise AssertionError(f"a plain {type(value).__name__} in the loaded data")
    return (type(value).__name__, repr(value))


def outcome(text: str) -> Any:
    try:
        return snapshot(load_yaml(text, "t.yaml"))
    except ContentError as exc:
        return ("error", exc.path, exc.line, exc.field, exc.message, exc.hint)
    except Exception as exc:  # noqa: BLE001 - what escapes must escape both ways
        return ("raised", type(exc).__name__, str(exc))


class ThoroughBuilder(yamlsource._Builder):
    """The builder with every shortcut off: flattening, surrogate checks, ``construct_object``."""

    def __init__(self, loader: yaml.SafeLoader, path: str, text: str):
        super().__init__(loader, path, text)
        self.flatten = self.surrogates = True
        self.constructors = {}


def plain_outcome(text: str) -> Any:
    with (
        patch.object(yamlsource, "Loader", FastLoader),
        patch.object(yamlsource, "_Builder", ThoroughBuilder),
    ):
        return outcome(text)


def project_yaml() -> list[Path]:
    files = [*ROOT.glob("tests/**/*.y*ml"), *ROOT.glob("content/**/*.y*ml")]
    return sorted(p for p in files if p.is_file() and "output" not in p.parts)


@FAST
@given(documents)
@example("a: 1\na: 2\n")
@example('a:\n  - x\n  - &s "\\ud800"\nb: <<\n')
@example("<<: {a: 1}\nb: !!merge {c: 2}\n= : 1\n")
def test_generated_documents_load_as_the_plain_path_loads_them(text):
    assert outcome(text) == plain_outcome(text)


@pytest.mark.parametrize("path", project_yaml(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_project_file_loads_as_the_plain_path_loads_it(path):
    text = path.read_text(encoding="utf-8-sig", errors="surrogateescape")
    assert outcome(text) == plain_outcome(text)


def test_the_project_files_are_many():
    assert len(project_yaml()) > 30


def same_as_pyyaml(value: Any, expected: Any) -> bool:
    if isinstance(expected, dict):
        return list(value) == [str(k) for k in expected] and all(
            same_as_pyyaml(value[str(k)], v) for k, v in expected.items()
        )
    if isinstance(expected, list):
        return len(value) == len(expected) and all(map(same_as_pyyaml, value, expected))
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(value, float) and math.isnan(value)
    return type(value) is type(expected) and value == expected


@FAST
@given(documents)
def test_values_are_pyyamls_own(text):
    if "!!set" in text or "!!omap" in text:
        return  # the loader reads a tagged collection as the collection written, not the tag's type
    try:
        expected = yaml.load(text, Loader=FastLoader)
    except (yaml.YAMLError, ValueError, TypeError):
        return  # PyYAML refuses it (or cannot hash a key): the loader reports it its own way
    if not text_keys_only(expected):
        return  # keys 1 and yes are one key to PyYAML ({1: ..., True: ...}), two to the loader
    try:
        value = load_yaml(text, "t.yaml")
    except ContentError:
        return  # a duplicate key or a surrogate: refused before PyYAML would pick one
    assert same_as_pyyaml(value, expected)


def text_keys_only(value: Any) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and text_keys_only(v) for k, v in value.items())
    return all(map(text_keys_only, value)) if isinstance(value, list) else True


resolver_values = st.one_of(st.sampled_from(WORDS), st.text(max_size=8), st.sampled_from(KEYS))


@FAST
@given(
    st.sampled_from([ScalarNode, SequenceNode, MappingNode]), resolver_values, st.booleans(), st.booleans()
)
def test_the_resolver_table_gives_pyyamls_tags(kind, value, plain, quoted):
    implicit = (plain, quoted)
    loader = ComposeLoader("")
    try:
        assert loader.resolve(kind, value, implicit) == FastLoader.resolve(loader, kind, value, implicit)
    finally:
        loader.dispose()


@FAST
@given(st.sampled_from([Status, Phase]), st.one_of(st.sampled_from([*Status, *Phase]), st.text(max_size=10)))
def test_vocabulary_words_are_looked_up_as_without_the_cache(vocab, word):
    word = str(word).strip()
    assert _vocab_word(vocab, word) == _vocab_word.__wrapped__(vocab, word)


@FAST
@given(
    st.dictionaries(st.sampled_from(["a", "b", "c", "d", "e"]), st.none(), max_size=5),
    st.lists(st.sampled_from(["a", "b", "c"]), max_size=3),
)
def test_unknown_keys_are_each_reported(data, allowed):
    errors: list[ContentError] = []
    FieldReader(data, "t.yaml", errors).reject_unknown(allowed)
    assert [e.field for e in errors] == [key for key in data if key not in allowed]


# Lines computed only for an error still point at what is wrong.
WRONG = [
    ("title: T\nstatus: RECRUITING\nphases:\n  - PHASE2\n  - BOGUS\n", "phases", 5),
    ("title: T\nstatus: RECRUITING\nphases: [PHASE2,\n  BOGUS]\n", "phases", 4),
    ("title: T\nstatus: RECRUITING\nphases: BOGUS\n", "phases", 3),
    ("title: T\nstatus: RECRUITING\nphases: {a: 1}\n", "phases", 3),
    ("title: T\n\nstatus: BOGUS\n", "status", 3),
    ("title: T\nstatus: RECRUITING\n\neligibility: 5\n", "eligibility", 4),
    ("title: T\nstatus: RECRUITING\nlocations:\n  - city: X\n  - 5\n", "locations[2]", 5),
    ("title: T\nstatus: RECRUITING\nlocations:\n  - city: X\n    geo: [1]\n", "locations[1].geo", 5),
    ("title: T\nstatus: RECRUITING\nlocations:\n  - city: X\n    status: NOPE\n", "locations[1].status", 5),
]


@pytest.mark.parametrize(("text", "field", "line"), WRONG)
def test_errors_name_the_line_of_the_wrong_value(text, field, line):
    errors: list[ContentError] = []
    trial_from_data(load_yaml(text, "t.yaml"), "t", "t.yaml", errors)
    assert [(e.field, e.line) for e in errors] == [(field, line)]


def test_a_trial_from_the_shortcuts_is_the_plain_paths(tmp_path):
    from trialblog.content.trials import load_trial

    for path in sorted((ROOT / "content" / "trials").glob("*.yaml")):
        text = path.read_text()
        with (
            patch.object(yamlsource, "Loader", FastLoader),
            patch.object(yamlsource, "_Builder", ThoroughBuilder),
        ):
            plain = load_trial(path, ROOT)
        trial = load_trial(path, ROOT)
        assert trial == plain and trial.layout == plain.layout
        assert trial.layout is not None and trial.layout.matches(text)


def test_bad_records_still_report_every_problem(tmp_path):
    from trialblog.content.trials import load_trial

    path = tmp_path / "t.yaml"
    path.write_text("title: [a]\nstatus: NOPE\nphases: [PHASE2, X]\nbogus: 1\n")
    with pytest.raises(ContentErrors) as raised:
        load_trial(path, tmp_path)
    assert [(e.field, e.line) for e in raised.value.errors] == [
        ("title", 1),
        ("status", 2),
        ("phases", 3),
        ("bogus", 4),
    ]


@FAST
@given(
    st.one_of(st.floats(), st.integers(), st.booleans(), st.none(), st.text(max_size=5), st.lists(st.none()))
)
def test_numbers_are_read_as_without_the_float_shortcut(value):
    errors: list[ContentError] = []
    number = FieldReader({"lat": value}, "t.yaml", errors).number("lat")
    real = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    assert number == (float(value) if real else None)
    assert type(number) is (float if real else type(None))
    assert len(errors) == (0 if real or value is None else 1)


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        ("", ()),
        ("\n    contacts:", ()),
        ("\n    contacts: []", ()),
        ("\n    contacts:\n      - name: A", ("A",)),
    ],
)
def test_location_contacts_absent_null_empty_or_given(contacts, expected):
    text = f"title: T\nstatus: RECRUITING\nlocations:\n  - city: X{contacts}\n"
    errors: list[ContentError] = []
    trial = trial_from_data(load_yaml(text, "t.yaml"), "t", "t.yaml", errors)
    assert not errors and trial is not None
    assert tuple(c.name for c in trial.locations[0].contacts) == expected


@FAST
@given(documents)
def test_a_layout_read_afresh_is_the_plain_loaders(text):
    with patch.object(yamlsource, "Loader", FastLoader):
        plain = yamlsource.Layout.parse(text)
    assert repr(yamlsource.Layout.parse(text)) == repr(plain)  # a complex key is a list of nodes
