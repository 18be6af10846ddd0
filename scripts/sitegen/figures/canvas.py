"""A tiny SVG canvas: collects shapes in body units, tracks their bounds, writes markup."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from sitegen.figures.pose import Point

#: Pixels per unit (1 % of body height) on screen; one scale for every figure.
SCALE = 2.6


def num(value: float) -> str:
    """A coordinate with one decimal and no trailing zero or negative zero: small, stable."""
    text = f"{value:.1f}"
    if text[-1] == "0":  # "12.0" -> "12", "-0.0" -> "0"
        text = text[:-2]
        return "0" if text == "-0" else text
    return text


@dataclass
class Canvas:
    """Shapes in y-up body units; `mirror` flips left and right (a figure facing left).

    Each shape is written as SVG markup when it is added: coordinates are formatted by
    `num` (digits, "-" and "." only, nothing to escape), and every class name and other
    attribute value is escaped.
    """

    mirror: bool = False
    parts: list[str] = field(default_factory=list)
    bounds: list[float] = field(default_factory=lambda: [1e9, 1e9, -1e9, -1e9])

    def coords(self, points: Iterable[Point], pad: float = 0.0) -> list[str]:
        """Each point as "x y" in SVG coordinates (y down), growing the bounds by `pad` around it."""
        flip = -1.0 if self.mirror else 1.0
        x0, y0, x1, y1 = self.bounds
        out = []
        for point in points:
            x, y = flip * point.real, -point.imag
            x0, y0 = min(x0, x - pad), min(y0, y - pad)
            x1, y1 = max(x1, x + pad), max(y1, y + pad)
            out.append(f"{num(x)} {num(y)}")
        self.bounds = [x0, y0, x1, y1]
        return out

    def xy(self, point: Point, pad: float = 0.0) -> tuple[str, str]:
        """SVG coordinates of a point (y down), growing the bounds by `pad` around it."""
        x, y = self.coords((point,), pad)[0].split(" ")
        return x, y

    def path(self, css: str, points: list[Point], width: float, closed: bool = False) -> None:
        """A polyline through the points, stroked `width` wide with round ends."""
        coords = self.coords(points, width / 2)
        d = "M" + "L".join(coords)
        if len(coords) == 1:
            d += "l0 0"  # a dot: a zero-length line with round caps
        self._shape("path", css, f' d="{d}{"Z" if closed else ""}" stroke-width="{num(width)}"')

    def curve(self, css: str, start: Point, control: Point, end: Point, width: float) -> None:
        """A quadratic curve from start to end bending toward control."""
        a, b, c = self.coords((start, control, end), width)
        self._shape("path", css, f' d="M{a}Q{b} {c}" stroke-width="{num(width)}"')

    def smooth(self, css: str, points: list[Point], width: float) -> None:
        """A smooth curve through the points (Catmull-Rom turned into cubic Béziers)."""
        controls = [points[0]]
        for i in range(len(points) - 1):
            p0, p1, p2 = points[max(i - 1, 0)], points[i], points[i + 1]
            p3 = points[min(i + 2, len(points) - 1)]
            controls += [p1 + (p2 - p0) / 6, p2 - (p3 - p1) / 6, p2]
        coords = self.coords(controls, width)
        d = "M" + coords[0] + "".join("C" + " ".join(coords[i : i + 3]) for i in range(1, len(coords), 3))
        self._shape("path", css, f' d="{d}" stroke-width="{num(width)}"')

    def circle(self, css: str, centre: Point, radius: float) -> None:
        """A circle."""
        cx, cy = self.xy(centre, radius)
        self._shape("circle", css, f' cx="{cx}" cy="{cy}" r="{num(radius)}"')

    def polygon(self, css: str, points: list[Point]) -> None:
        """A filled polygon."""
        self._shape("path", css, f' d="M{"L".join(self.coords(points))}Z"')

    def text(self, css: str, x: str, y: str, content: str) -> None:
        """A short label centred on (x, y), in SVG coordinates from `xy`."""
        self.parts.append(f'<text class="{_escaped(css)}" x="{x}" y="{y}">{escape(content)}</text>')

    @contextmanager
    def group(self, css: str, **attrs: str) -> Iterator[None]:
        """Shapes added inside share a class (e.g. one opacity for a ghosted pose); attribute
        names use _ for -."""
        written = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
        self.parts.append(f'<g class="{_escaped(css)}"{written}>')
        yield
        self.parts.append("</g>")

    def add(self, tag: str, css: str, **attrs: str) -> None:
        """Any element; attribute names use _ for -."""
        written = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attrs.items())
        self._shape(tag, css, written)

    def send_to_back(self) -> None:
        """Move the last element added behind all the others."""
        self.parts.insert(0, self.parts.pop())

    def markup(self) -> Markup:
        """Every element as SVG, one per line."""
        return Markup("".join(part + "\n" for part in self.parts))

    def view_box(self, margin: float) -> tuple[float, float, float, float]:
        """x, y, width, height of the drawing plus a margin."""
        x0, y0, x1, y1 = self.bounds
        return x0 - margin, y0 - margin, x1 - x0 + 2 * margin, y1 - y0 + 2 * margin

    def _shape(self, tag: str, css: str, attrs: str) -> None:
        self.parts.append(f'<{tag} class="{_escaped(css)}"{attrs}/>')


def _escaped(css: str) -> str:
    """A class attribute's value, escaped."""
    return str(escape(css))


def svg_attrs(canvas: Canvas, margin: float, scale: float = SCALE) -> dict[str, str]:
    """viewBox, width and height attributes; one scale for all figures of a kind."""
    x, y, w, h = canvas.view_box(margin)
    return {
        "view_box": " ".join(num(v) for v in (x, y, w, h)),
        "width": num(w * scale),
        "height": num(h * scale),
    }
