"""A tiny SVG canvas: collects shapes in body units, tracks their bounds, writes markup."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from .pose import Point

#: Pixels per unit (1 % of body height) on screen; one scale for every figure.
SCALE = 2.6


def num(value: float) -> str:
    """A coordinate with one decimal and no trailing zero or negative zero: small, stable."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@dataclass(frozen=True)
class Element:
    """One SVG element: its tag, CSS class and attributes in output order."""

    tag: str
    css: str
    attrs: tuple[tuple[str, str], ...]


@dataclass
class Canvas:
    """Shapes in y-up body units; `mirror` flips left and right (a figure facing left)."""

    mirror: bool = False
    elements: list[Element] = field(default_factory=list)
    bounds: list[float] = field(default_factory=lambda: [1e9, 1e9, -1e9, -1e9])

    def xy(self, point: Point, pad: float = 0.0) -> tuple[str, str]:
        """SVG coordinates of a point (y down), growing the bounds by `pad` around it."""
        x = -point.real if self.mirror else point.real
        y = -point.imag
        b = self.bounds
        b[:] = [min(b[0], x - pad), min(b[1], y - pad), max(b[2], x + pad), max(b[3], y + pad)]
        return num(x), num(y)

    def path(self, css: str, points: list[Point], width: float, closed: bool = False) -> None:
        """A polyline through the points, stroked `width` wide with round ends."""
        coords = [" ".join(self.xy(p, width / 2)) for p in points]
        d = "M" + coords[0] + "".join("L" + c for c in coords[1:])
        if len(coords) == 1:
            d += "l0 0"  # a dot: a zero-length line with round caps
        self.add("path", css, d=d + ("Z" if closed else ""), stroke_width=num(width))

    def curve(self, css: str, start: Point, control: Point, end: Point, width: float) -> None:
        """A quadratic curve from start to end bending toward control."""
        parts = [" ".join(self.xy(p, width)) for p in (start, control, end)]
        self.add("path", css, d=f"M{parts[0]}Q{parts[1]} {parts[2]}", stroke_width=num(width))

    def smooth(self, css: str, points: list[Point], width: float) -> None:
        """A smooth curve through the points (Catmull-Rom turned into cubic Béziers)."""
        d = "M" + " ".join(self.xy(points[0], width))
        for i in range(len(points) - 1):
            p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
            p3 = points[min(i + 2, len(points) - 1)]
            c1, c2 = p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6
            d += "C" + " ".join(" ".join(self.xy(p, width)) for p in (c1, c2, p2))
        self.add("path", css, d=d, stroke_width=num(width))

    def circle(self, css: str, centre: Point, radius: float) -> None:
        """A circle."""
        cx, cy = self.xy(centre, radius)
        self.add("circle", css, cx=cx, cy=cy, r=num(radius))

    def polygon(self, css: str, points: list[Point]) -> None:
        """A filled polygon."""
        self.add("path", css, d="M" + "L".join(" ".join(self.xy(p)) for p in points) + "Z")

    @contextmanager
    def group(self, css: str) -> Iterator[None]:
        """Shapes added inside share a class (e.g. one opacity for a ghosted pose)."""
        self.elements.append(Element("g", css, ()))
        yield
        self.elements.append(Element("/g", "", ()))

    def add(self, tag: str, css: str, **attrs: str) -> None:
        """Any element; attribute names use _ for -."""
        self.elements.append(Element(tag, css, tuple((k.replace("_", "-"), v) for k, v in attrs.items())))

    def markup(self) -> Markup:
        """Every element as SVG, one per line, each class and attribute value escaped.

        Written here rather than in the figure template: a figure has a few hundred
        elements, and a template loop spent half the figure's time on them.
        """
        return Markup("".join(_element_markup(element) + "\n" for element in self.elements))

    def view_box(self, margin: float) -> tuple[float, float, float, float]:
        """x, y, width, height of the drawing plus a margin."""
        x0, y0, x1, y1 = self.bounds
        return x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin


def _element_markup(element: Element) -> str:
    css = escape(element.css)
    if element.tag == "/g":
        return "</g>"
    if element.tag == "g":
        return f'<g class="{css}">'
    attrs = "".join(f' {name}="{escape(value)}"' for name, value in element.attrs)
    return f'<{element.tag} class="{css}"{attrs}/>'


def svg_attrs(canvas: Canvas, margin: float, scale: float = SCALE) -> dict[str, str]:
    """viewBox, width and height attributes; one scale for all figures of a kind."""
    x, y, w, h = canvas.view_box(margin)
    return {
        "view_box": " ".join(num(v) for v in (x, y, w, h)),
        "width": num(w * scale),
        "height": num(h * scale),
    }
