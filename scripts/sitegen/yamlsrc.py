"""Safe YAML parsing that keeps node positions, so every error can name its line."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, ClassVar

import yaml
from yaml.constructor import SafeConstructor

# The C loader is about 4x faster on large corpora; fall back when it is not compiled in.
_CLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_CLoader):  # type: ignore[valid-type,misc]
    """The safe loader, except that dates stay text for the models to read.

    PyYAML turns 2026-13-45 into a crash (ValueError, no position); as text, the model
    reports it at its field with the line, like any other bad value.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
        for first, resolvers in _CLoader.yaml_implicit_resolvers.items()
    }


#: PyYAML's wording for the mistakes authors make most, said in words an author knows.
#: Keyed by the start of PyYAML's own message; anything else keeps PyYAML's words.
_PLAIN_WORDS = {
    "found character": "a value cannot start with this character; put the text in quotes",
    "mapping values are not allowed": (
        "a ':' where YAML did not expect one; put text that holds ': ' in quotes, or fix the indenting"
    ),
    "could not find expected ':'": "a line is missing its 'field:' or is indented wrongly",
    "found undefined alias": "'*' starts an alias, which content may not use; put the text in quotes",
    "found unknown escape character": "a backslash escape YAML does not know; use single quotes",
    "expected <block end>, but found": "the indenting is uneven here; line up fields at the same level",
    "did not find expected key": "the indenting is uneven here; line up fields at the same level",
    "did not find expected '-' indicator": "a list item is indented differently from the others",
    "could not determine a constructor for the tag": "YAML tags (such as '!!python/...') are not allowed",
    "did not find expected ',' or ']'": "this '[' list is not closed with ']'",
    "did not find expected ',' or '}'": "this '{' mapping is not closed with '}'",
    "found unexpected end of stream": "this quote is not closed",
}
#: Faults PyYAML notices only later; they are reported where the unclosed thing opened.
_AT_CONTEXT = ("did not find expected ',' or", "found unexpected end of stream")
#: Said instead when the character at the fault is a tab, whatever PyYAML called it.
_TAB_WORDS = "a tab is used for indenting; YAML needs spaces (use 2 spaces per level)"


class YamlSourceError(ValueError):
    """A YAML document that cannot be read, with the 1-based position of the fault."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Parsed:
    """A parsed document: plain data, and the text it came from for locating problems."""

    data: Any
    text: str | None
    line_offset: int = 0

    @cached_property
    def node(self) -> yaml.Node | None:
        """The document's node tree, composed only when a problem needs a position.

        Most files have no problem, so the fast path never builds (or keeps) node trees.
        """
        return None if self.text is None else yaml.compose(self.text, Loader=_Loader)

    def position(self, loc: Sequence[str | int]) -> tuple[int, int]:
        """Return the 1-based (line, column) of the deepest node `loc` reaches."""
        node = self.node
        if node is None:
            return 1 + self.line_offset, 1
        mark = node.start_mark
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node, mark = child
        return mark.line + 1 + self.line_offset, mark.column + 1


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Mark] | None:
    """Step one level down; for a mapping key, point at the key so unknown fields show."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                # Scalars are reported at the value, containers at their key.
                mark = value.start_mark if isinstance(value, yaml.ScalarNode) else key.start_mark
                return value, mark
        return None
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        item = node.value[part]
        return item, item.start_mark
    return None


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document safely; refuse aliases, duplicate keys and tags."""
    try:
        data = _Builder(text, line_offset).document()
    except yaml.MarkedYAMLError as exc:
        problem = exc.problem or "unreadable"
        at_context = exc.context_mark is not None and problem.startswith(_AT_CONTEXT)
        mark = exc.context_mark if at_context else exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        message = _TAB_WORDS if tab else _plain(problem)
        raise YamlSourceError(f"invalid YAML: {message}", line + line_offset, column) from None
    except yaml.reader.ReaderError as exc:
        # Raised before any parsing, with a character offset rather than a mark.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        message = f"the file holds a control character (#x{exc.character:04X}) that text may not contain"
        raise YamlSourceError(message, line + line_offset, column) from None
    return Parsed(data, text, line_offset)


def _plain(problem: str) -> str:
    """PyYAML's message, in plain words where we know them."""
    for start, words in _PLAIN_WORDS.items():
        if problem.startswith(start):
            return words
    return problem


_SAFE = SafeConstructor()
_STR = "tag:yaml.org,2002:str"
#: How each scalar type becomes a value. Any other tag (an explicit '!!python/...',
#: '!!binary', '!!timestamp' or a local '!tag') is refused: content needs none.
_SCALARS: dict[str, Callable[[yaml.ScalarNode], Any]] = {
    _STR: operator.attrgetter("value"),
    "tag:yaml.org,2002:int": _SAFE.construct_yaml_int,
    "tag:yaml.org,2002:float": _SAFE.construct_yaml_float,
    "tag:yaml.org,2002:bool": _SAFE.construct_yaml_bool,
    "tag:yaml.org,2002:null": _SAFE.construct_yaml_null,
    # A lone '=' (YAML 1.1's "value" key), which PyYAML cannot construct: it is just text.
    "tag:yaml.org,2002:value": operator.attrgetter("value"),
}
#: Tags a mapping or a list may carry: none, the non-specific '!', or its own type.
_CONTAINER_TAGS = {
    yaml.MappingStartEvent: (None, "!", "tag:yaml.org,2002:map"),
    yaml.SequenceStartEvent: (None, "!", "tag:yaml.org,2002:seq"),
}
_MERGE = "tag:yaml.org,2002:merge"
#: Implicit types of plain scalars, by first character (dates excluded, see _Loader).
_IMPLICIT = _Loader.yaml_implicit_resolvers
_TAG_WORDS = "invalid YAML: " + _PLAIN_WORDS["could not determine a constructor for the tag"]
_MERGE_WORDS = "'<<' merge keys are not allowed in content; write each field out"
_ALIAS_WORDS = "anchors (&) and aliases (*) are not allowed in content; write each value out"
_SECOND_DOCUMENT = "invalid YAML: a file holds one document; remove the second '---'"
#: Marks a mapping that is waiting for its next key.
_NO_KEY = object()


