"""Safe YAML parsing that keeps node positions, so every error can name its line."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

import yaml

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
    """Parse one YAML document safely; refuse aliases, duplicate keys, merge keys and tags."""
    loader = _Loader(text)
    try:
        if deep := _too_deep(text):
            raise _error(_DEEP_WORDS, deep, line_offset)
        node = loader.get_single_node()
        data = None if node is None else _data(loader, node, text, line_offset)
    except yaml.composer.ComposerError as exc:
        if exc.problem and exc.problem.startswith("but found another document"):
            raise _error(_SECOND_DOCUMENT, exc.problem_mark, line_offset) from None
        raise _yaml_error(exc, text, line_offset) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, text, line_offset) from None
    except yaml.reader.ReaderError as exc:
        # Raised before any parsing, with a character offset rather than a mark.
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        message = f"the file holds a control character (#x{exc.character:04X}) that text may not contain"
        raise YamlSourceError(message, line + line_offset, column) from None
    finally:
        loader.dispose()
    return Parsed(data, text, line_offset)


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, line_offset: int) -> YamlSourceError:
    """PyYAML's error at its position, in plain words where we know them."""
    problem = exc.problem or "unreadable"
    at_context = exc.context_mark is not None and problem.startswith(_AT_CONTEXT)
    mark = exc.context_mark if at_context else exc.problem_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
    message = _TAB_WORDS if tab else _plain(problem)
    return YamlSourceError(f"invalid YAML: {message}", line + line_offset, column)


def _plain(problem: str) -> str:
    """PyYAML's message, in plain words where we know them."""
    for start, words in _PLAIN_WORDS.items():
        if problem.startswith(start):
            return words
    return problem


_STR = "tag:yaml.org,2002:str"
#: Tags content may use: the plain types, and the non-specific '!'. Any other tag (an
#: explicit '!!python/...', '!!binary', '!!timestamp' or a local '!tag') is refused.
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
#: A lone '=' (YAML 1.1's "value" key) resolves to a tag PyYAML cannot construct: it is text.
_VALUE = "tag:yaml.org,2002:value"
_CONTAINER_TAGS: dict[type[yaml.Node], str] = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}
_MERGE = "tag:yaml.org,2002:merge"
_TAG_WORDS = "invalid YAML: " + _PLAIN_WORDS["could not determine a constructor for the tag"]
_MERGE_WORDS = "'<<' merge keys are not allowed in content; write each field out"
_ALIAS_WORDS = "anchors (&) and aliases (*) are not allowed in content; write each value out"
_SECOND_DOCUMENT = "invalid YAML: a file holds one document; remove the second '---'"
#: Content nests a few levels. PyYAML's C composer recurses, and crashed the interpreter on
#: 50,000 levels of '[' (a 100 KB file); 20,000 were read.
MAX_DEPTH = 100
_DEEP_WORDS = f"lists and mappings nest more than {MAX_DEPTH} levels deep; content needs a few"


def _data(loader: _Loader, root: yaml.Node, text: str, line_offset: int) -> Any:
    """Check the node tree for what content may not use, then construct its plain data.

    The walk keeps its own stack, so deep nesting cannot overflow Python's. An alias is
    the node it names met a second time; it is refused before anything is expanded, so a
    "billion laughs" file costs nothing.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise _error(_ALIAS_WORDS, _alias_mark(text) or node.start_mark, line_offset)
        seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            _check_scalar(node, line_offset)
            continue
        if node.tag != _CONTAINER_TAGS[type(node)]:
            raise _error(_TAG_WORDS, node.start_mark, line_offset)
        if isinstance(node, yaml.MappingNode):
            _check_keys(loader, node, line_offset)
            stack += [child for pair in reversed(node.value) for child in reversed(pair)]
        else:
            stack += reversed(node.value)
    return loader.construct_document(root)


def _check_scalar(node: yaml.ScalarNode, line_offset: int) -> None:
    if node.tag == _VALUE:
        node.tag = _STR
    elif node.tag == _MERGE:
        raise _error(_MERGE_WORDS, node.start_mark, line_offset)
    elif node.tag not in _SCALAR_TAGS:
        raise _error(_TAG_WORDS, node.start_mark, line_offset)


def _check_keys(loader: _Loader, node: yaml.MappingNode, line_offset: int) -> None:
    """Each key is plain text (or a number) and new to its mapping."""
    lines: dict[Any, int] = {}
    for key, _ in node.value:
        if not isinstance(key, yaml.ScalarNode):
            message = "a field name must be plain text, not a list or mapping"
            raise _error(message, key.start_mark, line_offset)
        _check_scalar(key, line_offset)
        value = loader.construct_object(key)
        if value in lines:
            first = lines[value] + 1 + line_offset
            message = f"duplicate key '{key.value}' (first at line {first}); keep one"
            raise _error(message, key.start_mark, line_offset)
        lines[value] = key.start_mark.line


def _too_deep(text: str) -> Any:
    """Where lists and mappings first nest deeper than MAX_DEPTH, if they do.

    Nesting that deep needs '[' or '{' (indenting is bounded by the file size limit), so
    only a file with that many of them is scanned, event by event, before composing.
    """
    if text.count("[") + text.count("{") < MAX_DEPTH:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return event.start_mark
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None


def _alias_mark(text: str) -> Any:
    """Where the first alias is: the node tree shares the named node, so ask the parser."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark
    return None


def _error(message: str, mark: Any, line_offset: int) -> YamlSourceError:
    # The C parser's marks are its own type; both have .line and .column.
    return YamlSourceError(message, mark.line + 1 + line_offset, mark.column + 1)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split '---' front matter from a Markdown body; return (yaml, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise YamlSourceError("a guide must start with '---' front matter", 1, 1)
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise YamlSourceError("front matter is not closed with '---'", 1, 1)
