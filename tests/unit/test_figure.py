"""Tests for sitegen.figures.draw: the exercise SVG parses, says what it shows, and stays small."""

from __future__ import annotations

import cmath
import math
import re
import xml.etree.ElementTree as ET

import pytest

from sitegen.checks.figures import figure_problems
from sitegen.content.load import Catalog, load_corpus
from sitegen.content.models import DiagramPart
from sitegen.figures.draw import STEPS, exercise_figure, picture_figure
from sitegen.render.pages import anatomy_figure_of, exercise_figure_of

from ..conftest import FIXTURE_CORPUS, ROOT, match_golden
from .test_figure_text import fixture_exercise

SVG = "{http://www.w3.org/2000/svg}"
#: One page's figure, its animation included (issue 20's budget).
MAX_BYTES = 12_000


@pytest.fixture(scope="module")
def real_catalog() -> Catalog:
    catalog, problems = load_corpus(ROOT)
    assert problems == []
    return catalog


def parse(markup: str) -> ET.Element:
    figure = ET.fromstring(markup)
    assert figure.tag == "figure"
    return figure


def test_svg_parses_and_carries_the_text_alternative() -> None:
    exercise = fixture_exercise("alpha-slide")
    figure = parse(exercise_figure(exercise, []))
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "fig-alpha-slide-title fig-alpha-slide-desc"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert title.text == "Alpha slide <3 &lt;script&gt; *one*: the movement"
    assert desc.text == "Sitting on a chair. The left knee straightens while the head tips back."
    caption = figure.find("figcaption")
    assert caption is not None and caption.text is not None and caption.text.startswith(desc.text)


def test_data_text_is_escaped_not_injected() -> None:
    # The loader refuses tags in text; the figure escapes them anyway, in case one slips by.
    hostile = fixture_exercise("alpha-slide").model_copy(update={"name": "<script>alert(1)</script>"})
    markup = exercise_figure(hostile, [])
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup


def test_nerve_is_drawn_dashed_only_for_nerve_glides() -> None:
    glide = parse(exercise_figure(fixture_exercise("alpha-slide"), []))
    stretch = parse(exercise_figure(fixture_exercise("beta-hold"), []))
    # On each still pose, and on the moving body.
    assert len(glide.findall(f".//{SVG}g[@class='sg-still']/{SVG}path[@class='sg-nerve']")) == 2
    assert len(glide.findall(f".//{SVG}g[@class='sg-live']/{SVG}path[@class='sg-nerve']")) == 1
    assert stretch.findall(f".//{SVG}path[@class='sg-nerve']") == []


def test_target_area_is_marked_and_named_in_the_caption() -> None:
    figure = parse(exercise_figure(fixture_exercise("beta-hold"), [DiagramPart.HAMSTRINGS]))
    assert len(figure.findall(f".//{SVG}circle[@class='sg-target']")) == 1
    caption = figure.find("figcaption")
    assert caption is not None and "Dotted circle" in (caption.text or "")


def heads(markup: str) -> list[float]:
    """The x of each still pose's head, in drawing order."""
    return [x for x, _ in head_points(markup)]


def head_points(markup: str) -> list[tuple[float, float]]:
    """(x, y) of each still pose's head, in drawing order (y down)."""
    found = parse(markup).findall(f".//{SVG}g[@class='sg-still']/{SVG}circle[@class='sg-head']")
    return [(float(h.get("cx", "nan")), float(h.get("cy", "nan"))) for h in found]


def test_still_poses_stand_apart_numbered_in_the_order_of_the_movement(real_catalog: Catalog) -> None:
    # Bird-dog: all fours, one reach, all fours again, the other reach: three different poses.
    markup = exercise_figure_of(real_catalog, "bird-dog")
    still = parse(markup).find(f".//{SVG}g[@class='sg-still']")
    assert still is not None
    assert [t.text for t in still.iter(f"{SVG}text")] == ["1", "2", "3"]
    (x1, y1), (x2, y2), (x3, y3) = head_points(markup)
    assert x2 - x1 > 40 and abs(y2 - y1) < 1, "1 and 2 side by side"
    # Three poses on all fours in a row would be too small on a phone: 3 starts a new row,
    # under 1, and only poses in the same row have an arrow between them.
    assert y3 - y1 > 30 and abs(x3 - x1) < 30
    assert len(still.findall(f"{SVG}path[@class='sg-arrowhead']")) == 1
    # Two poses lying down stay in one row.
    (a, ay), (b, by) = head_points(exercise_figure_of(real_catalog, "knee-to-chest"))
    assert ay == by and b - a > 80
    # No pose is drawn faint on top of another any more.
    assert parse(markup).findall(f".//{SVG}g[@class='sg-ghost']") == []