#: What _plain_value returns for a plain '<<', which content may not use.
_MERGE_KEY = object()


@lru_cache(maxsize=1 << 12)
def _plain_value(text: str) -> Any:
    """A plain scalar that may not be text: its value by YAML 1.1's implicit types.

    Field names, numbers and true/false recur on every line of every file, so each
    distinct one is resolved once.
    """
    for tag, pattern in _IMPLICIT.get(text[:1], ()):
        if pattern.match(text):
            if tag == _MERGE:
                return _MERGE_KEY
            return _SCALARS[tag](yaml.ScalarNode(tag, text))
    return text


class _Builder:
    """Build plain data straight from the parser's events, refusing what content may not use.

    PyYAML's own path composes a node tree, then constructs values from it; a safety walk
    over the tree came third. Reading events once with a stack of open containers does all
    three at about half the cost, cannot overflow Python's stack on deep nesting, and
    keeps no tree. An alias is refused where it appears, before anything is expanded, so
    a "billion laughs" file costs nothing.
    """

    def __init__(self, text: str, line_offset: int) -> None:
        self.text = text
        self.line_offset = line_offset

    def document(self) -> Any:
        """The single document's data (None for an empty file)."""
        parser = _Loader(self.text)
        try:
            parser.get_event()  # stream start
            if parser.check_event(yaml.StreamEndEvent):
                return None
            parser.get_event()  # document start
            data = self._value(parser)
            parser.get_event()  # document end
            if not parser.check_event(yaml.StreamEndEvent):
                raise self._error(_SECOND_DOCUMENT, parser.get_event().start_mark)
            return data
        finally:
            parser.dispose()

    def _value(self, parser: Any) -> Any:
        """The next node's value, reading events until it is complete."""
        # Open containers, innermost last, each with its mapping's pending key (or _NO_KEY)
        # and the line of each key so far, to name a duplicate's first line (None: a list).
        open_: list[tuple[Any, Any, dict[Any, int] | None]] = []
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                value = self._scalar(event)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                value = self._container(event, kind)
            elif kind is yaml.AliasEvent:
                raise self._error(_ALIAS_WORDS, event.start_mark)
            else:  # the end of the innermost container, filled in place
                finished = open_.pop()[0]
                if not open_:
                    return finished
                continue
            if open_:
                container, key, lines = open_[-1]
                if lines is None:
                    container.append(value)
                elif key is _NO_KEY:
                    self._check_key(value, event, lines)
                    lines[value] = event.start_mark.line
                    open_[-1] = (container, value, lines)
                    continue
                else:
                    container[key] = value
                    open_[-1] = (container, _NO_KEY, lines)
            if kind is yaml.MappingStartEvent:
                open_.append((value, _NO_KEY, {}))
            elif kind is yaml.SequenceStartEvent:
                open_.append((value, _NO_KEY, None))
            elif not open_:
                return value

    def _scalar(self, event: Any) -> Any:
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            # Quoted text is always text; plain text may be a number, true/false or null.
            if not event.implicit[0] or value[:1] not in _IMPLICIT:
                return value
            value = _plain_value(value)
            if value is _MERGE_KEY:
                raise self._error(_MERGE_WORDS, event.start_mark)
            return value
        if tag == _MERGE:
            raise self._error(_MERGE_WORDS, event.start_mark)
        convert = _SCALARS.get(tag)
        if convert is None:
            raise self._error(_TAG_WORDS, event.start_mark)
        return convert(yaml.ScalarNode(tag, value, event.start_mark, event.end_mark))

    def _container(self, event: yaml.CollectionStartEvent, kind: Any) -> Any:
        if event.tag not in _CONTAINER_TAGS[kind]:
            raise self._error(_TAG_WORDS, event.start_mark)
        return {} if kind is yaml.MappingStartEvent else []

    def _check_key(self, key: Any, event: Any, lines: dict[Any, int]) -> None:
        """A key must be plain text (or a number) and new to its mapping."""
        if type(key) is dict or type(key) is list:
            raise self._error("a field name must be plain text, not a list or mapping", event.start_mark)
        if key in lines:
            first = lines[key] + 1 + self.line_offset
            message = f"duplicate key '{event.value}' (first at line {first}); keep one"
            raise self._error(message, event.start_mark)

    def _error(self, message: str, mark: Any) -> YamlSourceError:
        # The C parser's marks are its own type; both have .line and .column.
        return YamlSourceError(message, mark.line + 1 + self.line_offset, mark.column + 1)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split '---' front matter from a Markdown body; return (yaml, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise YamlSourceError("a guide must start with '---' front matter", 1, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise YamlSourceError("front matter is not closed with '---'", 1, 1)
