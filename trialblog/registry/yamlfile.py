"""Writing a trial file: registry fields rewritten, everything else kept exactly as written.

The site owner's fields (``summary``, ``participation``, ``disclosure``, comments, any field the
import does not own) are copied from the old file line for line; a registry field whose value did
not change keeps its old text too, so re-importing an unchanged record changes nothing.
Files are replaced atomically: a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import yaml

from ..content.trials import TRIAL_FIELDS
from ..content.yamlsource import LDict

DATE_FIELDS = {"status_verified", "last_updated", "start_date", "completion_date", "date"}
FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _Flow(dict):
    """A small mapping written on one line, such as ``geo: {lat: 1.5, lon: 2.5}``."""


class _Dumper(yaml.SafeDumper):
    """Block style, indented lists, literal blocks for text with line breaks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def _represent_flow(dumper: yaml.SafeDumper, data: _Flow) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_Flow, _represent_flow)


def plain(value: Any) -> Any:
    """Parsed YAML as plain Python values, dates as ISO text, for comparing and re-dumping."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return value


def _for_dump(value: Any, key: str = "") -> Any:
    if isinstance(value, dict):
        out = {k: _for_dump(v, k) for k, v in value.items()}
        return _Flow(out) if key == "geo" else out
    if isinstance(value, list):
        return [_for_dump(v, key) for v in value]
    if key in DATE_FIELDS and isinstance(value, str) and FULL_DATE.match(value):
        return dt.date.fromisoformat(value)
    return value


def dump_field(key: str, value: Any) -> list[str]:
    """The lines of ``key: value`` as YAML."""
    text = yaml.dump(
        {key: _for_dump(value, key)},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return text.rstrip("\n").split("\n")


def _is_blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and not line[:1].isspace())


def split_blocks(
    text: str, data: LDict
) -> tuple[list[str], dict[str, tuple[list[str], list[str]]], list[str]]:
    """The file as (header, {key: (leading comment lines, the key's own lines)}, footer).

    Raises ValueError when the top-level keys do not each start their own line (flow style).
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    starts = sorted((line, key) for key, line in data.lines.items())
    if len({line for line, _ in starts}) != len(starts) or any(
        not lines[line - 1].startswith(str(key)) and not lines[line - 1].startswith(("'", '"'))
        for line, key in starts
    ):
        raise ValueError("top-level fields do not each start a line")
    header = lines[: starts[0][0] - 1] if starts else lines
    blocks: dict[str, tuple[list[str], list[str]]] = {}
    carry: list[str] = []
    for i, (line, key) in enumerate(starts):
        end = starts[i + 1][0] - 1 if i + 1 < len(starts) else len(lines)
        body = lines[line - 1 : end]
        tail: list[str] = []
        while len(body) > 1 and _is_blank_or_comment(body[-1]):
            tail.insert(0, body.pop())
        blocks[key] = (carry, body)
        carry = tail
    return header, blocks, carry


def compose(old_text: str | None, old_data: LDict | None, merged: dict[str, Any]) -> str:
    """The new file: ``merged`` values in the content model's order, old text kept where it can be."""
    order = field_order(list(old_data or {}), merged)
    header: list[str] = []
    blocks: dict[str, tuple[list[str], list[str]]] = {}
    footer: list[str] = []
    if old_text is not None and old_data:
        try:
            header, blocks, footer = split_blocks(old_text, old_data)
        except ValueError:
            header, blocks, footer = [], {}, []
    out = list(header)
    for key in order:
        leading, body = blocks.get(key, ([], []))
        out.extend(leading)
        if body and old_data is not None and plain(old_data.get(key)) == plain(merged[key]):
            out.extend(body)
        else:
            out.extend(dump_field(key, merged[key]))
    out.extend(footer)
    return "\n".join(out) + "\n"


def field_order(old_keys: list[str], merged: dict[str, Any]) -> list[str]:
    """The old file's order; a new field goes after the last field that comes before it in the model."""
    rank = {key: i for i, key in enumerate(TRIAL_FIELDS)}
    order = [k for k in old_keys if k in merged]
    for key in sorted((k for k in merged if k not in order), key=lambda k: rank.get(k, len(rank))):
        mine = rank.get(key, len(rank))
        at = 0
        for i, other in enumerate(order):
            if rank.get(other, len(rank)) < mine:
                at = i + 1
        order.insert(at, key)
    return order


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` in one step; on any failure the old file is untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
