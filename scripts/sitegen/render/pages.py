"""The pure core: turn a checked catalog into `{page path: markdown}` with no I/O."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from sitegen.content.load import Catalog
from sitegen.content.models import Category, Exercise, RedFlags, Routine
from sitegen.figures.anatomy import anatomy_figure
from sitegen.figures.draw import exercise_figure, picture_figure
from sitegen.render import filters, markers, progress, routine_catalog, safety, session, structured, text
from sitegen.render.templating import make_environment

#: The guide every page links to; the build fails (broken link) if it is missing.
RED_FLAGS_GUIDE = "red-flags"
#: Search weight of each kind of page (Material's per-page boost; guides set their own).
#: A query that names an exercise or a body part should land on its page first, and
#: one for a kind of exercise ("stretches") on the filterable library.
SEARCH_BOOST = {"exercises": 1.5, "anatomy": 2, "library": 2}
#: The home page's three routes lead here; like the red flags, they must exist.
START_ROUTINE = "gentle-start"
INTRO_GUIDE = "what-is-sciatica"
HELP_GUIDE = "using-this-guide"

#: Template syntax that must never reach a reader.
_LEFTOVER = re.compile(r"\{\{|\{%|\}\}|%\}")
#: A guide's Markdown link to a generated page, e.g. "](../anatomy/piriformis.md".
_PAGE_LINK = re.compile(r"\]\(\.\./(exercises|anatomy|routines)/([a-z0-9-]+)\.md")


class RenderError(RuntimeError):
    """A template produced output that must never reach a reader."""


@cache
def environment() -> Environment:
    """The Jinja2 environment: strict about undefined names, escaping every data value."""
    env = make_environment(
        undefined=StrictUndefined,
        # finalize escapes each data value for Markdown into Markup, which autoescape then
        # leaves as it is; macros return Markup, so their output is not escaped twice.
        autoescape=True,
        finalize=text.md_text,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        plain_list=text.plain_list,
        attr=lambda value: Markup(text.attr_text(value)),
        amount=text.amount,
        doi_url=text.doi_url,
        one_line=text.one_line,
        # JSON-LD for the page's front matter; overrides/main.html puts it in <head>.
        structured_data=lambda data: Markup(structured.front_matter_value(data)),
    )
    env.globals.update(
        labels={
            "category": text.CATEGORY_LABELS,
            "category_heading": text.CATEGORY_HEADINGS,
            "position": text.POSITION_LABELS,
            "equipment": text.EQUIPMENT_LABELS,
            "difficulty": text.DIFFICULTY_LABELS,
            "nerve_load": text.NERVE_LOAD_LABELS,
            "reference_type": text.REFERENCE_TYPE_LABELS,
        },
        dose_parts=text.dose_parts,
        red_flags=RED_FLAGS_GUIDE,
        search_boost=SEARCH_BOOST,
        start_routine=START_ROUTINE,
        intro_guide=INTRO_GUIDE,
        help_guide=HELP_GUIDE,
        exercise_plan=structured.exercise_plan,
        medical_web_page=structured.medical_web_page,
    )
    return env


@dataclass(frozen=True)
class Derived:
    """Facts computed from the corpus once, never typed twice in the data."""

    targeted_by: dict[str, list[tuple[Exercise, str]]]
    used_in: dict[str, list[str]]
    #: reference id -> (page path under docs, link text) of every page citing it
    cited_by: dict[str, list[tuple[str, str]]]
    #: "exercises/<id>", "anatomy/<id>" or "routines/<id>" -> guides that list or link to it
    guides_about: dict[str, list[str]]


def derive(catalog: Catalog) -> Derived:
    """Back-links: which exercises target each structure, which routines use each exercise."""
    targeted_by: dict[str, list[tuple[Exercise, str]]] = defaultdict(list)
    for source in catalog.exercises.values():
        for role in ("primary", "secondary"):
            for anatomy_id in getattr(source.model.targets, role):
                targeted_by[anatomy_id].append((source.model, role))
    used_in: dict[str, list[str]] = defaultdict(list)
    for routine_id, routine in catalog.routines.items():
        for item in routine.model.items:
            if routine_id not in used_in[item.exercise]:
                used_in[item.exercise].append(routine_id)
    return Derived(dict(targeted_by), dict(used_in), _cited_by(catalog), _guides_about(catalog))


def _guides_about(catalog: Catalog) -> dict[str, list[str]]:
    """Guides that discuss each page: listed in `exercises:` or linked from the text."""
    about: dict[str, list[str]] = defaultdict(list)
    for slug, guide in sorted(catalog.guides.items(), key=lambda kv: (kv[1].model.order, kv[0])):
        listed = [f"exercises/{exercise_id}" for exercise_id in guide.model.exercises]
        linked = [f"{kind}/{page_id}" for kind, page_id in _PAGE_LINK.findall(guide.body)]
        for key in dict.fromkeys(listed + linked):
            about[key].append(slug)
    return dict(about)


def _cited_by(catalog: Catalog) -> dict[str, list[tuple[str, str]]]:
    """Pages that cite each reference, so the bibliography links back to them."""
    # A dict per reference keeps each page once in linear time (a library's main
    # references are cited by every exercise).
    cited: dict[str, dict[tuple[str, str], None]] = defaultdict(dict)
    for ref_id, page, title in _citations(catalog):
        cited[ref_id][page, title] = None
    return {ref_id: sorted(pages, key=lambda p: p[1].casefold()) for ref_id, pages in cited.items()}


def _citations(catalog: Catalog) -> list[tuple[str, str, str]]:
    found = []
    for exercise_id, ex in catalog.exercises.items():
        for ref_id in [*ex.model.sources, ex.model.dose.source]:
            found.append((ref_id, f"exercises/{exercise_id}.md", ex.model.name))
    for anatomy_id, an in catalog.anatomy.items():
        found += [(r, f"anatomy/{anatomy_id}.md", an.model.name) for r in an.model.sources]
    for routine_id, ro in catalog.routines.items():
        found += [(r, f"routines/{routine_id}.md", ro.model.title) for r in ro.model.sources]
    for slug, guide in catalog.guides.items():
        found += [(r, f"learn/{slug}.md", guide.model.title) for r in guide.model.sources]
    return found


#: Pages about the whole corpus, and their templates.
_CORPUS_PAGES = {
    "index.md": "home.md.j2",
    "exercises/index.md": "exercise_index.md.j2",
    "exercises/tags.md": "tags.md.j2",
    "anatomy/index.md": "anatomy_index.md.j2",
    "routines/index.md": "routine_index.md.j2",
    "learn/index.md": "guide_index.md.j2",
    "references.md": "references.md.j2",
    "glossary.md": "glossary.md.j2",
}


def render(catalog: Catalog) -> dict[str, str]:
    """Render every page of the site as Markdown, keyed by its path under docs_dir."""
    context = _context(catalog, derive(catalog))
    pages = {path: _render(template, context) for path, template in _CORPUS_PAGES.items()}
    # Exercise and structure pages show their own figure; routine pages and My routine
    # show the exercises' figures again.
    figures = {f"exercises/{key}": exercise_figure_of(catalog, key) for key in sorted(catalog.exercises)}
    figures |= {f"anatomy/{key}": anatomy_figure_of(catalog, key) for key in sorted(catalog.anatomy)}
    for folder in _ITEM_PAGES:
        for key in sorted(_table(catalog, folder)):
            pages[f"{folder}/{key}.md"] = _render_item(context, catalog, folder, key, figures)
    routine_data = routine_catalog.catalog_script(
        routine_catalog.routine_catalog(context["exercises"], context["references"])
    )
    builder = {**context, **_BUILDER_LIMITS, "figures": figures}
    pages[routine_catalog.PAGE] = _render("my_routine.md.j2", builder, {"routine_data": routine_data})
    if catalog.session is None:
        raise RenderError("content/session.yaml is missing or invalid: Follow along is paced from it")
    session_data = routine_catalog.catalog_script(
        session.session_catalog(
            context["exercises"], context["routines"], context["references"], catalog.session.model
        )
    )
    progress_data = routine_catalog.catalog_script(progress.progress_data(context))
    pages[progress.PAGE] = _render(
        "my_progress.md.j2", progress.progress_context(context), {"progress_data": progress_data}
    )
    follow = {**context, "figures": figures, "timings": catalog.session.model}
    pages[session.PAGE] = _render("follow_along.md.j2", follow, {"session_data": session_data})
    if missing := pages_missing_signs(pages, context["red_flag_list"]):
        raise RenderError("these pages lack the serious-sign list: " + ", ".join(missing))
    return dict(sorted(pages.items()))


#: Where a page's printed sheet lists the serious signs (templates/_macros.j2, print_red_flags).
SHEET_FLAGS = 'data-sg-red-flags=""'
#: The on-screen box of serious signs (templates/_macros.j2, red_flags_box).
SCREEN_FLAGS = 'class="sg-flags-box"'


def is_sheet(path: str) -> bool:
    """Whether a page prints as a sheet: an exercise, a routine or My routine."""
    folder, _, name = path.rpartition("/")
    return path == routine_catalog.PAGE or (
        folder in ("exercises", "routines") and name not in ("index.md", "tags.md")
    )


def pages_missing_signs(pages: dict[str, str], red_flags: RedFlags) -> list[str]:
    """Pages that lack a serious sign: on screen (the box, or the red-flags guide's own lists)
    and, on a sheet, in its printed list. Guards the templates: a page never loses the list."""
    guide = f"learn/{RED_FLAGS_GUIDE}.md"
    shorts = [str(text.md_text(sign.short)) for sign in red_flags.signs]
    printed = [str(text.one_line(sign.short)) for sign in red_flags.signs]
    full = [str(text.md_text(sign.text)) for sign in red_flags.signs]
    missing = []
    for path, page in pages.items():
        if path == guide:
            complete = all(sign in page for sign in full)
        else:
            box = page.partition(SCREEN_FLAGS)[2].partition("</div>")[0]
            complete = all(sign in box for sign in shorts)
        if complete and is_sheet(path):
            sheet = page.partition(SHEET_FLAGS)[2].partition("</section>")[0]
            complete = all(sign in sheet for sign in printed)
        if not complete:
            missing.append(path)
    return missing


def _table(catalog: Catalog, folder: str) -> dict[str, Any]:
    return catalog.tables()[_ITEM_PAGES[folder][0]]


def _render_item(
    context: dict[str, Any], catalog: Catalog, folder: str, key: str, figures: dict[str, Markup]
) -> str:
    """One exercise, structure, routine or guide page."""
    kind, template = _ITEM_PAGES[folder]
    source = catalog.tables()[kind][key]
    body = (
        markers.expand(source.body, context["red_flag_list"], context["pictures"])
        if folder == "learn"
        else ""
    )
    page_context = {**context, "item": source.model, "slug": key, "body": body}
    page_context["figure"] = figures.get(f"{folder}/{key}")
    page_context["figures"] = figures
    return _render(template, page_context)


#: Each folder of item pages: the kind of source it shows and its template.
_ITEM_PAGES = {
    "exercises": ("exercise", "exercise.md.j2"),
    "anatomy": ("anatomy", "anatomy.md.j2"),
    "routines": ("routine", "routine.md.j2"),
    "learn": ("guide", "guide.md.j2"),
}


#: What the My routine page adds besides every figure and the embedded catalog: the limits.
_BUILDER_LIMITS = {"max_items": routine_catalog.MAX_ITEMS, "text_limits": routine_catalog.TEXT_LIMITS}


def anatomy_figure_of(catalog: Catalog, key: str) -> Markup:
    """One structure's figure: the body with its parts highlighted."""
    return anatomy_figure(catalog.anatomy[key].model, key)


def exercise_figure_of(catalog: Catalog, exercise_id: str) -> Markup:
    """One exercise's figure, with the body parts its primary targets highlight."""
    exercise = catalog.exercises[exercise_id].model
    anatomy = catalog.anatomy
    parts = [part for a in exercise.targets.primary if a in anatomy for part in anatomy[a].model.diagram]
    return exercise_figure(exercise, parts)


def _context(catalog: Catalog, derived: Derived) -> dict[str, Any]:
    exercises = [s.model for _, s in sorted(catalog.exercises.items())]
    by_id = {e.id: e for e in exercises}
    if catalog.red_flags is None:
        raise RenderError("content/red-flags.yaml is missing or invalid: every page needs its signs")
    red_flags = catalog.red_flags.model

    def stop_rules_of(routine: Routine) -> list[str]:
        """Every 'stop and get help' rule of a routine's exercises, once each, in order."""
        rules = [rule for item in routine.items for rule in by_id[item.exercise].stop_rules.stop]
        return list(dict.fromkeys(rules)) + safety.stop_lines(red_flags)

    by_category = {category: [e for e in exercises if e.category is category] for category in Category}
    guides = sorted(catalog.guides.items(), key=lambda kv: (kv[1].model.order, kv[0]))
    return {
        "exercises": by_id,
        "facets": filters.FACETS,
        "facet_values": {e.id: filters.facet_values(e) for e in exercises},
        "option_counts": filters.option_counts(exercises),
        "tags_of": filters.tags,
        "tag_groups": filters.TAG_GROUPS,
        "stop_rules_of": stop_rules_of,
        "red_flag_list": red_flags,
        # Guides' pictures, drawn once: only the guides that name one show it.
        "pictures": {key: picture_figure(source.model) for key, source in sorted(catalog.pictures.items())},
        "flag_groups": safety.groups(red_flags),
        "sign_words": "|".join(red_flags.search_words),
        "stop_lines": safety.stop_lines(red_flags),
        "on_floor": safety.on_floor,
        "floor_guide": safety.FLOOR_GUIDE,
        "by_category": {k: v for k, v in by_category.items() if v},
        "anatomy": {k: s.model for k, s in sorted(catalog.anatomy.items())},
        "anatomy_names": {k: s.model.name for k, s in sorted(catalog.anatomy.items())},
        "routines": {k: s.model for k, s in sorted(catalog.routines.items())},
        "references": {k: s.model for k, s in sorted(catalog.references.items())},
        "guides": [(slug, source.model) for slug, source in guides],
        "glossary": sorted(
            catalog.glossary.model.terms if catalog.glossary else [],
            key=lambda t: t.term.casefold(),
        ),
        "targeted_by": derived.targeted_by,
        "used_in": derived.used_in,
        "cited_by": derived.cited_by,
        "guides_about": derived.guides_about,
        "guide_titles": {slug: source.model.title for slug, source in guides},
    }


def abbreviations(catalog: Catalog) -> dict[str, str]:
    """Glossary tooltips for Python-Markdown's abbr extension: each term, lower-case and
    capitalised too (abbr matches exact case), with its definition.

    Acronyms keep their one form, so "NICE" never marks the word "nice". The hook hands
    this to abbr's `glossary` option; appending it to every page as Markdown (snippets)
    doubled the Markdown time of an exercise page.
    """
    forms: dict[str, str] = {}
    for entry in catalog.glossary.model.terms if catalog.glossary else []:
        variants = [entry.term]
        if not any(word.isupper() and len(word) > 1 for word in entry.term.split()):
            variants += [entry.term.lower(), entry.term[0].upper() + entry.term[1:].lower()]
        # Python-Markdown writes the title attribute escaping "<" and '"' but leaving "&"
        # before anything entity-like, so "&lt;" would show as "<": escape "&" ourselves.
        for variant in variants:
            forms.setdefault(variant, entry.definition.replace("&", "&amp;"))
    return dict(sorted(forms.items()))


def _render(template: str, context: dict[str, Any], slots: dict[str, str] | None = None) -> str:
    """The template's output; each slot's text is put in after the guard (data such as JSON,
    escaped for where it goes, which may hold "}}")."""
    marks = {name: f"\0{name}\0" for name in slots or {}}
    output = environment().get_template(template).render(context | {n: Markup(m) for n, m in marks.items()})
    # Guard: a template mistake must fail loudly, not print "{{" to a reader.
    if has_template_syntax(output):
        raise RenderError(f"{template}: unrendered template syntax in the output")
    for name, mark in marks.items():
        if output.count(mark) != 1:
            raise RenderError(f"{template}: '{name}' must be used exactly once")
        output = output.replace(mark, (slots or {})[name])
    return output.rstrip("\n") + "\n"


def has_template_syntax(output: str) -> bool:
    """Whether `output` holds "{{", "{%", "}}" or "%}"."""
    return _LEFTOVER.search(output) is not None
