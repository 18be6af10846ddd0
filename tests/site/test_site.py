"""End-to-end: the HTML that `sitegen build` produces, for the real and the fixture corpus."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from sitegen.content.load import load_corpus

from ..conftest import ROOT, page_links, read

ABBR = re.compile(r"</?abbr[^>]*>")


def without_tooltips(html: str) -> str:
    """Page HTML with glossary <abbr> wrappers removed, to match the data's plain text."""
    return ABBR.sub("", html)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_exercise_page_shows_what_a_reader_needs(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    assert len(catalog.exercises) >= 3
    for exercise_id, source in catalog.exercises.items():
        exercise = source.model
        page = without_tooltips(read(real_site / "exercises" / exercise_id / "index.html"))
        assert "<h1 id=" in page and exercise.name in page
        for line in [*exercise.steps, *exercise.stop_rules.ease_off, *exercise.stop_rules.stop]:
            assert escape_like_markdown(line) in page, f"{exercise_id}: {line!r} missing"
        for ref_id in exercise.sources:
            assert f'href="../../references/#{ref_id}"' in page
        assert 'href="../../learn/red-flags/"' in page
        assert "Last reviewed: " + exercise.reviewed.isoformat() in page


def escape_like_markdown(text: str) -> str:
    return " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_anatomy_pages_link_back_to_exercises(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    for exercise_id, source in catalog.exercises.items():
        for anatomy_id in source.model.targets.primary:
            page = read(real_site / "anatomy" / anatomy_id / "index.html")
            assert f'href="../../exercises/{exercise_id}/"' in page, (anatomy_id, exercise_id)


def test_stable_urls_exist(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    expected = ["exercises/index.html", "anatomy/index.html", "routines/index.html", "learn/index.html"]
    expected += ["references/index.html", "glossary/index.html", "index.html", "404.html"]
    expected += [f"exercises/{i}/index.html" for i in catalog.exercises]
    expected += [f"anatomy/{i}/index.html" for i in catalog.anatomy]
    expected += [f"routines/{i}/index.html" for i in catalog.routines]
    expected += [f"learn/{i}/index.html" for i in catalog.guides]
    for rel in expected:
        assert (real_site / rel).is_file(), rel
    assert not (real_site / "includes").exists()


def test_no_template_syntax_reaches_a_page(real_site: Path, fixture_site: Path) -> None:
    for site in (real_site, fixture_site):
        for page in html_pages(site):
            text = read(page)
            assert "{{" not in text and "{%" not in text, page


def test_no_page_loads_anything_from_another_host(real_site: Path) -> None:
    external = re.compile(r"^(https?:)?//", re.I)
    for page in html_pages(real_site):
        offenders = [link.url for link in page_links(read(page)) if link.loads and external.match(link.url)]
        assert not offenders, f"{page}: {offenders}"
        assert "fonts.googleapis" not in read(page) and "fonts.gstatic" not in read(page)


def test_data_text_is_escaped_not_injected(fixture_site: Path) -> None:
    # Data can hold no tags (the loader refuses them), but text that looks like HTML, such
    # as "<3" or an entity, must reach the reader exactly as typed, neither decoded nor parsed.
    page = read(fixture_site / "exercises/alpha-slide/index.html")
    assert "<title>Alpha slide &lt;3 &amp;lt;script&amp;gt; *one*" in page
    article = page.split("<article")[1].split("</article>")[0]
    assert "<script" not in article and "<b>" not in article
    assert "&amp;lt;b&amp;gt;HTML&amp;lt;/b&amp;gt; &lt;3 &amp; *Markdown* [links] {: .injected }" in page
    assert 'class="injected"' not in page
    assert "<li>1. Not a list number</li>" in page
    assert "<li># Not a heading</li>" in page
    glossary_page = read(fixture_site / "glossary/index.html")
    assert "&amp;lt;i&amp;gt;test&amp;lt;/i&amp;gt;" in glossary_page


def test_glossary_terms_become_tooltips(fixture_site: Path) -> None:
    page = read(fixture_site / "exercises/alpha-slide/index.html")
    assert (
        '<abbr title="A gentle nerve movement &amp;lt;i&amp;gt;test&amp;lt;/i&amp;gt; &amp; more.">'
        "Slider</abbr>" in page
    )


def test_reference_anchors_and_doi_links(fixture_site: Path) -> None:
    page = read(fixture_site / "references/index.html")
    assert '<p id="ref-one">' in page
    assert 'href="https://doi.org/10.1016/S0140-6736%2816%2930970-9"' in page


def test_footer_carries_the_disclaimer(real_site: Path) -> None:
    for rel in ("index.html", "exercises/index.html"):
        assert "not medical advice" in read(real_site / rel)


def test_search_index_covers_exercise_pages(real_site: Path) -> None:
    index = read(real_site / "search/search_index.json")
    catalog, _ = load_corpus(ROOT)
    for exercise_id in catalog.exercises:
        assert f'"location":"exercises/{exercise_id}/"' in index.replace(" ", "")


def test_exercises_link_to_variations_and_sources_and_back(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    references = read(real_site / "references/index.html")
    for exercise_id, source in catalog.exercises.items():
        page = read(real_site / "exercises" / exercise_id / "index.html")
        for other in [*source.model.easier, *source.model.harder]:
            assert f'href="../{other}/"' in page, (exercise_id, other)
            assert f'href="../{exercise_id}/"' in read(real_site / "exercises" / other / "index.html")
        for ref_id in source.model.sources:
            assert f'id="{ref_id}"' in references
        assert f'href="../exercises/{exercise_id}/"' in references, f"references do not cite {exercise_id}"


FIGURE = re.compile(r'<figure class="sg-figure-box[^"]*">.*?</figure>', re.S)


def test_every_exercise_and_anatomy_page_shows_its_figure_intact(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    pages = [("exercises", k) for k in catalog.exercises] + [("anatomy", k) for k in catalog.anatomy]
    for folder, key in pages:
        page = read(real_site / folder / key / "index.html")
        figures = FIGURE.findall(page)
        assert len(figures) == 1, f"{folder}/{key}: {len(figures)} figures"
        figure = figures[0]
        # Markdown must pass the SVG through untouched: no <p>, <code> or escaped tags inside.
        assert "<p>" not in figure and "<code>" not in figure and "&lt;path" not in figure
        assert f'aria-labelledby="fig-{key}-title fig-{key}-desc"' in figure
        # issue 20's budget for one page's figure, its movement included
        assert len(figure.encode()) <= 12_000, f"{folder}/{key}: {len(figure.encode())} bytes"


def test_figure_text_from_data_is_escaped(fixture_site: Path) -> None:
    page = read(fixture_site / "exercises/alpha-slide/index.html")
    figure = FIGURE.findall(page)[0]
    assert '<title id="fig-alpha-slide-title">Alpha slide &lt;3 &amp;lt;script&amp;gt; *one*' in figure
    assert "<script" not in figure


def onward_pages(site: Path, page: Path) -> set[Path]:
    """Other pages of the site that a page's content links to."""
    found = set()
    for link in page_links(read(page)):
        if link.tag != "a" or not link.in_article or "headerlink" in link.classes:
            continue  # the theme's navigation, or a heading's own permalink
        href = link.url
        split = urlsplit(href)
        if split.scheme or split.netloc or not split.path:
            continue  # another host, or an anchor on the same page
        # Only the 404 page uses root-relative links (it is served at any depth).
        base = site if split.path.startswith("/") else page.parent
        target = (base / split.path.lstrip("/")).resolve()
        target = target / "index.html" if target.is_dir() else target
        if target != page.resolve() and target.is_relative_to(site.resolve()):
            found.add(target)
    return found


def test_no_page_is_a_dead_end(real_site: Path) -> None:
    """Every page's own content links on to another page, besides the red-flags box."""
    red_flags = (real_site / "learn/red-flags/index.html").resolve()
    dead_ends = [
        page.relative_to(real_site).as_posix()
        for page in html_pages(real_site)
        if not onward_pages(real_site, page) - {red_flags}
    ]
    assert not dead_ends, f"pages with no onward link in their content: {dead_ends}"


def test_onward_links_reach_every_page(real_site: Path) -> None:
    """Following content links from the home page alone reaches every page (none orphaned)."""
    seen, todo = set(), [(real_site / "index.html").resolve()]
    while todo:
        page = todo.pop()
        if page not in seen and page.suffix == ".html" and page.exists():
            seen.add(page)
            todo.extend(onward_pages(real_site, page))
    unreached = {p.resolve() for p in html_pages(real_site)} - seen - {(real_site / "404.html").resolve()}
    assert not unreached, sorted(p.relative_to(real_site.resolve()).as_posix() for p in unreached)


def test_content_pages_end_with_related_links_and_search_words(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    kinds = {"exercises": catalog.exercises, "anatomy": catalog.anatomy, "routines": catalog.routines}
    kinds["learn"] = catalog.guides
    for folder, table in kinds.items():
        for key, source in table.items():
            html = without_tooltips(read(real_site / folder / key / "index.html"))
            assert 'id="related"' in html, f"{folder}/{key}: no Related section"
            assert "Search words: " + source.model.keywords[0] in html, f"{folder}/{key}: search words"


def test_guides_and_exercises_link_both_ways(real_site: Path) -> None:
    catalog, _ = load_corpus(ROOT)
    for slug, guide in catalog.guides.items():
        for exercise_id in guide.model.exercises:
            exercise_page = real_site / "exercises" / exercise_id / "index.html"
            assert f'href="../../learn/{slug}/"' in read(exercise_page), (exercise_id, slug)
            assert f'href="../../exercises/{exercise_id}/"' in read(real_site / "learn" / slug / "index.html")
