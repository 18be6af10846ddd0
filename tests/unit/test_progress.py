"""My progress as rendered: its safety prompts are worded from content/red-flags.yaml (a prompt
that is a serious sign takes that sign's words and urgency), and its script gets the limits,
the exercises and the dose wording of My routine."""

from __future__ import annotations

import json
import re

from sitegen.content.load import load_corpus
from sitegen.content.models import Urgency
from sitegen.render.pages import render
from sitegen.render.progress import MAX_NOTE, MAX_SESSIONS, PAGE
from sitegen.render.routine_catalog import DOSE_FIELDS

from ..conftest import ROOT


def test_the_prompts_come_from_the_red_flag_data() -> None:
    catalog = load_corpus(ROOT)[0]
    assert catalog.red_flags is not None
    flags = catalog.red_flags.model
    page = render(catalog)[PAGE]
    boxes = dict(re.findall(r'data-sg-prompt="([a-z-]+)" hidden>(.*?)\n</div>', page, re.S))
    assert list(boxes) == ["new-numbness", "worse", "not-better"]
    sign = flags.sign(flags.diary.new_numbness.sign or "")
    assert sign is not None
    numb = boxes["new-numbness"]
    assert f'<p class="admonition-title">{flags.advice(sign.urgency).heading}</p>' in numb.replace(
        "&amp;", "&"
    )
    assert sign.text in numb and flags.diary.new_numbness.says in numb
    for name, prompt in (("worse", flags.diary.worse), ("not-better", flags.diary.not_better)):
        assert f'<p class="admonition-title">{prompt.heading}</p>' in boxes[name]
        assert prompt.says in boxes[name] and prompt.do in boxes[name]
    emergency = flags.advice(Urgency.EMERGENCY).heading.replace("&", "&amp;")
    assert all(f"<strong>{emergency}</strong> if you have:" in box for box in boxes.values())
    assert f'data-weeks="{flags.diary.better_within_weeks}" data-worse-by="{flags.diary.worse_by}"' in page


def test_the_script_gets_the_limits_and_every_exercise() -> None:
    catalog = load_corpus(ROOT)[0]
    page = render(catalog)[PAGE]
    found = re.search(r'<script type="application/json" id="sg-progress-data">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert (data["max_note"], data["max_sessions"]) == (MAX_NOTE, MAX_SESSIONS)
    assert f'maxlength="{MAX_NOTE}"' in page and f'max="{MAX_SESSIONS}"' in page
    assert {key: e["name"] for key, e in data["exercises"].items()} == {
        key: source.model.name for key, source in catalog.exercises.items()
    }
    assert [f["key"] for f in data["fields"]] == [f.key for f in DOSE_FIELDS]
