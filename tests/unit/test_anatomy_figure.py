"""Tests for sitegen.figures.anatomy: each structure's diagram highlights it and says where."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from sitegen.content.load import load_corpus
from sitegen.content.models import Anatomy, DiagramPart
from sitegen.figures.anatomy import CONTEXT, DRAW, WHERE, anatomy_figure

from ..conftest import FIXTURE_CORPUS
from .test_figure import check_golden

SVG = "{http://www.w3.org/2000/svg}"


def nerve_one() -> Anatomy:
    return load_corpus(FIXTURE_CORPUS)[0].anatomy["nerve-one"].model


def test_every_part_has_a_drawing_and_words() -> None:
    assert set(DRAW) == set(DiagramPart) == set(WHERE)


@pytest.mark.parametrize("part", list(DiagramPart))
def test_each_part_is_highlighted_and_described(part: DiagramPart) -> None:
    anatomy = nerve_one().model_copy(update={"diagram": [part]})
    figure = ET.fromstring(anatomy_figure(anatomy, "x"))
    highlighted = figure.findall(f".//{SVG}g[@class='sg-hl']/*")
    assert highlighted, f"{part} drew nothing"
    desc = figure.find(f".//{SVG}desc")
    assert desc is not None and WHERE[part] in (desc.text or "")
    # A highlighted context part is not drawn twice (faint and highlighted).
    assert len(figure.findall(f".//{SVG}g[@class='sg-context']")) == len(set(CONTEXT) - {part})


def test_golden_anatomy_figure() -> None:
    check_golden("anatomy-nerve-one.html", anatomy_figure(nerve_one(), "nerve-one"))
