"""What the My progress page needs: its safety prompts, from the red-flag data, and its data."""

from __future__ import annotations

from typing import Any

from sitegen.content.models import DIARY_PROMPTS, RedFlags, Urgency
from sitegen.render import routine_catalog

PAGE = "my-progress.md"
#: The longest note a check-in keeps, and the most sessions one check-in counts.
MAX_NOTE = 1000
MAX_SESSIONS = 20


def prompts(red_flags: RedFlags) -> list[tuple[str, dict[str, str]]]:
    """Each diary prompt as the page shows it; a prompt that is a serious sign takes that
    sign's words and its urgency's heading, so the two can never disagree."""
    shown = []
    for name in DIARY_PROMPTS:
        prompt = getattr(red_flags.diary, name)
        sign = red_flags.sign(prompt.sign) if prompt.sign else None
        heading = red_flags.advice(sign.urgency).heading if sign else prompt.heading
        shown.append(
            (
                name.replace("_", "-"),  # as an HTML attribute: Markdown would escape "_"
                {
                    "heading": heading or "",
                    "says": prompt.says,
                    "sign": prompt.sign or "",
                    "sign_text": sign.text if sign else "",
                    "do": prompt.do,
                },
            )
        )
    return shown


def progress_context(context: dict[str, Any]) -> dict[str, Any]:
    """The page's template context: the site's, plus the prompts and the form's limits."""
    red_flags: RedFlags = context["red_flag_list"]
    emergency = next(g for g in context["flag_groups"] if g.urgency is Urgency.EMERGENCY)
    return {
        **context,
        "diary": red_flags.diary,
        "prompts": prompts(red_flags),
        "emergency": emergency,
        "max_note": MAX_NOTE,
        "max_sessions": MAX_SESSIONS,
    }


def progress_data(context: dict[str, Any]) -> dict[str, Any]:
    """What the page's script reads: the limits, each exercise's name, and the dose wording
    (the printed report lists the reader's routine)."""
    catalog = routine_catalog.routine_catalog(context["exercises"], context["references"])
    return {
        "max_note": MAX_NOTE,
        "max_sessions": MAX_SESSIONS,
        "fields": catalog["fields"],
        "exercises": {key: {"name": e["name"], "dose": e["dose"]} for key, e in catalog["exercises"].items()},
    }
