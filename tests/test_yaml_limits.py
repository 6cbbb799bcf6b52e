"""YAML bombs: aliases of aliases and deep nesting are refused at once, with file and line, by
every reader of YAML (libyaml's path and PyYAML's own), never a hang, a RecursionError or a crash."""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from trialblog.content import yamlsource
from trialblog.content.errors import ContentError
from trialblog.content.yamllimits import MAX_DEPTH
from trialblog.content.yamlsource import Layout, load_yaml
from trialblog.registry.importer import import_paths

REPO = Path(__file__).parent.parent
CTGOV = REPO / "tests/data/ctgov/v2_json/NCT05549596.json"


def alias_bomb(levels: int = 9) -> str:
    """The billion laughs: each level a list of nine aliases of the level before."""
    lines = ["id: NCT12345678", 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]")
    return "\n".join(lines) + "\n"


def mapping_bomb(levels: int = 9) -> str:
    """The same in block mappings: each level a mapping of nine aliases."""
    lines = ["l0: &l0", *(f"  k{j}: lol" for j in range(9))]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i}")
        lines += [f"  k{j}: *l{i - 1}" for j in range(9)]
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 30) -> str:
    """Merge keys and aliases together: each level holds three copies of the one before."""
    lines = ["m0: &m0 {a: 1, b: 2}"]
    for i in range(1, levels):
        lines.append(f"m{i}: &m{i} {{<<: *m{i - 1}, x{i}: *m{i - 1}, y{i}: *m{i - 1}}}")
    return "\n".join(lines) + "\n"


BOMBS = {"aliases in lists": alias_bomb(), "aliases in mappings": mapping_bomb(), "merge keys": merge_bomb()}


def deep(kind: str, depth: int) -> str:
    """A trial file nested ``depth`` levels deep (indented ones at most a file's 5 MB)."""
    if kind in ("block mappings", "mixed"):
        depth = min(depth, 3000)
    if kind == "flow lists":
        return "title: x\nnested: " + "[" * depth + "]" * depth + "\n"
    if kind == "flow mappings":
        return "title: x\nnested: " + "{a: " * depth + "1" + "}" * depth + "\n"
    if kind == "unclosed brackets":
        return "title: x\nnested: " + "[" * depth + "\n"
    if kind == "block mappings":
        return "title: x\n" + "".join(" " * i + f"k{i}:\n" for i in range(depth)) + " " * depth + "v\n"
    if kind == "compact lists":
        return "title: x\nnested:\n  " + "- " * depth + "a\n"
    if kind == "mixed":  # a list of mappings each line, then flow lists
        lines = depth // 4
        block = "".join("  " * i + f"- k{i}:\n" for i in range(lines))
        return f"title: x\nnested:\n{block}{'  ' * lines}- " + "[" * (depth // 2) + "]" * (depth // 2) + "\n"
    raise AssertionError(kind)


DEEP = ("flow lists", "flow mappings", "unclosed brackets", "block mappings", "compact lists", "mixed")


@pytest.fixture(params=["libyaml", "pure Python"])
def loader(request, monkeypatch):
    """Each test runs with libyaml's parser (when PyYAML has it) and with PyYAML's own."""
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("PyYAML was built without libyaml")
    else:
        monkeypatch.setattr(yamlsource, "FastLoader", yaml.SafeLoader)
        monkeypatch.setattr(yamlsource, "Loader", yaml.SafeLoader)
    return request.param


def _still_loading(_signum, _frame) -> None:
    raise TimeoutError("still loading after 20 s")


def refused(text: str, seconds: float = 2.0) -> ContentError:
    start = time.monotonic()
    previous = signal.signal(signal.SIGALRM, _still_loading)
    signal.alarm(20)
    try:
        with pytest.raises(ContentError) as caught:
            load_yaml(text, "content/trials/bomb.yaml")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - start < seconds, "refused, but slowly"
    assert caught.value.path == "content/trials/bomb.yaml" and caught.value.line
    return caught.value


@pytest.mark.parametrize("kind", BOMBS)
def test_alias_bombs_are_refused_at_once(loader, kind):
    error = refused(BOMBS[kind])
    assert "aliases" in error.message and error.hint
    assert 2 <= error.line <= BOMBS[kind].count("\n")


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 500, 1000, 10_000, 100_000])
@pytest.mark.parametrize("kind", DEEP)
def test_deep_nesting_is_refused_at_once(loader, kind, depth):
    error = refused(deep(kind, depth))
    assert f"more than {MAX_DEPTH} levels" in error.message
    assert error.line >= 2


