"""The baseline: plain MkDocs + Material with the same number of plain Markdown pages.

No nav in mkdocs.yml, so MkDocs lists every page in the navigation, as a stock Material
site does. Each page carries an exercise's text as headings, paragraphs and lists; pages
sit in one folder per exercise category, plus the home page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .synth import RealExercise

CONFIG = """site_name: Plain baseline
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
"""

#: (heading, field path) of the list sections each page repeats from its exercise.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Get into position", ("setup",)),
    ("Steps", ("steps",)),
    ("What you should feel", ("feel",)),
    ("Ease off if", ("stop_rules", "ease_off")),
    ("Stop and get help if", ("stop_rules", "stop")),
    ("Ask a clinician first if", ("cautions",)),
    ("Common mistakes", ("mistakes",)),
    ("Search words", ("keywords",)),
)


def _field(data: dict[str, Any], path: tuple[str, ...]) -> list[str]:
    value: Any = data
    for name in path:
        value = value.get(name, []) if isinstance(value, dict) else []
    return [str(item) for item in value]


def page(data: dict[str, Any], number: int) -> str:
    """One plain page with an exercise's text: a title, paragraphs and lists."""
    lines = [
        f"# {data['name']} {number}",
        "",
        str(data["summary"]),
        "",
        "## Breathing",
        "",
        str(data["breathing"]),
    ]
    for heading, path in SECTIONS:
        items = _field(data, path)
        if items:
            marker = "1." if heading == "Steps" else "-"
            lines += ["", f"## {heading}", "", *(f"{marker} {item}" for item in items)]
    return "\n".join(lines) + "\n"


def make_plain(dest: Path, pages: int, real: list[RealExercise]) -> None:
    """Write a plain Material project of `pages` pages (home page included) into dest."""
    docs = dest / "docs"
    docs.mkdir(parents=True)
    (dest / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (docs / "index.md").write_text("# Plain baseline\n\nA stock Material site.\n", encoding="utf-8")
    for number in range(1, pages):
        data = real[number % len(real)].data
        folder = docs / str(data["category"])
        folder.mkdir(exist_ok=True)
        (folder / f"page-{number:05d}.md").write_text(page(data, number), encoding="utf-8")
