"""Tests for sitegen.content.yamlsrc: positions, duplicate keys, aliases, front matter."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from sitegen.content.yamlsrc import MAX_DEPTH, YamlSourceError, _Loader, parse, split_front_matter

from ..conftest import ROOT

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


def test_aliases_are_refused_where_they_appear() -> None:
    with pytest.raises(YamlSourceError, match="aliases") as info:
        parse("a: &x [1, 2]\nb: *x\n")
    assert (info.value.line, info.value.column) == (2, 4)


@pytest.mark.parametrize(
    ("text", "position", "message"),
    [
        ("<<: {a: 1}\n", (1, 1), "'<<' merge keys are not allowed"),
        ("? [a]\n: 1\n", (1, 3), "a field name must be plain text"),
        ("a: 1\n---\nb: 2\n", (2, 1), "a file holds one document"),
        ("a: !local x\n", (1, 4), "YAML tags"),
        ("a: !!binary aGk=\n", (1, 4), "YAML tags"),
        ("a: !!set {x}\n", (1, 4), "YAML tags"),
    ],
)
def test_what_content_never_needs_is_refused_at_its_place(
    text: str, position: tuple[int, int], message: str
) -> None:
    with pytest.raises(YamlSourceError, match=message) as info:
        parse(text)
    assert (info.value.line, info.value.column) == position


def test_scalars_resolve_as_yaml_says() -> None:
    text = 'a: !!str 12\nb: !!int "3"\nc: 010\nd: 1_000\ne: yes\nf: ~\ng: ""\nh: =\ni: 2026-11-02\n'
    assert parse(text).data == {
        "a": "12", "b": 3, "c": 8, "d": 1000, "e": True, "f": None, "g": "", "h": "=", "i": "2026-11-02"
    }  # fmt: skip


#: Characters that make plain scalars numbers, booleans, nulls or text, in every mix.
_SCALAR_CHARS = st.text(alphabet="0123456789abefilnorstuxyABEFILNOSTY.+-_:~= ", min_size=1, max_size=12)


@given(_SCALAR_CHARS)
def test_plain_scalars_resolve_as_pyyaml_resolves_them(value: str) -> None:
    text = f"a: {value}\nb: {value}\n"  # twice: the second is resolved from the cache
    try:
        expected = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError:
        assume(False)
    assume(isinstance(expected, dict) and not isinstance(expected.get("a"), dict | list))
    data = parse(text).data
    assert data == expected or (expected["a"] != expected["a"] and repr(data) == repr(expected))  # NaN
    assert type(data["a"]) is type(expected["a"]) and type(data["b"]) is type(expected["b"])


def test_deep_nesting_is_refused_where_it_gets_too_deep_not_crashing() -> None:
    # The mapping is the first level; its value's lists the rest.
    assert parse("x: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n").data is not None
    # 100,000 levels crash PyYAML's C composer; the nesting is refused before composing.
    for levels in (MAX_DEPTH, 100_000):
        with pytest.raises(YamlSourceError) as caught:
            parse("x: " + "[" * levels + "]" * levels + "\n")
        assert (caught.value.line, caught.value.column) == (1, 3 + MAX_DEPTH)
        assert caught.value.message.startswith("lists and mappings nest more than 100 levels deep")


@pytest.mark.parametrize("folder", ["exercises", "content"])
def test_every_real_source_reads_as_pyyaml_reads_it(folder: str) -> None:
    """The safety walk changes nothing: the data is what PyYAML's own loader gives (dates kept as text)."""
    paths = [*sorted((ROOT / folder).rglob("*.yaml"))]
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert parse(text).data == yaml.load(text, Loader=_Loader), path


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
