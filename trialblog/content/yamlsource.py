"""YAML loading that remembers the line of every key and refuses duplicate keys."""

from __future__ import annotations

import re
import zlib
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import ContentError
from .yamllimits import AliasBudget, check_depth

# libyaml's parser when PyYAML was built with it (the wheels are) is many times faster; on an
# error the pure-Python parser runs again, for its clearer message.
FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


STR = "tag:yaml.org,2002:str"


def _implicit_resolvers(loader: type) -> tuple[dict[str, tuple], tuple]:
    """``loader``'s implicit resolvers by the first character of a plain scalar ('' for an empty
    one), each list followed by the resolvers for any character; and those alone."""
    table = loader.yaml_implicit_resolvers
    anywhere = tuple(table.get(None, ()))
    return {first: (*found, *anywhere) for first, found in table.items() if first is not None}, anywhere


class ComposeLoader(FastLoader):  # type: ignore[misc, valid-type]
    """FastLoader with the resolver cut down to what it does without path resolvers: the same
    tags, from one table lookup per plain scalar instead of a list built for each (the table of
    the implicit resolvers registered when this module is imported)."""

    RESOLVERS, ANYWHERE = _implicit_resolvers(FastLoader)

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in self.RESOLVERS.get(value[:1], self.ANYWHERE):
                    if regexp.match(value):
                        return tag
            return self.DEFAULT_SCALAR_TAG
        return self.DEFAULT_SEQUENCE_TAG if kind is SequenceNode else self.DEFAULT_MAPPING_TAG

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """Nothing to follow: there are no path resolvers."""

    def ascend_resolver(self) -> None:
        """Nothing to follow: there are no path resolvers."""


# Path resolvers (none are registered by PyYAML or trialblog) need the full resolver.
Loader = FastLoader if FastLoader.yaml_path_resolvers else ComposeLoader


SURROGATE = re.compile("[\ud800-\udfff]")
#: A double-quoted escape that may stand for a surrogate; without it (and without a surrogate
#: in the text) no value of the file can hold one.
SURROGATE_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")


class LDict(dict):
    """A mapping that knows the line of each of its keys (1-based)."""

    __slots__ = ("line", "lines", "spans")
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

    __slots__ = ("line", "lines")
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
    check_depth(text, path, Loader)
    if FastLoader is not yaml.SafeLoader:
        loader = Loader(text)
        try:
            node = loader.get_single_node()
            return None if node is None else _build(loader, node, path, text)
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
        return _build(loader, node, path, text)
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
            check_depth(text, "", Loader)
            root = yaml.compose(text, Loader=Loader)
        except (yaml.YAMLError, ContentError):
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


#: Scalar tags whose constructors return the value at once, called without the bookkeeping of
#: ``construct_object`` (which exists for collections and aliases).
SCALAR_TAGS = tuple(f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: str, text: str) -> Any:
    """The document under ``node`` as values: mappings as :class:`LDict` (the top one with its
    spans), sequences as :class:`LList`."""
    builder = _Builder(loader, path, text)
    return builder.mapping(node, top=True) if isinstance(node, MappingNode) else builder.value(node)


class _Builder:
    """Builds the values of one file's nodes, skipping the work its text shows is not needed:
    merge keys (``<<``, ``=`` or a tag) and surrogates (one in the text, or an escape of one)."""

    def __init__(self, loader: yaml.SafeLoader, path: str, text: str):
        self.loader = loader
        self.path = path
        self.flatten = "<<" in text or "=" in text or "!" in text
        self.surrogates = bool(SURROGATE.search(text) or SURROGATE_ESCAPE.search(text))
        self.budget = AliasBudget.needed(text, path)
        constructors = loader.yaml_constructors
        self.constructors = {tag: constructors[tag] for tag in SCALAR_TAGS if tag in constructors}

    def mapping(self, node: MappingNode, top: bool = False) -> LDict:
        loader = self.loader
        if self.flatten:
            loader.flatten_mapping(node)
        result = LDict()
        result.line = node.start_mark.line + 1
        lines: dict[str, int] = {}
        result.lines = lines
        if top:
            result.spans = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise ContentError(
                    self.path,
                    line,
                    None,
                    "a list or mapping is used as a key",
                    "a key is a word followed by a colon (`title: ...`); check the brackets and `?` here",
                )
            key = key_node.value if key_node.tag == STR else loader.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise ContentError(
                    self.path,
                    line,
                    key,
                    f"this key is given twice (first on line {lines[key]})",
                    "keep one of the two and delete the other",
                )
            result[key] = self.value(value_node)
            if top and isinstance(value_node, ScalarNode):
                result.spans[key] = Span.of(value_node)
            lines[key] = line
        return result

    def value(self, node: yaml.Node) -> Any:
        if self.budget is not None:
            self.budget.count(node)
        if isinstance(node, ScalarNode):
            # without surrogates in the file, a string node's text is its value
            return node.value if not self.surrogates and node.tag == STR else self.scalar(node)
        return self.mapping(node) if isinstance(node, MappingNode) else self.sequence(node)

    def sequence(self, node: SequenceNode) -> LList:
        seq = LList([self.value(item) for item in node.value])
        seq.line = node.start_mark.line + 1
        seq.lines = [item.start_mark.line + 1 for item in node.value]
        return seq

    def scalar(self, node: ScalarNode) -> Any:
        if node.tag == STR:  # what the constructor would return, without its bookkeeping
            value = node.value
        else:
            construct = self.constructors.get(node.tag)
            try:
                value = (
                    construct(self.loader, node)
                    if construct
                    else self.loader.construct_object(node, deep=True)
                )
            except ValueError:  # e.g. 2024-02-30: keep the text, so the field check can name it
                return node.value
        if isinstance(value, str) and SURROGATE.search(value):
            raise ContentError(
                self.path,
                node.start_mark.line + 1,
                None,
                "an escape (\\uD800 to \\uDFFF) that is not a character",
                "delete the escape sequence, or write the character itself",
            )
        return value