def test_facing_left_mirrors_and_keeps_start_on_the_left() -> None:
    start_x, end_x = heads(exercise_figure(fixture_exercise("beta-hold"), []))
    assert start_x < end_x
    right = heads(exercise_figure(fixture_exercise("beta-hold", facing="right"), []))
    # Facing right, each head is at the left end of its body; facing left, at the right end.
    assert right[0] < start_x


@pytest.mark.parametrize("exercise_id", ["alpha-slide", "beta-hold"])
def test_golden_fixture_figures(exercise_id: str) -> None:
    catalog, _ = load_corpus(FIXTURE_CORPUS)
    check_golden(f"exercise-{exercise_id}.html", exercise_figure_of(catalog, exercise_id))


#: One figure of each kind: side views (two poses, three in rows), from above, close-ups.
GOLDEN_FIGURES = (
    "seated-nerve-slider",
    "bridge",
    "cat-cow",
    "bird-dog",
    "seated-spinal-twist",
    "pelvic-tilts",
    "pelvic-clock",
)


@pytest.mark.parametrize("exercise_id", GOLDEN_FIGURES)
def test_golden_real_figures(real_catalog: Catalog, exercise_id: str) -> None:
    check_golden(f"exercise-{exercise_id}.html", exercise_figure_of(real_catalog, exercise_id))


def test_every_real_figure_is_small_and_parses(real_catalog: Catalog) -> None:
    figures = {f"anatomy/{key}": anatomy_figure_of(real_catalog, key) for key in real_catalog.anatomy}
    figures |= {f"exercises/{key}": exercise_figure_of(real_catalog, key) for key in real_catalog.exercises}
    sizes = {key: len(markup.encode()) for key, markup in figures.items()}
    assert len(sizes) == len(real_catalog.exercises) + len(real_catalog.anatomy)
    for key, markup in figures.items():
        parse(markup)
        assert sizes[key] <= MAX_BYTES, f"{key}: {sizes[key]} bytes"


def check_golden(name: str, actual: str) -> None:
    match_golden(f"figures/{name}", actual + "\n")


def test_sleeping_on_your_side_is_drawn_from_above_on_a_bed_with_pillows_under_head_and_knees(
    real_catalog: Catalog,
) -> None:
    picture = real_catalog.pictures["lying-on-side-pillow"].model
    figure = parse(picture_figure(picture))
    svg = figure.find(f"{SVG}svg")
    assert svg is not None
    # A mattress under everything instead of a floor line; no movement arrow for a still pose.
    assert svg[2].get("class") == "sg-bed", "the bed is drawn first, under the body"
    assert svg.findall(f".//{SVG}path[@class='sg-floor']") == []
    assert svg.findall(f".//{SVG}polygon[@class='sg-arrowhead']") == []
    pillows = svg.findall(f".//{SVG}rect[@class='sg-prop']")
    head = svg.find(f".//{SVG}circle[@class='sg-head']")
    assert head is not None and len(pillows) == 2
    # Each pillow lies under what it supports: one under the head, one where the knees are.
    centres = sorted(
        (_number(r, "x") + _number(r, "width") / 2, _number(r, "y") + _number(r, "height") / 2)
        for r in pillows
    )
    assert abs(centres[0][0] - float(head.get("cx", 0))) < 8
    assert abs(centres[0][1] - float(head.get("cy", 0))) < 3
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and desc.text == "Lying on one side with pillows, seen from above."
    caption = figure.find("figcaption")
    assert caption is not None and caption.text is not None
    assert "Faint figure" not in caption.text and "between your knees" in caption.text


def test_pillows_stack_under_the_knees_when_lying_on_your_back(real_catalog: Catalog) -> None:
    picture = real_catalog.pictures["lying-on-back-pillows"].model
    svg = parse(picture_figure(picture)).find(f"{SVG}svg")
    assert svg is not None
    pillows = [r for r in svg.findall(f".//{SVG}rect[@class='sg-prop']") if float(r.get("x", 0)) > 0]
    assert len(pillows) == 2, "two pillows under the knees, one on the other"
    tops = sorted(float(r.get("y", 0)) for r in pillows)
    assert tops[0] == tops[1] - float(pillows[0].get("height", 0))


