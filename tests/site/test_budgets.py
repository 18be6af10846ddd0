"""Our JavaScript as a reader downloads it, page by page: every built page's own scripts
(assets/javascripts/*.js), gzipped, within the README's budget. The vendored code (vendor/:
the QR code maker, the offline copy's worker shim) is published as it is and is not counted."""

from __future__ import annotations

import re
from pathlib import Path

from ..conftest import read
from ..unit.test_budgets import JS, gzipped

#: Gzipped bytes (level 9) of all of our scripts that one page loads (README, "The two
#: commands"). My progress, the heaviest, loads about 17,250; Follow along about 15,600.
PAGE_BUDGET = 17_500
SCRIPT = re.compile(r'<script src="(?:\.\./)*assets/javascripts/([\w-]+\.js)"')


def scripts_of(real_site: Path) -> dict[str, list[str]]:
    """Each built page and the names of our scripts it loads."""
    return {
        page.relative_to(real_site).as_posix(): SCRIPT.findall(read(page))
        for page in sorted(real_site.rglob("*.html"))
    }


def test_each_page_stays_within_the_gzipped_budget(real_site: Path) -> None:
    sizes = {name.name: gzipped(name) for name in JS.glob("*.js")}
    totals = {page: sum(sizes[name] for name in names) for page, names in scripts_of(real_site).items()}
    over = {page: total for page, total in totals.items() if total > PAGE_BUDGET}
    assert not over, over
    # The heaviest pages, so a change that adds to them shows in the numbers.
    assert totals["my-progress/index.html"] > 0 and totals["follow-along/index.html"] > 0


def test_every_script_of_ours_is_loaded_where_it_has_work(real_site: Path) -> None:
    pages = scripts_of(real_site)
    loaded = {name for names in pages.values() for name in names}
    assert loaded == {path.name for path in JS.glob("*.js")}, "a script no page loads escapes the budget"
    # The filters only on the library, the figure player only beside a moving figure.
    assert [p for p, names in pages.items() if "filters.js" in names] == ["exercises/index.html"]
    for page, names in pages.items():
        moving = "data-sg-frames" in read(Path(real_site, page))
        assert ("figure-play.js" in names) == moving, page
