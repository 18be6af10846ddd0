"""Safety text drawn from the one list of serious signs: stop-rule lines, sheet lists, floor line."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.content.models import Exercise, Position, RedFlags, Sign, Urgency

#: The guide every floor exercise's set-up links to.
FLOOR_GUIDE = "getting-down-and-up"
#: Starting positions on the floor: their set-up starts by getting down there.
FLOOR_POSITIONS = frozenset(
    {Position.SUPINE, Position.PRONE, Position.SIDE_LYING, Position.QUADRUPED, Position.KNEELING}
)


@dataclass(frozen=True)
class UrgencyGroup:
    """The signs of one urgency and what to do about them, for a box or a sheet."""

    urgency: Urgency
    heading: str
    us: str
    signs: list[Sign]

    @property
    def shorts(self) -> str:
        """The signs in a few words each: 'a; b; or c'."""
        return join_signs([sign.short for sign in self.signs])


def join_signs(parts: list[str]) -> str:
    """'a; b; or c' (signs hold commas of their own, so semicolons keep them apart)."""
    if len(parts) < 3:
        return " or ".join(parts)
    return "; ".join(parts[:-1]) + "; or " + parts[-1]


def groups(red_flags: RedFlags, signs: list[Sign] | None = None) -> list[UrgencyGroup]:
    """The signs (all, or those given) grouped by urgency, most urgent first."""
    chosen = red_flags.signs if signs is None else signs
    found = []
    for urgency in Urgency:
        advice = red_flags.advice(urgency)
        of_urgency = [sign for sign in chosen if sign.urgency is urgency]
        if of_urgency:
            found.append(UrgencyGroup(urgency, advice.heading, advice.us, of_urgency))
    return found


def stop_lines(red_flags: RedFlags) -> list[str]:
    """The 'stop and get help' lines every exercise carries: one per urgency of the named signs."""
    named = [sign for sign_id in red_flags.stop_rule_signs if (sign := red_flags.sign(sign_id))]
    return [f"You notice {group.shorts}. {group.heading}. {group.us}" for group in groups(red_flags, named)]


def on_floor(exercise: Exercise) -> bool:
    """Whether the exercise starts on the floor (so its set-up says how to get down and up)."""
    return exercise.position in FLOOR_POSITIONS
