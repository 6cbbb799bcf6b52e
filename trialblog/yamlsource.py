"""YAML loading that remembers the line of every key and refuses duplicate keys."""

from __future__ import annotations

import re
import zlib
from typing import Any, NamedTuple

import yaml

from .errors import ContentError

# libyaml's parser when PyYAML was built with it (the wheels are) is many times faster; on an
# error the pure-Python parser runs again, for its clearer message.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


SURROGATE = re.compile("[\ud800-\udfff]")


class LDict(dict):
    """A mapping that knows the line of each of its keys (1-based)."""

    line: int
    lines: dict[str, int]
    #: For the top-level mapping of a file: where each scalar value is written (see :class:`Span`).
    spans: dict[str, Span]


class Span(NamedTuple):
    """Where a scalar value is written in its file: character offsets, 1-based line and column,
    and its YAML style (``None`` plain, ``'"'``, ``"'"``, ``"|"`` or ``">"``)."""

    start: int
    end: int
    line: int
    column: int
    style: str | None

    @classmethod
    def of(cls, node: yaml.Node) -> Span:
        start, end = node.start_mark, node.end_mark
        return cls(start.index, end.index, start.line + 1, start.column + 1, getattr(node, "style", None))


class LList(list):
    """A sequence that knows the line of each of its items (1-based)."""

    line: int
    lines: list[int]


def line_of(value: Any, key: Any = None, default: int | None = None) -> int | None:
    """The line of ``value[key]`` (or of ``value`` itself) when known."""
    if key is not None and isinstance(value, LDict):
        return value.lines.get(key, getattr(value, "line", default))
    if key is not None and isinstance(value, LList) and isinstance(key, int):
        return value.lines[key] if key < len(value.lines) else value.line
    return getattr(value, "line", default)


def load_yaml(text: str, path: str) -> Any:
    """Parse ``text``; raise :class:`ContentError` with the line of any problem."""
    if FastLoader is not yaml.SafeLoader:
        loader = FastLoader(text)
        try:
            node = loader.get_single_node()
            return None if node is None else _build(loader, node, path, top=True)
        except yaml.YAMLError:
            pass
        finally:
            loader.dispose()
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise ContentError(
            path,
            line,
            None,
            f"a character YAML does not allow (U+{exc.character:04X})",
            "delete it: retype that part of the line",
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        return _build(loader, node, path, top=True)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or exc.context or "not valid YAML"
        raise ContentError(
            path,
            line,
            None,
            f"this is not valid YAML: {problem}",
            "check indentation and quoting on this line; text containing ': ' or "
            "starting with a special character (*, &, !, %, @, `) needs quotes",
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError(path, None, None, f"this is not valid YAML: {exc}") from None
    finally:
        loader.dispose()


class Layout(NamedTuple):
    """Where a file's top-level scalar values are written, and a checksum of the file's text,
    so that a reader of the same text (the checks) need not parse it again."""

    checksum: int
    spans: tuple[tuple[str, Span], ...]

    @classmethod
    def of(cls, text: str, data: Any) -> Layout | None:
        spans = getattr(data, "spans", None)
        return None if spans is None else cls(_checksum(text), tuple(spans.items()))

    @classmethod
    def parse(cls, text: str) -> Layout:
        """The layout of ``text`` read afresh: no values when it is not a YAML mapping."""
        try:
            root = yaml.compose(text, Loader=FastLoader)
        except yaml.YAMLError:
            root = None
        spans = (
            [(key.value, Span.of(value)) for key, value in root.value if isinstance(value, yaml.ScalarNode)]
            if isinstance(root, yaml.MappingNode)
            else []
        )
        return cls(_checksum(text), tuple(spans))

    def matches(self, text: str) -> bool:
        return _checksum(text) == self.checksum


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass"))


STR = "tag:yaml.org,2002:str"


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: str, top: bool = False) -> Any:
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = LDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        if top:
            result.spans = {}
        for key_node, value_node in node.value:
            key = key_node.value if key_node.tag == STR else loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise ContentError(
                    path,
                    line,
                    key,
                    f"this key is given twice (first on line {result.lines[key]})",
                    "keep one of the two and delete the other",
                )
            result[key] = _build(loader, value_node, path)
            result.lines[key] = line
            if top and isinstance(value_node, yaml.ScalarNode):
                result.spans[key] = Span.of(value_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        seq = LList(_build(loader, item, path) for item in node.value)
        seq.line = node.start_mark.line + 1
        seq.lines = [item.start_mark.line + 1 for item in node.value]
        return seq
    if node.tag == STR:  # what the constructor would return, without its bookkeeping
        value = node.value
    else:
        try:
            value = loader.construct_object(node, deep=True)
        except ValueError:  # e.g. 2024-02-30: keep the text, so the field check can name it
            return node.value
    if isinstance(value, str) and SURROGATE.search(value):
        raise ContentError(
            path,
            node.start_mark.line + 1,
            None,
            "an escape (\\uD800 to \\uDFFF) that is not a character",
            "delete the escape sequence, or write the character itself",
        )
    return value