def _number(element: ET.Element, name: str) -> float:
    return float(element.get(name, "0"))


def test_every_figure_carries_every_step_of_its_movement(real_catalog: Catalog) -> None:
    for exercise_id, source in sorted(real_catalog.exercises.items()):
        figure = source.model.figure
        markup = str(exercise_figure_of(real_catalog, exercise_id))
        anim = parse(markup).find(f".//{SVG}g[@class='sg-anim']")
        live = parse(markup).find(f".//{SVG}g[@class='sg-live']")
        assert anim is not None and live is not None and "data-sg-play" in markup, exercise_id
        route = figure.route()
        assert anim.get("data-sg-route") == " ".join(
            f"{still}{'h' if pose.hold else ''}" for still, pose in zip(route, figure.poses, strict=True)
        )
        drawn = [
            e.get("d") or f"{e.get('cx')} {e.get('cy')}"
            for e in live.iter()
            if e.tag in (f"{SVG}path", f"{SVG}circle")
        ]
        groups = dict(group.split(":") for group in (anim.get("data-sg-frames") or "").split("/"))
        moves = {tuple(sorted(pair)) for pair in zip(route, route[1:] + route[:1], strict=True)}
        assert {tuple(sorted(map(int, pair.split()))) for pair in groups} == moves, exercise_id
        for pair, text in groups.items():
            steps = [step.split(";") for step in text.split("|")]
            assert len(steps) == STEPS + 1 and all(len(step) == len(drawn) for step in steps)
            if pair.startswith(f"{route[0]} "):
                # The first step is the body as drawn, at the first pose: nothing left out.
                assert [drawn[int(g[1:])] if g.startswith("=") else g for g in steps[0]] == drawn
            # Something moves in every step after the first ("" = as in the step before).
            assert all(any(shape != "" for shape in step) for step in steps[1:]), exercise_id
        assert anim.get("data-sg-hold") == "2"


def test_a_dose_of_holds_holds_a_pose_and_the_checks_say_so() -> None:
    exercise = fixture_exercise("beta-hold")
    assert exercise.dose.hold_seconds is not None
    assert [pose.hold for pose in exercise.figure.poses] == [False, True]
    unheld = exercise.figure.model_copy(
        update={"poses": [pose.model_copy(update={"hold": False}) for pose in exercise.figure.poses]}
    )
    problems = list(figure_problems(unheld, holds=True))
    assert problems == [(("poses",), "the dose holds (hold_seconds), so a pose needs hold: true")]
    assert [loc for loc, _ in figure_problems(exercise.figure, holds=False)] == [("poses", 1, "hold")]


def test_the_eye_shows_where_the_face_points_and_each_arm_ends_in_a_hand() -> None:
    def parts(markup: str, css: str) -> list[tuple[float, float]]:
        still = parse(markup).find(f".//{SVG}g[@class='sg-still']")
        assert still is not None
        return [
            (_number(c, "cx"), _number(c, "cy")) for c in still.iter(f"{SVG}circle") if c.get("class") == css
        ]

    # Sitting, facing right: the eye is on the right of the head (SVG y grows downwards).
    seated = str(exercise_figure(fixture_exercise("alpha-slide"), []))
    for (hx, hy), (ex, ey) in zip(parts(seated, "sg-head"), parts(seated, "sg-eye"), strict=True):
        assert ex - hx > 2 and abs(ey - hy) < 4
    # Lying on the back, the face points at the ceiling.
    lying = str(exercise_figure(fixture_exercise("beta-hold"), []))
    for (_, hy), (_, ey) in zip(parts(lying, "sg-head"), parts(lying, "sg-eye"), strict=True):
        assert hy - ey > 2
    # Two hands on each still pose, and on the moving body.
    assert len(parts(seated, "sg-hand")) == 4
    live = parse(seated).find(f".//{SVG}g[@class='sg-live']")
    assert (
        live is not None and len([c for c in live.iter(f"{SVG}circle") if c.get("class") == "sg-hand"]) == 2
    )