@pytest.mark.parametrize("kind", DEEP)
def test_nesting_up_to_the_limit_loads(loader, kind):
    if kind == "unclosed brackets":
        with pytest.raises(ContentError, match="not valid YAML"):
            load_yaml(deep(kind, MAX_DEPTH - 2), "t.yaml")
    else:
        assert load_yaml(deep(kind, MAX_DEPTH - 2), "t.yaml")["title"] == "x"


def test_what_looks_deep_but_is_text_loads(loader):
    """Brackets in quotes and block text, long runs of dashes and deep indentation in a block
    scalar are not nesting: such a file takes the careful path and loads."""
    text = (
        "title: '" + "[" * 5000 + "'\n"
        "summary: |\n" + "".join(" " * (2 + i) + "-" * 80 + "\n" for i in range(200))
    )
    data = load_yaml(text, "t.yaml")
    assert data["title"] == "[" * 5000 and data["summary"].count("-" * 80) == 200


def test_aliases_used_sensibly_load(loader):
    contact = "central: &c {name: Study desk, phone: '+1 555 0100'}\n"
    text = contact + "locations:\n" + "".join(f"  - city: C{i}\n    contact: *c\n" for i in range(2000))
    data = load_yaml(text, "t.yaml")
    assert data["locations"][1999]["contact"]["name"] == "Study desk"


def test_a_list_or_mapping_as_a_key_is_refused(loader):
    """A key is a word: ``? [a, b]`` (or an alias of a bomb as a key) is refused, never printed."""
    for text in ("? [a, b]\n: 1\n", alias_bomb(4) + "? *a3\n: x\n", "{[a]: 1}\n"):
        error = refused(text)
        assert "key" in error.message


def test_the_checks_layout_reader_survives_a_bomb():
    assert Layout.parse(deep("flow lists", 20_000)).spans == ()
    assert Layout.parse("title: x\nstatus: RECRUITING\n").spans[0][0] == "title"


def test_the_importer_refuses_to_update_a_bombed_trial_file_and_goes_on(tmp_path):
    """The importer reads the trial file it would update through the same limits."""
    site = tmp_path / "site"
    (site / "content/trials").mkdir(parents=True)
    bombed = site / "content/trials/bombed.yaml"
    bombed.write_text("id: NCT05549596\n" + alias_bomb().split("\n", 1)[1])
    deep_file = site / "content/trials/deep.yaml"
    deep_file.write_text("id: NCT04012996\n" + deep("flow lists", 30_000))
    other = tmp_path / "NCT04012996.json"
    other.write_text(CTGOV.read_text().replace("NCT05549596", "NCT04012996"))
    before = bombed.read_bytes(), deep_file.read_bytes()
    start = time.monotonic()
    report = import_paths([CTGOV, other], site / "content", site, dt.date(2025, 1, 15))
    assert time.monotonic() - start < 10
    messages = [str(p) for p in report.problems if p.fatal]
    assert any("cannot update content/trials/bombed.yaml: content/trials/bombed.yaml:" in m for m in messages)
    assert any("cannot update content/trials/deep.yaml: content/trials/deep.yaml:3:" in m for m in messages)
    assert (bombed.read_bytes(), deep_file.read_bytes()) == before


@pytest.mark.parametrize("text", [deep("flow lists", 30_000), alias_bomb()], ids=["30000 [", "alias bomb"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_the_commands_refuse_a_bomb_with_file_and_line(tmp_path, text, command):
    """End to end in a separate process: a crash there (exit 139) or a hang cannot hide."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests/sites/small", site)
    (site / "content/trials/bomb.yaml").write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "trialblog.cli", command, "--site", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "content/trials/bomb.yaml:" in done.stdout + done.stderr
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr
