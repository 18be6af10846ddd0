"""Tests for sitegen.yamlsrc: positions, duplicate keys, aliases, front matter."""

from __future__ import annotations

import pytest

from sitegen.yamlsrc import YamlSourceError, parse, split_front_matter

DOC = """\
name: Test
steps:
  - one
  - two
dose:
  reps: 10
  sets: 2
"""


def test_positions_follow_the_location_path() -> None:
    parsed = parse(DOC)
    assert parsed.data["steps"] == ["one", "two"]
    assert parsed.position(("name",)) == (1, 7)
    assert parsed.position(("steps", 1)) == (4, 5)
    assert parsed.position(("dose", "sets")) == (7, 9)


def test_containers_are_reported_at_their_key() -> None:
    assert parse(DOC).position(("dose",)) == (5, 1)


def test_missing_parts_stop_at_the_deepest_existing_node() -> None:
    parsed = parse(DOC)
    assert parsed.position(("dose", "source")) == (5, 1)
    assert parsed.position(("steps", 9)) == (2, 1)
    assert parsed.position(("nothing",)) == (1, 1)


def test_line_offset_shifts_positions_for_front_matter() -> None:
    assert parse("title: x\n", line_offset=1).position(("title",)) == (2, 8)


def test_duplicate_keys_are_refused_with_their_line() -> None:
    with pytest.raises(YamlSourceError) as info:
        parse("name: a\nsummary: b\nname: c\n")
    assert (info.value.line, info.value.message) == (3, "duplicate key 'name' (first at line 1); keep one")


def test_aliases_are_refused() -> None:
    with pytest.raises(YamlSourceError, match="aliases"):
        parse("a: &x [1, 2]\nb: *x\n")


def test_syntax_errors_carry_a_position() -> None:
    with pytest.raises(YamlSourceError) as info:
        parse("name: a\nsteps: [one\n")
    assert info.value.line >= 2
    assert info.value.message.startswith("invalid YAML")


def test_unsafe_tags_are_refused() -> None:
    with pytest.raises(YamlSourceError):
        parse("x: !!python/object/apply:os.system ['true']\n")


def test_front_matter_split() -> None:
    front, body, first = split_front_matter("---\ntitle: x\n---\n\nBody\n")
    assert (front, body, first) == ("title: x", "\nBody\n", 4)
    with pytest.raises(YamlSourceError):
        split_front_matter("title: x\n")
    with pytest.raises(YamlSourceError):
        split_front_matter("---\ntitle: x\n")
