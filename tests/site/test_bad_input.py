"""The bad-input corpus: each mistake an author can make, with the exact report it must give.

Every case breaks a copy of the built fixture project, runs `sitegen build` and checks that
the build fails, that the report lists exactly the expected `file:line:column: field:
message` lines (all of them, nothing else), and that the previous site/ is byte for byte
untouched.
"""

# The expected reports are kept whole, one per line, so each reads as the author sees it.
# ruff: noqa: E501

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitegen.cli import main

from ..conftest import FIXTURE_CORPUS, run_sitegen, tree_digest

Change = Callable[[Path], None]
EXERCISE = "exercises/alpha-slide.yaml"
OTHER_EXERCISE = "exercises/beta-hold.yaml"
#: The fixture's second key pose begins so; its first pose, whole.
SECOND_POSE = "    - hips: [0, 28.5]\n      angles:\n        neck: -30"
FIRST_POSE = (FIXTURE_CORPUS / EXERCISE).read_text("utf-8").split("  poses:\n")[1].split(SECOND_POSE)[0]
ANATOMY = "content/anatomy/muscle-two.yaml"
REFERENCE = "content/references/ref-one.yaml"
ROUTINE = "content/routines/test-routine.yaml"
GUIDE = "content/learn/what-is-sciatica.md"
RED_FLAGS = "content/red-flags.yaml"
SESSION = "content/session.yaml"
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/exercise.schema.json\n"
#: A problem line as the build prints it: path:line:column: field: message.
PROBLEM_LINE = re.compile(r"^[\w ./-]+:\d+:\d+: ")


def replace(rel: str, old: str, new: str) -> Change:
    """A change that replaces the first `old` in a file by `new`."""

    def apply(project: Path) -> None:
        path = project / rel
        text = path.read_text("utf-8")
        assert old in text, f"{rel} no longer contains {old!r}"
        path.write_text(text.replace(old, new, 1), "utf-8")

    return apply


def write(rel: str, content: str | bytes) -> Change:
    """A change that writes a whole file."""

    def apply(project: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (project / rel).write_bytes(data)

    return apply


def drop_field(rel: str, name: str) -> Change:
    """A change that deletes a top-level field and everything indented under it."""

    def apply(project: Path) -> None:
        path = project / rel
        lines = path.read_text("utf-8").splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.startswith(f"{name}:"))
        end = next(
            (i for i in range(start + 1, len(lines)) if not lines[i].startswith((" ", "-"))), len(lines)
        )
        path.write_text("".join(lines[:start] + lines[end:]), "utf-8")

    return apply


def replace_bytes(rel: str, old: bytes, new: bytes) -> Change:
    """A change made on the raw bytes (to write text that is not UTF-8)."""

    def apply(project: Path) -> None:
        path = project / rel
        data = path.read_bytes()
        assert old in data, f"{rel} no longer contains {old!r}"
        path.write_bytes(data.replace(old, new, 1))

    return apply


def cut_after(rel: str, start: str, resume: str | None) -> Change:
    """A change that deletes a file's text from `start` up to the line starting `resume` (or the end)."""

    def apply(project: Path) -> None:
        path = project / rel
        text = path.read_text("utf-8")
        begin = text.index(start)
        end = len(text) if resume is None else text.index("\n" + resume, begin) + 1
        path.write_text(text[:begin] + text[end:], "utf-8")

    return apply


#: Text no reader should have to meet.
HARD = (
    "Neurodynamic mobilisation interventions characteristically demonstrate considerable "
    "interindividual variability regarding symptomatic amelioration."
)


def copy(source: str, rel: str) -> Change:
    """A change that copies one source file to a new name."""
    return lambda project: shutil.copy(project / source, project / rel)


@dataclass(frozen=True)
class Case:
    """One broken source and every problem line the build must report for it."""

    name: str
    changes: tuple[Change, ...]
    expected: tuple[str, ...]


