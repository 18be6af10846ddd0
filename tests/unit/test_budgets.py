"""Our own JavaScript, budgeted by what a reader downloads: its gzipped size, page by page.

Every page loads the scripts in mkdocs.yml's extra_javascript; the My routine and Follow
along pages also load the ones overrides/main.html adds for each. The vendored code (vendor/: the QR code
maker, the offline copy's worker shim) is published as it is and is not counted.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from ..conftest import ROOT

JS = ROOT / "overrides/assets/javascripts"
#: Gzipped bytes (level 9) of all of our scripts that one page loads. Follow along, the
#: heaviest page, loads about 16,000 today (figures with more than two poses took it past
#: the old 16,000); My routine about 16,000 (with reminders.js).
PAGE_BUDGET = 16_500
#: The figure animation and the session player together (issue 20's budget): shared by every
#: page that plays a figure or runs a session, and cached.
MOTION = ("figure-play.js", "session.js", "session-cues.js")
MOTION_BUDGET = 12_000
#: Gzipped bytes of any one of our scripts; my-routine.js, the largest, is about 4,600.
FILE_BUDGET = 6_000
#: The sizes are gzipped, so squeezing code onto long lines gains nothing.
MAX_COLUMNS = 100


def gzipped(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def ours(urls: list[str]) -> list[Path]:
    """The files of our own scripts among a page's script URLs (relative to overrides/)."""
    return [ROOT / "overrides" / url for url in urls if "/vendor/" not in url]


#: The page-only scripts in overrides/main.html: each block's front-matter flag, then its tags.
PAGE_BLOCK = re.compile(r"\{% if page and page.meta and page.meta.(\w+) %\}(.*?)\{% endif %\}", re.S)
SCRIPT = re.compile(r"""<script src="\{\{ '([^']+\.js)' \| url \}\}"></script>""")


def scripts_by_page() -> dict[str, list[Path]]:
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        every_page = ours(yaml_load(fd)["extra_javascript"])
    main = (ROOT / "overrides/main.html").read_text("utf-8")
    found = {flag: ours(SCRIPT.findall(block)) for flag, block in PAGE_BLOCK.findall(main)}
    pages = {flag: paths for flag, paths in found.items() if paths}
    assert set(pages) == {"routine_builder", "session_player"}, pages.keys()
    return {"every page": every_page} | {flag: every_page + paths for flag, paths in pages.items()}


def test_every_script_of_ours_is_loaded_and_budgeted() -> None:
    loaded = {path for paths in scripts_by_page().values() for path in paths}
    assert loaded == set(JS.glob("*.js")), "a script that no page loads escapes the budget"


def test_each_page_stays_within_the_gzipped_budget() -> None:
    for page, paths in scripts_by_page().items():
        sizes = {path.name: gzipped(path) for path in paths}
        assert sum(sizes.values()) <= PAGE_BUDGET, (page, sum(sizes.values()), sizes)
    for path in JS.glob("*.js"):
        assert gzipped(path) <= FILE_BUDGET, (path.name, gzipped(path))


def test_our_scripts_are_written_to_be_read() -> None:
    for path in JS.glob("*.js"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert len(line) <= MAX_COLUMNS, f"{path.name}:{number}: {len(line)} columns"


def test_the_animation_and_the_session_player_stay_within_their_budget() -> None:
    sizes = {name: gzipped(JS / name) for name in MOTION}
    assert sum(sizes.values()) <= MOTION_BUDGET, sizes
