"""Draw the back-view diagram of the lower body that highlights one anatomy structure."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from sitegen.content.models import Anatomy, DiagramPart
from sitegen.figures.canvas import Canvas, svg_attrs
from sitegen.figures.draw import render_figure

MARGIN = 2.0
#: Pixels per unit: larger than exercise figures so the small structures read.
SCALE = 3.6
OUTLINE = 0.8
#: The body outline as (from, to, stroke width), in units of 1 % of height, seen from
#: behind, so the figure's left is on the reader's left. Mirrored for the right side.
BODY: tuple[tuple[complex, complex, float], ...] = (
    (complex(0, 57), complex(0, 77), 20.0),  # trunk
    (complex(-6.5, 79), complex(6.5, 79), 7.0),  # shoulders
    (complex(0, 83), complex(0, 88), 5.0),  # neck
    (complex(-5.4, 52), complex(-5.8, 29), 10.0),  # thigh
    (complex(-5.8, 28), complex(-6.0, 5), 7.0),  # lower leg
    (complex(-6.0, 2.5), complex(-6.5, 1.6), 5.0),  # heel
    (complex(-12.8, 79), complex(-15.6, 46), 5.0),  # arm
)
HEAD = (complex(0, 93.5), 6.5)
VERTEBRAE = (71.4, 68.8, 66.2, 63.6, 61.0)  # centre heights of L1 to L5
DISCS = (70.1, 67.5, 64.9, 62.3, 59.7)  # below each vertebra; the last is L5-S1
ROOTS = (62.3, 59.7, 58.0, 56.5, 55.0)  # L4, L5, S1, S2, S3 leaving the spine
NERVE_START = complex(5.6, 52.6)
SPLIT = complex(6.0, 33.0)

WHERE = {
    DiagramPart.LUMBAR_VERTEBRAE: "the five bones of the lower back, above the pelvis",
    DiagramPart.DISCS: "the discs between the bones of the lower back",
    DiagramPart.SPINAL_CANAL: "the channel down the middle of the lower back bones",
    DiagramPart.NERVE_ROOTS: "the nerve roots leaving the lower spine and the sacrum",
    DiagramPart.SCIATIC_NERVE: "the nerve from the pelvis, through the buttock and down the thigh",
    DiagramPart.TIBIAL_NERVE: "the branch that runs on down the back of the calf",
    DiagramPart.COMMON_FIBULAR_NERVE: "the branch that wraps round the outside of the knee",
    DiagramPart.PELVIS: "the pelvis and the sacrum at the base of the spine",
    DiagramPart.PIRIFORMIS: "the small muscle from the sacrum to the top of the thigh bone",
    DiagramPart.DEEP_HIP_ROTATORS: "the small muscles just below piriformis at the back of the hip",
    DiagramPart.GLUTEAL_MUSCLES: "the buttock muscles",
    DiagramPart.HAMSTRINGS: "the muscles down the back of the thigh",
    DiagramPart.HIP_FLEXORS: "the muscles at the front of the hip, dashed because they lie in front",
    DiagramPart.CORE_MUSCLES: "the deep muscles round the waist, dashed because they wrap to the front",
    DiagramPart.BACK_MUSCLES: "the muscles on each side of the lower spine",
}
#: Parts always drawn faintly, so every diagram shows the path of the sciatic nerve.
CONTEXT = (
    DiagramPart.PELVIS,
    DiagramPart.LUMBAR_VERTEBRAE,
    DiagramPart.NERVE_ROOTS,
    DiagramPart.SCIATIC_NERVE,
    DiagramPart.TIBIAL_NERVE,
    DiagramPart.COMMON_FIBULAR_NERVE,
)


def anatomy_figure(anatomy: Anatomy, slug: str) -> Markup:
    """The back-view diagram with this structure's parts highlighted, and its caption."""
    canvas = Canvas()
    _draw_outline(canvas)
    highlighted = list(dict.fromkeys(anatomy.diagram))
    for part in CONTEXT:
        if part not in highlighted:
            with canvas.group("sg-context"):
                DRAW[part](canvas, "sg-context-line")
    for part in highlighted:
        with canvas.group("sg-hl"):
            DRAW[part](canvas, "sg-hl-line")
    places = "; ".join(WHERE[p] for p in highlighted)
    desc = f"Back view of the lower body. Highlighted: {places}."
    context: dict[str, object] = {
        "id": f"fig-{slug}",
        "css": "sg-anatomy",
        "title": f"Where the {anatomy.name.lower()} sits",
        "desc": desc,
        "caption": f"{desc} The sciatic nerve and its branches are shown faintly for reference.",
        "shapes": canvas.markup(),
        "playable": False,
    }
    return render_figure(context | svg_attrs(canvas, MARGIN, SCALE))


def _both(point: complex) -> tuple[complex, complex]:
    """A point on the left and its mirror image on the right."""
    return complex(-point.real, point.imag), point


def _draw_outline(canvas: Canvas) -> None:
    """The body as strokes: a dark pass a little wider, then a background-coloured pass."""
    for css, extra in (("sg-outline", 2 * OUTLINE), ("sg-skin", 0.0)):
        with canvas.group(css):
            for start, end, width in BODY:
                for a, b in {(start, end), (complex(-start.real, start.imag), complex(-end.real, end.imag))}:
                    canvas.path("", [a, b], width + extra)
            canvas.circle("", HEAD[0], HEAD[1] + extra / 2)


