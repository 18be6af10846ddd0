"""The exercise library's tags in the built site: each chip on a page opens its tag on the tag page."""

from __future__ import annotations

import re
from pathlib import Path


def test_tag_chips_on_exercise_pages_open_their_tag_on_the_tag_page(real_site: Path) -> None:
    tag_page = (real_site / "exercises/tags/index.html").read_text("utf-8")
    for page in sorted(real_site.glob("exercises/*/index.html")):
        for target in re.findall(r'<a href="\.\./tags/#([^"]+)" class="md-tag', page.read_text("utf-8")):
            assert f'id="{target}"' in tag_page, (page.parent.name, target)