ALIAS_BOMB = "\n".join(
    [
        "# yaml-language-server: $schema=../schemas/exercise.schema.json",
        "id: bomb",
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
    ]
    + [
        f"{x}: &{x} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]"
        for p, x in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)

CASES = (
    Case(
        "yaml syntax error",
        (replace(EXERCISE, "equipment: [chair]", "equipment: [chair"),),
        ("exercises/alpha-slide.yaml:9:12: (file): invalid YAML: this '[' list is not closed with ']'",),
    ),
    Case(
        "unclosed quote",
        (replace(REFERENCE, "publisher: Test Journal", 'publisher: "Test Journal'),),
        ("content/references/ref-one.yaml:7:12: (file): invalid YAML: this quote is not closed",),
    ),
    Case(
        "tab indentation",
        (replace(EXERCISE, "  primary: [nerve-one]", "\tprimary: [nerve-one]"),),
        (
            "exercises/alpha-slide.yaml:12:1: (file): invalid YAML: a tab is used for indenting; YAML needs spaces (use 2 spaces per level)",
        ),
    ),
    Case(
        "duplicate key",
        (replace(EXERCISE, "category: nerve-glide", "category: nerve-glide\nname: Again"),),
        ("exercises/alpha-slide.yaml:7:1: (file): duplicate key 'name' (first at line 3); keep one",),
    ),
    Case(
        "empty file",
        (write("exercises/gamma-empty.yaml", ""),),
        (
            "exercises/gamma-empty.yaml:1:1: (document): the file is empty; fill in the fields that schemas/exercise.schema.json lists",
            "exercises/gamma-empty.yaml:1:1: (file): first line must be '# yaml-language-server: $schema=../schemas/exercise.schema.json'",
        ),
    ),
    Case(
        "only a comment",
        (write("exercises/gamma-empty.yaml", SCHEMA_LINE),),
        (
            "exercises/gamma-empty.yaml:1:1: (document): the file is empty; fill in the fields that schemas/exercise.schema.json lists",
        ),
    ),
    Case(
        "a list, not a mapping",
        (write(ANATOMY, "- id: muscle-two\n"),),
        (
            "content/anatomy/muscle-two.yaml:1:1: (document): expected a mapping of fields ('field: value' lines)",
            "content/anatomy/muscle-two.yaml:1:1: (file): first line must be '# yaml-language-server: $schema=../../schemas/anatomy.schema.json'",
        ),
    ),
    Case(
        "not utf-8",
        (replace_bytes(EXERCISE, b"Sit on a firm chair", "Sit on a café chair".encode("latin-1")),),
        ("exercises/alpha-slide.yaml:15:17: (file): not UTF-8 text (byte 0xE9); save the file as UTF-8",),
    ),
    Case(
        "wrong type",
        (replace(EXERCISE, "  reps: 10", "  reps: ten"),),
        (
            "exercises/alpha-slide.yaml:23:9: dose.reps: expected a whole number or a range such as {low: 8, high: 12}",
        ),
    ),
    Case(
        "number out of range",
        (replace(EXERCISE, "  reps: 10", "  reps: 0"),),
        ("exercises/alpha-slide.yaml:23:9: dose.reps: must be at least 1",),
    ),
    Case(
        "range upside down",
        (replace(EXERCISE, "sets: {low: 2, high: 3}", "sets: {low: 3, high: 2}"),),
        ("exercises/alpha-slide.yaml:24:3: dose.sets: low must be smaller than high",),
    ),
    Case(
        "word not in the list",
        (replace(EXERCISE, "category: nerve-glide", "category: nerve-flossing"),),
        (
            "exercises/alpha-slide.yaml:6:11: category: expected one of: 'nerve-glide', 'stretch', 'mobility', 'strength' or 'posture'",
        ),
    ),
    Case(
        "missing stop rules",
        (drop_field(EXERCISE, "stop_rules"),),
        (
            "exercises/alpha-slide.yaml:2:1: stop_rules: required field is missing: When to ease off, and when to stop and get help.",
        ),
    ),
    Case(
        "missing stop rule list",
        (replace(EXERCISE, "  stop:\n    - Symptoms spread down the leg.\n", ""),),
        (
            "exercises/alpha-slide.yaml:31:1: stop_rules.stop: required field is missing: Stop and get help when...",
        ),
    ),
    Case(
        "empty stop rule list",
        (replace(EXERCISE, "  stop:\n    - Symptoms spread down the leg.\n", "  stop: []\n"),),
        ("exercises/alpha-slide.yaml:34:3: stop_rules.stop: needs at least 1 item(s)",),
    ),
    Case(
        "missing cautions",
        (drop_field(EXERCISE, "cautions"),),
        (
            "exercises/alpha-slide.yaml:2:1: cautions: required field is missing: Who should ask a clinician first.",
        ),
    ),
    Case(
        "missing dose",
        (drop_field(EXERCISE, "dose"),),
        (
            "exercises/alpha-slide.yaml:2:1: dose: required field is missing: How much and how often, with the reference that supports it.",
        ),
    ),
    Case(
        "missing dose source",
        (replace(EXERCISE, "  source: ref-one\n", ""),),
        (
            "exercises/alpha-slide.yaml:22:1: dose.source: required field is missing: Reference id that supports this dose.",
        ),
    ),
    Case(
        "missing sources",
        (drop_field(EXERCISE, "sources"),),
        (
            "exercises/alpha-slide.yaml:2:1: sources: required field is missing: Ids of the references that support this page.",
        ),
    ),
    Case(
        "missing review date",
        (drop_field(EXERCISE, "reviewed"),),
        (
            "exercises/alpha-slide.yaml:2:1: reviewed: required field is missing: Date a clinician last reviewed this.",
        ),
    ),
    Case(
        "missing next review",
        (drop_field(EXERCISE, "next_review"),),
        (
            "exercises/alpha-slide.yaml:2:1: next_review: required field is missing: Date of the next review (at most 3 years on).",
        ),
    ),
    Case(
        "unknown field",
        (replace(EXERCISE, "breathing:", "colour: red\nbreathing:"),),
        ("exercises/alpha-slide.yaml:21:9: colour: unknown field (see the schema for the allowed fields)",),
    ),
    Case(
        "misspelt field",
        (replace(EXERCISE, "cautions:", "caution:"),),
        (
            "exercises/alpha-slide.yaml:2:1: cautions: required field is missing: Who should ask a clinician first.",
            "exercises/alpha-slide.yaml:36:1: caution: unknown field; did you mean 'cautions'?",
        ),
    ),
    Case(
        "id does not match file name",
        (replace(EXERCISE, "id: alpha-slide", "id: alpha-slid"),),
        ("exercises/alpha-slide.yaml:2:5: id: id 'alpha-slid' must equal the file name 'alpha-slide'",),
    ),
    Case(
        "id escapes the folder",
        (replace(EXERCISE, "id: alpha-slide", "id: ../x"),),
        (
            "exercises/alpha-slide.yaml:2:5: id: not a valid id: use lower-case letters, digits and single hyphens, e.g. 'knee-to-chest'",
        ),
    ),
    Case(
        "id with spaces",
        (replace(EXERCISE, "id: alpha-slide", "id: alpha slide"),),
        (
            "exercises/alpha-slide.yaml:2:5: id: not a valid id: use lower-case letters, digits and single hyphens, e.g. 'knee-to-chest'",
        ),
    ),
    Case(
        "id in upper case",
        (replace(EXERCISE, "id: alpha-slide", "id: Alpha-Slide"),),
        (
            "exercises/alpha-slide.yaml:2:5: id: not a valid id: use lower-case letters, digits and single hyphens, e.g. 'knee-to-chest'",
        ),
    ),
    Case(
        "file name is not an id",
        (copy(OTHER_EXERCISE, "exercises/Beta Hold.yaml"),),
        (
            "exercises/Beta Hold.yaml:2:1: (document): file name 'Beta Hold' is not a valid id ([a-z0-9-])",
            "exercises/Beta Hold.yaml:2:5: id: duplicate exercise id 'beta-hold' (in exercises/Beta Hold.yaml, exercises/beta-hold.yaml)",
            "exercises/Beta Hold.yaml:2:5: id: id 'beta-hold' must equal the file name 'Beta Hold'",
            "exercises/Beta Hold.yaml:32:10: easier[0]: 'alpha-slide' must list 'Beta Hold' under harder (links run both ways)",
            "exercises/beta-hold.yaml:2:5: id: duplicate exercise id 'beta-hold' (in exercises/Beta Hold.yaml, exercises/beta-hold.yaml)",
        ),
    ),
    Case(
        "duplicate id",
        (copy(OTHER_EXERCISE, "exercises/beta-copy.yaml"),),
        (
            "exercises/beta-copy.yaml:2:5: id: duplicate exercise id 'beta-hold' (in exercises/beta-copy.yaml, exercises/beta-hold.yaml)",
            "exercises/beta-copy.yaml:2:5: id: id 'beta-hold' must equal the file name 'beta-copy'",
            "exercises/beta-copy.yaml:32:10: easier[0]: 'alpha-slide' must list 'beta-copy' under harder (links run both ways)",
            "exercises/beta-hold.yaml:2:5: id: duplicate exercise id 'beta-hold' (in exercises/beta-copy.yaml, exercises/beta-hold.yaml)",
        ),
    ),
    Case(
        "dangling exercise to anatomy",
        (replace(EXERCISE, "primary: [nerve-one]", "primary: [nerve-nine]"),),
        ("exercises/alpha-slide.yaml:12:13: targets.primary[0]: no anatomy with id 'nerve-nine'",),
    ),
    Case(
        "dangling exercise to exercise",
        (replace(EXERCISE, "harder: [beta-hold]", "harder: [beta-hold, gamma-jump]"),),
        ("exercises/alpha-slide.yaml:38:21: harder[1]: no exercise with id 'gamma-jump'",),
    ),
    Case(
        "dangling exercise to reference",
        (replace(EXERCISE, "sources: [ref-one]", "sources: [ref-nine]"),),
        ("exercises/alpha-slide.yaml:42:11: sources[0]: no reference with id 'ref-nine'",),
    ),
    Case(
        "dangling dose source",
        (replace(EXERCISE, "  source: ref-one", "  source: ref-nine"),),
        ("exercises/alpha-slide.yaml:27:11: dose.source: no reference with id 'ref-nine'",),
    ),
    Case(
        "dangling anatomy to anatomy",
        (replace(ANATOMY, "kind: muscle", "kind: muscle\nrelated: [muscle-nine]"),),
        ("content/anatomy/muscle-two.yaml:7:11: related[0]: no anatomy with id 'muscle-nine'",),
    ),
    Case(
        "dangling anatomy to reference",
        (replace(ANATOMY, "sources: [ref-two]", "sources: [ref-nine]"),),
        ("content/anatomy/muscle-two.yaml:12:11: sources[0]: no reference with id 'ref-nine'",),
    ),
    Case(
        "dangling routine to exercise",
        (replace(ROUTINE, "  - exercise: beta-hold", "  - exercise: beta-holt"),),
        ("content/routines/test-routine.yaml:10:15: items[1].exercise: no exercise with id 'beta-holt'",),
    ),
    Case(
        "dangling routine to reference",
        (replace(ROUTINE, "sources: [ref-one]", "sources: [ref-nine]"),),
        ("content/routines/test-routine.yaml:15:11: sources[0]: no reference with id 'ref-nine'",),
    ),
    Case(
        "dangling guide to reference",
        (replace(GUIDE, "sources: [ref-one]", "sources: [ref-nine]"),),
        ("content/learn/what-is-sciatica.md:7:11: sources[0]: no reference with id 'ref-nine'",),
    ),
    Case(
        "dangling guide to exercise",
        (replace(GUIDE, "sources: [ref-one]", "sources: [ref-one]\nexercises: [gamma-jump]"),),
        ("content/learn/what-is-sciatica.md:8:13: exercises[0]: no exercise with id 'gamma-jump'",),
    ),
    Case(
        "asymmetric variations",
        (replace(OTHER_EXERCISE, "easier: [alpha-slide]\n", ""),),
        (
            "exercises/alpha-slide.yaml:38:10: harder[0]: 'beta-hold' must list 'alpha-slide' under easier (links run both ways)",
        ),
    ),
    Case(
        "own variation",
        (replace(EXERCISE, "harder: [beta-hold]", "harder: [beta-hold, alpha-slide]"),),
        ("exercises/alpha-slide.yaml:38:21: harder[1]: an exercise cannot be its own variation",),
    ),
    Case(
        "joint angle no joint can reach",
        (replace(OTHER_EXERCISE, "      left_knee: 120", "      left_knee: 200"),),
        ("exercises/beta-hold.yaml:59:20: figure.poses[1].angles.left_knee: must be at most 180",),
    ),
    Case(
        "joint angle outside the knee range",
        (replace(OTHER_EXERCISE, "      left_knee: 120", "      left_knee: 170"),),
        (
            "exercises/beta-hold.yaml:59:20: figure.poses[1].angles.left_knee: 170° (bending) is outside the normal range of the knee (0° to 155°)",
        ),
    ),
    Case(
        "body sunk into the floor",
        (replace(OTHER_EXERCISE, "    - hips: [0, 6]", "    - hips: [0, 1]"),),
        (
            "exercises/beta-hold.yaml:44:7: figure.poses[0].hips: the body goes 5.0 below the mat (at the hips); raise the hips to y = 6.0",
        ),
    ),
    Case(
        "reference without a title",
        (replace(REFERENCE, "title: A study of sliding (with brackets)\n", ""),),
        (
            "content/references/ref-one.yaml:2:1: title: required field is missing: The title of the source, as published.",
        ),
    ),
    Case(
        "doi written as a link",
        (replace(REFERENCE, "doi: 10.1016/", "doi: https://doi.org/10.1016/"),),
        (
            "content/references/ref-one.yaml:8:6: doi: not a DOI: write it without https://doi.org/, e.g. 10.1136/bmj.i6748",
        ),
    ),
    Case(
        "web address with a quote in it",
        (replace(REFERENCE, "doi: 10.1016/S0140-6736(16)30970-9", "url: 'https://example.org/\"><b>'"),),
        (
            "content/references/ref-one.yaml:8:6: url: not a usable web address: start with https:// and leave out spaces, quotes and brackets",
        ),
    ),
    Case(
        "reference nobody can find",
        (replace(REFERENCE, "doi: 10.1016/S0140-6736(16)30970-9\n", ""),),
        (
            "content/references/ref-one.yaml:2:1: (document): give a doi or a url so readers can find the source",
        ),
    ),
    Case(
        "impossible date",
        (replace(EXERCISE, "reviewed: 2026-11-01", "reviewed: 2026-13-45"),),
        (
            "exercises/alpha-slide.yaml:43:11: reviewed: expected a real date written as YYYY-MM-DD, e.g. 2026-11-02 (month value is outside expected range of 1-12)",
        ),
    ),
    Case(
        "date in words",
        (replace(EXERCISE, "reviewed: 2026-11-01", "reviewed: last spring"),),
        (
            "exercises/alpha-slide.yaml:43:11: reviewed: expected a real date written as YYYY-MM-DD, e.g. 2026-11-02 (invalid character in year)",
        ),
    ),
    Case(
        "review before it was written",
        (replace(EXERCISE, "next_review: 2028-11-01", "next_review: 2025-11-01"),),
        ("exercises/alpha-slide.yaml:44:14: next_review: must come after reviewed",),
    ),
    Case(
        "html in a text field",
        (replace(EXERCISE, "  - A gentle moving feeling.", "  - A <b>gentle</b> moving feeling."),),
        (
            "exercises/alpha-slide.yaml:30:5: feel[0]: HTML is not allowed in text (found '<b>'); write plain words",
        ),
    ),
    Case(
        "script in a step",
        (
            replace(
                EXERCISE, "  - Straighten your knee.", "  - Straighten your knee.<script>alert(1)</script>"
            ),
        ),
        (
            "exercises/alpha-slide.yaml:18:5: steps[0]: HTML is not allowed in text (found '<script>'); write plain words",
        ),
    ),
    Case(
        "html comment in a caution",
        (
            replace(
                EXERCISE,
                "  - You had back surgery recently.",
                "  - You had back surgery recently. <!-- hidden -->",
            ),
        ),
        (
            "exercises/alpha-slide.yaml:37:5: cautions[0]: HTML is not allowed in text (found '<!-- hidden -->'); write plain words",
        ),
    ),
    Case(
        "markdown link to another site in a step",
        (
            replace(
                EXERCISE,
                "  - Straighten your knee.",
                "  - Straighten your knee, as [shown here](https://evil.example/).",
            ),
        ),
        (
            "exercises/alpha-slide.yaml:18:5: steps[0]: links are not allowed in text; add the page as a reference and cite it in sources",
        ),
    ),
    Case(
        "web address in a step",
        (
            replace(
                EXERCISE,
                "  - Straighten your knee.",
                "  - Straighten your knee, as shown at www.evil.example.",
            ),
        ),
        (
            "exercises/alpha-slide.yaml:18:5: steps[0]: links are not allowed in text; add the page as a reference and cite it in sources",
        ),
    ),
    Case(
        "raw html in a guide",
        (replace(GUIDE, "Test text that links", "<script>alert(1)</script>\nTest text that links"),),
        (
            "content/learn/what-is-sciatica.md:11:1: (body): raw HTML is not allowed in a guide; write Markdown",
        ),
    ),
    Case(
        "guide without front matter",
        (replace(GUIDE, "---\ntitle: What is sciatica?", "title: What is sciatica?"),),
        ("content/learn/what-is-sciatica.md:1:1: (file): a guide must start with '---' front matter",),
    ),
    Case(
        "guide front matter not closed",
        (replace(GUIDE, 'keywords: ["intro test words"]\n---', 'keywords: ["intro test words"]'),),
        ("content/learn/what-is-sciatica.md:1:1: (file): front matter is not closed with '---'",),
    ),
    Case(
        "yaml alias bomb",
        (write("exercises/bomb.yaml", ALIAS_BOMB),),
        (
            "exercises/bomb.yaml:4:8: (file): anchors (&) and aliases (*) are not allowed in content; write each value out",
        ),
    ),
    Case(
        "python tag",
        (
            replace(
                EXERCISE,
                "name: Alpha slide <3 &lt;script&gt; *one*",
                'name: !!python/object/apply:os.system ["echo hi"]',
            ),
        ),
        (
            "exercises/alpha-slide.yaml:3:7: (file): invalid YAML: YAML tags (such as '!!python/...') are not allowed",
        ),
    ),
    Case(
        "5 MB file",
        (write("exercises/huge.yaml", SCHEMA_LINE + "id: huge\nname: " + "x" * 5 * 1024 * 1024 + "\n"),),
        ("exercises/huge.yaml:1:1: (file): file is too large (5.0 MB); the limit is 256 KB",),
    ),
    Case(
        "wrong extension",
        (copy(OTHER_EXERCISE, "exercises/beta-hold.yml"),),
        ("exercises/beta-hold.yml:1:1: (file): use the .yaml extension",),
    ),
    Case(
        "missing schema line",
        (replace(EXERCISE, "# yaml-language-server: $schema=../schemas/exercise.schema.json\n", ""),),
        (
            "exercises/alpha-slide.yaml:1:1: (file): first line must be '# yaml-language-server: $schema=../schemas/exercise.schema.json'",
        ),
    ),
    Case(
        "dose from a mechanics study",
        (replace(REFERENCE, "type: trial", "type: mechanics-study"),),
        (
            "exercises/alpha-slide.yaml:27:11: dose.source: 'ref-one' is a mechanics or cadaver study, which gives no dose; cite a guideline, a trial, a patient leaflet or a textbook that states it",
        ),
    ),
    Case(
        "own urgency in a stop rule",
        (
            replace(
                EXERCISE,
                "    - Symptoms spread down the leg.",
                "    - Symptoms spread down the leg.\n    - You see a red flag. Call 999.",
            ),
        ),
        (
            "exercises/alpha-slide.yaml:36:7: stop_rules.stop[1]: 'red flag': serious signs and what to do about them come from content/red-flags.yaml, and every page and sheet shows them; leave this to the list",
        ),
    ),
    Case(
        "markers that name nothing",
        (
            replace(
                GUIDE,
                "Test text that links",
                "If so, see [[sign:no-such-sign]] and [[colour:red]], then [[urgency:later]].\n\nSee [[red-flags:soon]] here.\n\nTest text that links",
            ),
        ),
        (
            "content/learn/what-is-sciatica.md:11:12: (body): no sign 'no-such-sign' in content/red-flags.yaml",
            "content/learn/what-is-sciatica.md:11:38: (body): unknown marker '[[colour:red]]'; use one of [[red-flags:...]], [[urgency:...]], [[sign:...]], [[figure:...]]",
            "content/learn/what-is-sciatica.md:11:59: (body): no urgency 'later'; use one of: emergency, same-day, soon",
            "content/learn/what-is-sciatica.md:13:5: (body): '[[red-flags:soon]]' must stand on a line of its own",
        ),
    ),
    Case(
        "sides taken in turn with no words for the switch",
        (replace(EXERCISE, "sides: one", "sides: alternate"),),
        (
            "exercises/alpha-slide.yaml:73:8: sides: is alternate, so give switch_cue: the words that tell the reader to change sides",
        ),
    ),
    Case(
        "a switch cue for an exercise done on one side",
        (replace(EXERCISE, "sides: one", "sides: one\nswitch_cue: Switch to your other leg."),),
        ("exercises/alpha-slide.yaml:73:8: sides: is one, so leave out switch_cue: nothing changes side",),
    ),
    Case(
        "a repetition too fast to follow",
        (replace(EXERCISE, "  rep_seconds: 6", "  rep_seconds: 1"),),
        ("exercises/alpha-slide.yaml:28:16: dose.rep_seconds: must be at least 2",),
    ),
    Case(
        "session timings missing",
        (lambda project: (project / SESSION).unlink(),),
        (
            "content/session.yaml:1:1: (file): the Follow along timings are missing; every session is paced from them",
            "content/references/roh-exercise-programme.yaml:2:5: id: warning: reference is not cited anywhere",
        ),
    ),
    Case(
        "session rest from a source that does not exist",
        (replace(SESSION, "rest_source: roh-exercise-programme", "rest_source: roh-programme"),),
        (
            "content/session.yaml:6:14: rest_source: no reference with id 'roh-programme'",
            "content/references/roh-exercise-programme.yaml:2:5: id: warning: reference is not cited anywhere",
        ),
    ),
    Case(
        "serious-sign list missing",
        (lambda project: (project / RED_FLAGS).unlink(),),
        (
            "content/red-flags.yaml:1:1: (file): the list of serious signs is missing; every page and sheet is built from it",
        ),
    ),
    Case(
        "serious-sign list out of order",
        (replace(RED_FLAGS, "  - urgency: emergency", "  - urgency: soon"),),
        (
            "content/red-flags.yaml:6:1: urgencies: give each urgency once, in this order: emergency, same-day, soon",
        ),
    ),
    Case(
        "diary prompt naming no sign",
        (
            replace(RED_FLAGS, "    sign: new-weakness", "    sign: no-such-sign"),
            replace(RED_FLAGS, "  source: ref-two", "  source: ref-nine"),
        ),
        (
            "content/red-flags.yaml:41:11: diary.source: no reference with id 'ref-nine'",
            "content/red-flags.yaml:45:11: diary.new_numbness.sign: no sign with id 'no-such-sign'",
        ),
    ),
    Case(
        "diary prompt with a sign and a heading",
        (replace(RED_FLAGS, "    sign: new-weakness", "    sign: new-weakness\n    heading: Act now"),),
        (
            "content/red-flags.yaml:43:3: diary.new_numbness: give either `heading` or `sign` (whose urgency gives the heading)",
        ),
    ),
    Case(
        "diary weeks not said",
        (replace(RED_FLAGS, "Your diary goes back more than 6 weeks.", "Your diary is old."),),
        (
            "content/red-flags.yaml:52:11: diary.not_better.says: say the number of weeks (6), as better_within_weeks gives it",
        ),
    ),
    Case(
        "dose without an amount",
        (replace(OTHER_EXERCISE, "  hold_seconds: {low: 20, high: 30}\n", ""),),
        ("exercises/beta-hold.yaml:17:1: dose: give reps, hold_seconds or both",),
    ),
    Case(
        "dose without a frequency",
        (replace(OTHER_EXERCISE, "  days_per_week: {low: 3, high: 4}\n", ""),),
        ("exercises/beta-hold.yaml:17:1: dose: give per_day or days_per_week",),
    ),
    Case(
        "empty steps",
        (replace(OTHER_EXERCISE, "steps:\n  - Hug one knee.", "steps: []"),),
        ("exercises/beta-hold.yaml:14:1: steps: needs at least 1 item(s)",),
    ),
    Case(
        "next review more than 3 years on",
        (replace(OTHER_EXERCISE, "next_review: 2029-11-01", "next_review: 2030-01-01"),),
        ("exercises/beta-hold.yaml:36:14: next_review: must be at most 3 years after reviewed",),
    ),
    Case(
        "web address without https",
        (replace(REFERENCE, "doi: 10.1016/S0140-6736(16)30970-9", "url: http://insecure.example/study"),),
        (
            "content/references/ref-one.yaml:8:6: url: not a usable web address: start with https:// and leave out spaces, quotes and brackets",
        ),
    ),
    Case(
        "glossary term with a bracket",
        (replace("content/glossary.yaml", "  - term: Nerve root", "  - term: 'Root]: x'"),),
        (
            "content/glossary.yaml:5:11: terms[1].term: use letters, digits, spaces, hyphens and apostrophes only",
        ),
    ),
    Case(
        "bad value in a guide's front matter",
        (replace("content/learn/red-flags.md", "order: 1", "order: first"),),
        ("content/learn/red-flags.md:4:8: order: expected a whole number",),
    ),
    Case(
        "mistakes in three files at once",
        (
            replace(OTHER_EXERCISE, "breathing:", "colour: red\nbreathing:"),
            replace(OTHER_EXERCISE, "  sets: 3", "  sets: three"),
            replace(EXERCISE, "position: seated", "position: upside-down"),
            replace("content/anatomy/nerve-one.yaml", "kind: nerve", "kind: [nerve]"),
        ),
        (
            "content/anatomy/nerve-one.yaml:5:1: kind: expected one of: 'nerve', 'nerve-root', 'muscle', 'joint', 'disc', 'bone' or 'space'",
            "exercises/alpha-slide.yaml:8:11: position: expected one of: 'seated', 'supine', 'prone', 'side-lying', 'quadruped', 'kneeling' or 'standing'",
            "exercises/beta-hold.yaml:16:9: colour: unknown field (see the schema for the allowed fields)",
            "exercises/beta-hold.yaml:20:9: dose.sets: expected a whole number or a range such as {low: 8, high: 12}",
        ),
    ),
    Case(
        "target both primary and secondary",
        (replace(EXERCISE, "secondary: [muscle-two]", "secondary: [nerve-one]"),),
        ("exercises/alpha-slide.yaml:13:15: targets.secondary[0]: 'nerve-one' is already primary",),
    ),
    Case(
        "glossary term twice",
        (replace("content/glossary.yaml", "term: Nerve root", "term: slider"),),
        ("content/glossary.yaml:5:11: terms[1].term: duplicate term 'slider'",),
    ),
    Case(
        "nerve glide that loads no nerve",
        (replace(EXERCISE, "nerve_load: slider", "nerve_load: none"),),
        ("exercises/alpha-slide.yaml:7:13: nerve_load: a nerve glide must say slider or tensioner",),
    ),
    Case(
        "tensioner without an easier slider",
        (
            replace(OTHER_EXERCISE, "nerve_load: none", "nerve_load: tensioner"),
            replace(EXERCISE, "nerve_load: slider", "nerve_load: tensioner"),
        ),
        (
            "exercises/alpha-slide.yaml:7:13: nerve_load: a tensioner needs a slider under easier (sliders come first)",
            "exercises/beta-hold.yaml:6:13: nerve_load: a tensioner needs a slider under easier (sliders come first)",
        ),
    ),
    Case(
        "body floating above the floor",
        (replace(EXERCISE, SECOND_POSE, SECOND_POSE.replace("28.5", "40")),),
        (
            "exercises/alpha-slide.yaml:61:7: figure.poses[1].hips: the body floats 11.5 above the floor and props; lower the hips to y = 28.5",
        ),
    ),
    Case(
        "end pose the same as the start",
        (
            replace(EXERCISE, "      neck: -30\n", "      neck: 25\n"),
            replace(EXERCISE, "      left_knee: 15\n", "      left_knee: 90\n"),
        ),
        (
            "exercises/alpha-slide.yaml:61:7: figure.poses[1]: pose 2 is the same as pose 1; show the movement",
        ),
    ),
    Case(
        "exercise figure with one pose",
        (cut_after(EXERCISE, SECOND_POSE, "bad_day:"),),
        (
            "exercises/alpha-slide.yaml:49:3: figure.poses: an exercise's figure needs two or more poses; show the movement",
        ),
    ),
    Case(
        "last pose the same as the first",
        (replace(EXERCISE, "bad_day:", FIRST_POSE + "bad_day:"),),
        (
            "exercises/alpha-slide.yaml:72:7: figure.poses[2]: the last pose is the same as the first; leave it out, the movement comes back by itself",
        ),
    ),
    Case(
        "a dose of holds with no pose held",
        (replace(OTHER_EXERCISE, "      hold: true\n", ""),),
        (
            "exercises/beta-hold.yaml:43:3: figure.poses: the dose holds (hold_seconds), so a pose needs hold: true",
        ),
    ),
    Case(
        "a pose held in a dose of repetitions",
        (
            replace(
                EXERCISE, SECOND_POSE, SECOND_POSE.replace("      angles:", "      hold: true\n      angles:")
            ),
        ),
        (
            "exercises/alpha-slide.yaml:62:13: figure.poses[1].hold: the dose has no hold_seconds, so no pose can hold",
        ),
    ),
    Case(
        "a held pose in a guide's picture",
        (
            replace(
                "content/figures/sit-test.yaml",
                "    - hips: [0, 28.5]\n",
                "    - hips: [0, 28.5]\n      hold: true\n",
            ),
        ),
        (
            "content/figures/sit-test.yaml:13:13: figure.poses[0].hold: a guide's picture does not move, so nothing holds; remove it",
        ),
    ),
    Case(
        "exercise without a figure",
        (cut_after(EXERCISE, "figure:", "bad_day:"),),
        (
            "exercises/alpha-slide.yaml:2:1: figure: required field is missing: The figure drawn on the page, as pose data.",
        ),
    ),
    Case(
        "unknown joint",
        (replace(EXERCISE, "        left_knee: 15\n", "        left_knee: 15\n        left_kneee: 10\n"),),
        (
            "exercises/alpha-slide.yaml:71:21: figure.poses[1].angles.left_kneee: unknown field; did you mean 'left_knee'?",
        ),
    ),
    Case(
        "a chair in a picture seen from above",
        (replace("content/figures/sit-test.yaml", "figure:\n  props:", "figure:\n  view: above\n  props:"),),
        (
            "content/figures/sit-test.yaml:10:13: figure.props[0].kind: seen from above, only pillows are drawn (the bed is); not a chair",
        ),
    ),
    Case(
        "a mat under an exercise seen from straight above",
        (
            replace(
                EXERCISE,
                "figure:\n  props:\n    - kind: chair",
                "figure:\n  view: top\n  props:\n    - kind: mat",
            ),
        ),
        (
            "exercises/alpha-slide.yaml:48:13: figure.props[0].kind: seen from straight above, only a chair is drawn (its seat); not a mat",
        ),
    ),
    Case(
        "a roll onto one hip in a side view",
        (replace(EXERCISE, "        left_knee: 15\n", "        left_knee: 15\n        pelvis_side: 10\n"),),
        (
            "exercises/alpha-slide.yaml:71:22: figure.poses[1].angles.pelvis_side: only the clock view (view: clock) shows a roll onto one hip; set it to 0",
        ),
    ),
    Case(
        "steps too hard to read",
        (replace(OTHER_EXERCISE, "  - Hug one knee.", f"  - {HARD}"),),
        (
            "exercises/beta-hold.yaml:14:1: steps: reading grade 24.5 is above 8: use shorter sentences and words",
        ),
    ),
    Case(
        "cautions too hard to read",
        (replace(OTHER_EXERCISE, "  - You have a hip replacement.", f"  - {HARD}"),),
        (
            "exercises/beta-hold.yaml:30:1: cautions: reading grade 38.3 is above 8: use shorter sentences and words",
        ),
    ),
    Case(
        "search word with an apostrophe",
        (replace(RED_FLAGS, "  - cant pee", "  - can't pee"),),
        (
            "content/red-flags.yaml:38:5: search_words[1]: use lower-case letters and single spaces only; leave out apostrophes ('cant poo')",
        ),
    ),
    Case(
        "stop rules name an unknown sign",
        (replace(RED_FLAGS, "stop_rule_signs:\n  - both-legs", "stop_rule_signs:\n  - both-lags"),),
        ("content/red-flags.yaml:34:5: stop_rule_signs[0]: no sign with id 'both-lags'",),
    ),
    Case(
        "guide too hard to read",
        (
            replace(
                GUIDE,
                "Test text that links",
                "Neurodynamic mobilisation interventions characteristically demonstrate considerable interindividual variability regarding symptomatic amelioration, necessitating individualised therapeutic prescription.\n\nTest text that links",
            ),
        ),
        (
            "content/learn/what-is-sciatica.md:10:1: (body): reading grade 24.5 is above 8: use shorter sentences and words",
        ),
    ),
    Case(
        "picture with a bad pose, and one that is missing",
        (
            replace("content/figures/sit-test.yaml", "left_knee: 15", "left_knee: 170"),
            replace(GUIDE, "Test text that links", "[[figure:no-such-picture]]\n\nTest text that links"),
        ),
        (
            "content/figures/sit-test.yaml:15:67: figure.poses[1].angles.left_knee: 170° (bending) is outside the normal range of the knee (0° to 155°)",
            "content/learn/what-is-sciatica.md:11:1: (body): no figure 'no-such-picture' in content/figures/",
        ),
    ),
)


def report_of(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """Run `sitegen build` in-process; return the exit code and the problem lines."""
    code = main(["--root", str(project), "build"])
    lines = capsys.readouterr().err.splitlines()
    return code, [line for line in lines if PROBLEM_LINE.match(line)]


@pytest.fixture
def built_project(fixture_site: Path, tmp_path: Path) -> Path:
    """A copy of the fixture project with its site/ already built."""
    return Path(shutil.copytree(fixture_site.parent, tmp_path / "project", symlinks=True))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_mistake_is_reported_exactly(
    case: Case, built_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tree_digest(built_project / "site")
    for change in case.changes:
        change(built_project)
    code, problems = report_of(built_project, capsys)
    assert code == 1
    assert problems == sorted(case.expected)
    assert tree_digest(built_project / "site") == before


def test_every_problem_in_every_file_is_listed_at_once(built_project: Path) -> None:
    """One build with many mistakes in many files: the exit code, and every report line."""
    chosen = [case for case in CASES if case.name in COMBINED]
    before = tree_digest(built_project / "site")
    for case in chosen:
        for change in case.changes:
            change(built_project)
    result = run_sitegen(built_project, "build")
    assert result.returncode == 1
    expected = sorted(line for case in chosen for line in case.expected)
    lines = result.stderr.splitlines()
    assert [line for line in lines if PROBLEM_LINE.match(line)] == expected
    assert lines[-1] == f"{len(expected)} error(s) in the sources"
    assert "Traceback" not in result.stderr
    assert tree_digest(built_project / "site") == before
    assert not list(built_project.glob("site.*")), "no staging folder is left behind"


#: Mistakes in different files that do not hide one another (one per file).
COMBINED = (
    "tab indentation",
    "dangling anatomy to anatomy",
    "dangling routine to exercise",
    "reference without a title",
    "raw html in a guide",
    "yaml alias bomb",
    "5 MB file",
)