def test_the_twist_is_seen_from_above_with_the_shoulders_turning_against_the_hips(
    real_catalog: Catalog,
) -> None:
    svg = parse(str(exercise_figure_of(real_catalog, "seated-spinal-twist")))
    still = svg.find(f".//{SVG}g[@class='sg-still']")
    assert still is not None
    # Per pose, in drawing order: the hips line (pale, behind) and then the shoulders line.
    far = [g.find(f"{SVG}path") for g in still.findall(f"{SVG}g[@class='sg-far']")]
    solid = [p for p in still.findall(f"{SVG}path[@class='sg-limb']") if p.get("stroke-width") == "9"]

    def angle(path: ET.Element | None) -> float:
        assert path is not None
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
        x0, y0, x1, y1 = numbers[:4]
        return math.degrees(cmath.phase(complex(x1 - x0, y0 - y1)))

    assert [round(angle(p)) for p in far] == [0, 0], "the hips stay square"
    assert [round(angle(p)) for p in solid] == [0, 45], "the shoulders turn 45° to the left"
    desc = svg.find(f".//{SVG}desc")
    assert (
        desc is not None
        and desc.text == "Sitting on a chair, seen from above. The upper body turns to the left."
    )
    assert svg.findall(f".//{SVG}path[@class='sg-floor']") == [], "from straight above, no floor line"


def test_a_pelvic_tilt_is_drawn_close_up_on_the_pelvis_and_lower_back(real_catalog: Catalog) -> None:
    markup = str(exercise_figure_of(real_catalog, "pelvic-tilts"))
    figure = parse(markup)
    still = figure.find(f".//{SVG}g[@class='sg-still']")
    assert still is not None
    # No head and no feet: the trunk, the thighs and the curve of the lower back, drawn larger.
    assert still.findall(f"{SVG}circle[@class='sg-head']") == []
    curves = [p.get("d") for p in still.findall(f"{SVG}path[@class='sg-spine']")]
    assert len(curves) == 2 and curves[0] != curves[1], "the lower back's curve changes with the tilt"

    def width(markup: str) -> float:
        svg = parse(markup).find(f"{SVG}svg")
        assert svg is not None
        return float(svg.get("viewBox", "").split()[2])

    whole = width(str(exercise_figure_of(real_catalog, "knee-to-chest")))
    assert width(markup) < whole * 0.6, "cut down to the pelvis"
    desc = figure.find(f".//{SVG}desc")
    assert desc is not None and desc.text is not None
    assert desc.text.startswith(
        "Lying on the back on a mat with a pillow, close up on the pelvis and lower back."
    )


def test_the_pelvic_clock_goes_round_its_face(real_catalog: Catalog) -> None:
    figure = parse(str(exercise_figure_of(real_catalog, "pelvic-clock")))
    still = figure.find(f".//{SVG}g[@class='sg-still']")
    assert still is not None
    dials = [
        (_number(c, "cx"), _number(c, "cy"))
        for c in still.iter(f"{SVG}circle")
        if c.get("class") == "sg-dial"
    ]
    dots = [
        (_number(c, "cx"), _number(c, "cy"))
        for c in still.iter(f"{SVG}circle")
        if c.get("class") == "sg-sinks"
    ]
    assert len(dials) == len(dots) == 4
    # The point that sinks: 12 toward the head (up), 3 on the reader's right, then 6 and 9.
    where = [(round(x - cx), round(y - cy)) for (cx, cy), (x, y) in zip(dials, dots, strict=True)]
    assert [(dx > 0, dy < 0) for dx, dy in where] == [
        (False, True),
        (True, False),
        (False, False),
        (False, False),
    ]
    assert where[0][1] < -3 and where[1][0] > 3 and where[2][1] > 3 and where[3][0] < -3
    assert [t.text for t in still.iter(f"{SVG}text") if t.get("class") == "sg-hour"][:4] == [
        "12",
        "3",
        "6",
        "9",
    ]
    desc = figure.find(f".//{SVG}desc")
    assert desc is not None and desc.text == (
        "Lying on the back, the pelvis seen from above as a clock face. 1 to 2: the pelvis tips toward 3 "
        "o'clock. 2 to 3: the pelvis tips toward 6 o'clock. 3 to 4: the pelvis tips toward 9 o'clock. "
        "Then back to 1."
    )