def _vertebrae(canvas: Canvas, css: str) -> None:
    for y in VERTEBRAE:
        canvas.path(css, [complex(-1.2, y), complex(1.2, y)], 2.0)


def _discs(canvas: Canvas, css: str) -> None:
    for y in DISCS:
        canvas.path(css, [complex(-1.6, y), complex(1.6, y)], 0.6)


def _canal(canvas: Canvas, css: str) -> None:
    canvas.path(css, [complex(0, 72.8), complex(0, 57.5)], 0.9)


def _roots(canvas: Canvas, css: str) -> None:
    for y in ROOTS:
        for start, end in zip(_both(complex(1.6, y)), _both(NERVE_START), strict=True):
            canvas.smooth(css, [start, (start + end) / 2 + complex(0, -0.6), end], 0.7)


def _sciatic(canvas: Canvas, css: str) -> None:
    for sign in (-1, 1):
        points = [NERVE_START, complex(7.0, 49.5), complex(6.2, 44), complex(6.0, 38), SPLIT]
        canvas.smooth(css, [complex(sign * p.real, p.imag) for p in points], 1.6)


def _tibial(canvas: Canvas, css: str) -> None:
    for sign in (-1, 1):
        points = [SPLIT, complex(6.0, 28), complex(6.2, 18), complex(6.4, 8), complex(6.4, 4)]
        canvas.smooth(css, [complex(sign * p.real, p.imag) for p in points], 1.1)


def _fibular(canvas: Canvas, css: str) -> None:
    for sign in (-1, 1):
        points = [SPLIT, complex(8.0, 30), complex(9.3, 27), complex(9.2, 24.5)]
        canvas.smooth(css, [complex(sign * p.real, p.imag) for p in points], 1.0)


def _pelvis(canvas: Canvas, css: str) -> None:
    for sign in (-1, 1):
        wing = [
            complex(2.2, 59.5),
            complex(7, 63.5),
            complex(10.5, 61),
            complex(9.5, 54),
            complex(6.5, 50.5),
            complex(4.5, 48.5),
            complex(2.8, 53),
        ]
        canvas.path(css, [complex(sign * p.real, p.imag) for p in wing], 0.8, closed=True)
    canvas.path(
        css, [complex(-3, 59.5), complex(3, 59.5), complex(0.6, 52.5), complex(-0.6, 52.5)], 0.8, closed=True
    )


def _piriformis(canvas: Canvas, css: str) -> None:
    for start, end in zip(_both(complex(2.4, 56.5)), _both(complex(10.4, 53.5)), strict=True):
        canvas.path(css, [start, end], 2.4)


def _rotators(canvas: Canvas, css: str) -> None:
    for y0, y1 in ((52.2, 51.8), (50.8, 50.8), (49.4, 49.9)):
        for start, end in zip(_both(complex(3.4, y0)), _both(complex(10.0, y1)), strict=True):
            canvas.path(css, [start, end], 1.0)


def _gluteals(canvas: Canvas, css: str) -> None:
    for sign in (-1, 1):
        shape = [
            complex(2.6, 58),
            complex(9.5, 59),
            complex(11.5, 52),
            complex(9.5, 46.5),
            complex(3.5, 47.5),
        ]
        canvas.path(css, [complex(sign * p.real, p.imag) for p in shape], 1.0, closed=True)


def _hamstrings(canvas: Canvas, css: str) -> None:
    for start, end in zip(_both(complex(4.6, 48.5)), _both(complex(5.6, 31)), strict=True):
        canvas.path(css, [start, end], 4.5)


def _hip_flexors(canvas: Canvas, css: str) -> None:
    for start, end in zip(_both(complex(2.2, 68)), _both(complex(6.2, 47.5)), strict=True):
        canvas.path(css + " sg-front", [start, (start + end) / 2 + complex(1.2, 0), end], 3.0)


def _core(canvas: Canvas, css: str) -> None:
    canvas.path(
        css + " sg-front",
        [complex(-9.2, 58), complex(9.2, 58), complex(9.2, 72), complex(-9.2, 72)],
        1.0,
        closed=True,
    )


def _back_muscles(canvas: Canvas, css: str) -> None:
    for start, end in zip(_both(complex(3.4, 57.5)), _both(complex(3.4, 80)), strict=True):
        canvas.path(css, [start, end], 2.6)


DRAW: dict[DiagramPart, Callable[[Canvas, str], None]] = {
    DiagramPart.LUMBAR_VERTEBRAE: _vertebrae,
    DiagramPart.DISCS: _discs,
    DiagramPart.SPINAL_CANAL: _canal,
    DiagramPart.NERVE_ROOTS: _roots,
    DiagramPart.SCIATIC_NERVE: _sciatic,
    DiagramPart.TIBIAL_NERVE: _tibial,
    DiagramPart.COMMON_FIBULAR_NERVE: _fibular,
    DiagramPart.PELVIS: _pelvis,
    DiagramPart.PIRIFORMIS: _piriformis,
    DiagramPart.DEEP_HIP_ROTATORS: _rotators,
    DiagramPart.GLUTEAL_MUSCLES: _gluteals,
    DiagramPart.HAMSTRINGS: _hamstrings,
    DiagramPart.HIP_FLEXORS: _hip_flexors,
    DiagramPart.CORE_MUSCLES: _core,
    DiagramPart.BACK_MUSCLES: _back_muscles,
}
