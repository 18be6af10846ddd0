"""Pydantic models of every source format: the content model in one place."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
DOI_PATTERN = r"^10\.\d{4,9}/[-._;()/:A-Za-z0-9]+$"
# No quotes, brackets, spaces or angle brackets, so the URL is safe as a link target.
URL_PATTERN = r"^https://[A-Za-z0-9._~:/?#@!$&*+,;=%-]+$"
TERM_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9 '’-]*$"

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, max_length=80),
    Field(description="Stable id: lower-case letters, digits and single hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: The start of an HTML tag, comment or declaration: "<b", "</p", "<!--", "<?php".
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?]")
#: A Markdown link or a web address.
LINK = re.compile(r"\]\(|\b(?:https?://|www\.)", re.IGNORECASE)


def _plain_text(value: str) -> str:
    """Refuse markup in a plain-text field, saying why and what to do instead."""
    # The page would show a tag as typed (text is always escaped), which is never what the
    # author meant; and a link to another site belongs in a cited reference, where readers
    # see where it leads and the review date covers it.
    # The `in` tests skip the regular expressions for the many lines that cannot match.
    if "<" in value and (tag := HTML_TAG.search(value)):
        end = value.find(">", tag.start())
        found = value[tag.start() : end + 1 if 0 < end < tag.start() + 30 else tag.start() + 12]
        raise ValueError(f"HTML is not allowed in text (found '{found}'); write plain words")
    if ("](" in value or "://" in value or "ww" in value.lower()) and LINK.search(value):
        raise ValueError("links are not allowed in text; add the page as a reference and cite it in sources")
    return value


SOURCES_DESCRIPTION = "Ids of the references that support this page."
LINE_DESCRIPTION = "One plain-text sentence or phrase (no Markdown, no HTML, no links)."
Line = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=400),
    AfterValidator(_plain_text),
    Field(description=LINE_DESCRIPTION),
]
Count = Annotated[int, Field(ge=1, le=500)]
#: Words readers type into search for a page: lay terms, other spellings, questions.
Keywords = Annotated[
    list[Line],
    Field(
        min_length=1,
        description="Everyday words, other spellings and short questions readers search for; "
        "shown on the page under 'Search words'.",
    ),
]


class Strict(BaseModel):
    """Base of every model: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(StrEnum):
    """What an exercise mainly does."""

    NERVE_GLIDE = "nerve-glide"
    STRETCH = "stretch"
    MOBILITY = "mobility"
    STRENGTH = "strength"
    POSTURE = "posture"


class NerveLoad(StrEnum):
    """How an exercise loads the sciatic nerve (Coppieters and Butler 2008)."""

    SLIDER = "slider"
    TENSIONER = "tensioner"
    NONE = "none"


class Position(StrEnum):
    """The starting position."""

    SEATED = "seated"
    SUPINE = "supine"
    PRONE = "prone"
    SIDE_LYING = "side-lying"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"
    STANDING = "standing"


class Equipment(StrEnum):
    """Things a reader needs to hand."""

    NONE = "none"
    MAT = "mat"
    CHAIR = "chair"
    STEP = "step"
    WALL = "wall"
    STRAP = "strap"
    TOWEL = "towel"
    PILLOW = "pillow"


class Difficulty(StrEnum):
    """How demanding an exercise is."""

    GENTLE = "gentle"
    MODERATE = "moderate"
    HARDER = "harder"


class Range(Strict):
    """A span such as 2-3 sets or 20-30 seconds."""

    low: Count
    high: Count

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.low >= self.high:
            raise ValueError("low must be smaller than high")
        return self


Amount = Count | Range


class Dose(Strict):
    """How much, how often and how fast; every dose names its source."""

    reps: Amount | None = Field(None, description="Repetitions per set.")
    hold_seconds: Amount | None = Field(None, description="Seconds to hold each repetition.")
    sets: Amount = Field(description="Sets per session.")
    per_day: Amount | None = Field(None, description="Sessions per day.")
    days_per_week: Amount | None = Field(None, description="Days per week.")
    tempo: Line | None = Field(None, description="Speed, e.g. 'about 5 seconds each way'.")
    rep_seconds: int = Field(
        ge=2,
        le=60,
        description="Seconds one repetition's movement takes, not counting its holds: the pace "
        "the Follow along session counts and the figure moves at.",
    )
    rest_seconds: int | None = Field(
        None,
        ge=5,
        le=300,
        description="Rest between sets in a Follow along session; without it, the site's "
        "sourced default (sitegen/render/session.py).",
    )
    source: Id = Field(description="Reference id that supports this dose.")
    common_start: bool = Field(
        False,
        description="True when no source gives a dose for this move: the page then says it is a "
        "common starting dose, and `source` is where that practice is described.",
    )

    @model_validator(mode="after")
    def _complete(self) -> Self:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("give reps, hold_seconds or both")
        if self.per_day is None and self.days_per_week is None:
            raise ValueError("give per_day or days_per_week")
        return self


class DoseOverride(Strict):
    """A routine's change to an exercise's dose; unset fields keep the exercise's value."""

    reps: Amount | None = None
    hold_seconds: Amount | None = None
    sets: Amount | None = None


class Targets(Strict):
    """Anatomy ids an exercise works on."""

    primary: list[Id] = Field(min_length=1)
    secondary: list[Id] = Field(default_factory=list)


class StopRules(Strict):
    """When to ease off and when to stop and get help."""

    ease_off: list[Line] = Field(min_length=1, description="Ease off or make it smaller when...")
    stop: list[Line] = Field(min_length=1, description="Stop and get help when...")


class Reviewed(Strict):
    """Review dates shared by every clinical page."""

    reviewed: dt.date = Field(description="Date a clinician last reviewed this.")
    next_review: dt.date = Field(description="Date of the next review (at most 3 years on).")

    @field_validator("next_review")
    @classmethod
    def _review_window(cls, next_review: dt.date, info: ValidationInfo) -> dt.date:
        # A field validator (not a model one), so the error points at next_review's line.
        reviewed = info.data.get("reviewed")
        if reviewed is None:
            return next_review
        if next_review <= reviewed:
            raise ValueError("must come after reviewed")
        if (next_review - reviewed).days > 3 * 366:
            raise ValueError("must be at most 3 years after reviewed")
        return next_review


class View(StrEnum):
    """Which way the reader looks at a figure."""

    SIDE = "side"
    FRONT = "front"
    #: Looking down at someone lying on their side: the side view's joints, with no floor.
    ABOVE = "above"
    #: Looking straight down on someone sitting: the hip and shoulder lines, the head, the
    #: legs forward. It shows a twist, which a side view cannot.
    TOP = "top"
    #: A close-up of the pelvis, lower back and thighs from the side, drawn larger: it
    #: shows a pelvic tilt, which is too small to see on the whole body.
    PELVIS = "pelvis"
    #: The pelvis of someone lying on their back, seen from above as a clock face (12 at
    #: the belly button, 6 at the pubic bone, 3 at the left hip): a dot shows the point
    #: that sinks toward the mat. For the pelvic clock.
    CLOCK = "clock"


class Facing(StrEnum):
    """Which way a side-view figure faces on the page."""

    RIGHT = "right"
    LEFT = "left"


class BodySide(StrEnum):
    """The figure's own left or right."""

    LEFT = "left"
    RIGHT = "right"


class PropKind(StrEnum):
    """Things drawn with a figure. The floor is always drawn."""

    MAT = "mat"
    CHAIR = "chair"
    STEP = "step"
    WALL = "wall"
    STRAP = "strap"
    PILLOW = "pillow"


Units = Annotated[float, Field(ge=-200, le=200)]


class Prop(Strict):
    """A prop and where it stands, in the units of the figure (1 % of body height)."""

    kind: PropKind
    x: Units = Field(
        0,
        description="Chair or step: front edge. Wall: its face. Pillow: its centre. "
        "Unused for a mat (it spans the figure) and a strap (it runs from hand to foot).",
    )
    count: int = Field(1, ge=1, le=3, description="Pillows: how many, stacked one on another.")


Degrees = Annotated[float, Field(ge=-180, le=180)]


class Angles(Strict):
    """Joint angles in degrees; 0 everywhere is standing straight with arms down.

    Side view: positive = flexion (bending forward); `pelvis` is the tilt of the whole
    body from upright (90 = lying face down or on hands and knees, -90 = lying on the back).
    Front view: positive = away from the midline; spine and neck toward the figure's left.
    """

    pelvis: Degrees = 0
    lumbar: Degrees = 0
    trunk_rotation: Degrees = 0
    pelvis_side: Degrees = Field(
        0, description="Clock view only: rolling onto the left hip (positive) or the right hip."
    )
    neck: Degrees = 0
    left_shoulder: Degrees = 0
    right_shoulder: Degrees = 0
    left_elbow: Degrees = 0
    right_elbow: Degrees = 0
    left_wrist: Degrees = 0
    right_wrist: Degrees = 0
    left_hip: Degrees = 0
    right_hip: Degrees = 0
    left_knee: Degrees = 0
    right_knee: Degrees = 0
    left_ankle: Degrees = 0
    right_ankle: Degrees = 0


class Pose(Strict):
    """One key position: where the hips are and every joint angle."""

    hips: tuple[Units, Units] = Field(
        description="[x, y] of the hip joints in units of 1 % of body height; the floor is y = 0.",
    )
    angles: Angles = Field(default_factory=Angles)


class KeyPose(Pose):
    """One key position of a figure's movement."""

    hold: bool = Field(
        False,
        description="The body stays here for the dose's hold (hold_seconds); the animation rests here.",
    )


class Figure(Strict):
    """An exercise's figure as data: a view, props and its key poses in order."""

    view: View = View.SIDE
    facing: Facing = Facing.RIGHT
    side: BodySide = Field(
        BodySide.LEFT, description="The working side: the leg whose nerve or muscle the exercise moves."
    )
    props: list[Prop] = Field(default_factory=list)
    poses: list[KeyPose] = Field(
        min_length=1,
        max_length=6,
        description="The key positions in order. The movement goes through them and back to the "
        "first; a pose may come again (all fours between two reaches). An exercise needs two or "
        "more; a guide's picture may show one still pose.",
    )

    def stills(self) -> list[KeyPose]:
        """Each different key pose once, in order of first appearance: the numbered pictures."""
        found: list[KeyPose] = []
        for pose in self.poses:
            if not any(same_pose(pose, seen) for seen in found):
                found.append(pose)
        return found

    def route(self) -> list[int]:
        """The still (its index) each key pose shows: the order the movement visits them."""
        stills = self.stills()
        return [next(i for i, s in enumerate(stills) if same_pose(pose, s)) for pose in self.poses]


def same_pose(a: Pose, b: Pose) -> bool:
    """Whether two poses put the body in the same place."""
    return a.hips == b.hips and a.angles == b.angles


class Sides(StrEnum):
    """Whether an exercise works one side, or each side in turn."""

    #: One side only, or both within each repetition (bird-dog reaches with each side).
    ONE = "one"
    #: Every set on the first side, then every set on the other.
    EACH = "each"
    #: Taking turns: the other side after each repetition.
    ALTERNATE = "alternate"


class Exercise(Reviewed):
    """One exercise: everything a reader needs to do it safely."""

    id: Id
    name: Line
    other_names: list[Line] = Field(default_factory=list)
    summary: Line
    category: Category
    nerve_load: NerveLoad
    position: Position
    equipment: list[Equipment] = Field(min_length=1)
    difficulty: Difficulty
    targets: Targets
    setup: list[Line] = Field(min_length=1, description="How to get into the start position.")
    steps: list[Line] = Field(min_length=1, description="One action per step, in order.")
    breathing: Line
    dose: Dose = Field(description="How much and how often, with the reference that supports it.")
    feel: list[Line] = Field(min_length=1, description="What you should feel.")
    stop_rules: StopRules = Field(description="When to ease off, and when to stop and get help.")
    cautions: list[Line] = Field(min_length=1, description="Who should ask a clinician first.")
    bad_day: Line = Field(
        description="The easier version to do on a bad day, in one or two plain sentences; "
        "shown on the page and on the printed sheet.",
    )
    switch_cue: Line | None = Field(
        None,
        description="What the session says when it is time to change sides, e.g. 'Switch to your "
        "other leg.' Required unless sides is one, where it must be left out.",
    )
    sides: Sides = Field(
        description="one, each (all sets on one side, then the other) or alternate (the other "
        "side after each repetition): how a Follow along session runs it.",
    )
    easier: list[Id] = Field(default_factory=list)
    harder: list[Id] = Field(default_factory=list)
    mistakes: list[Line] = Field(default_factory=list)
    keywords: Keywords
    sources: list[Id] = Field(min_length=1, description=SOURCES_DESCRIPTION)
    figure: Figure = Field(description="The figure drawn on the page, as pose data.")

    @field_validator("sides")
    @classmethod
    def _cue_when_sides_change(cls, sides: Sides, info: ValidationInfo) -> Sides:
        # On sides (validated after switch_cue), so the error points at the sides line.
        cue = info.data.get("switch_cue")
        if sides is Sides.ONE and cue is not None:
            raise ValueError("is one, so leave out switch_cue: nothing changes side")
        if sides is not Sides.ONE and cue is None and "switch_cue" not in info.data:
            return sides  # switch_cue itself is invalid and reported
        if sides is not Sides.ONE and cue is None:
            raise ValueError(
                f"is {sides}, so give switch_cue: the words that tell the reader to change sides"
            )
        return sides
        if sides is Sides.ONE and cue is not None:
            raise ValueError("leave it out when sides is one: nothing changes side")
        if sides is not Sides.ONE and cue is None:
            raise ValueError(f"give the words that tell the reader to change sides (sides is {sides})")
        return cue


class Picture(Strict):
    """A picture for a guide (content/figures/), drawn from pose data like an exercise's figure."""

    id: Id
    name: Line = Field(description="What the picture shows, e.g. 'A nerve slider, sitting'.")
    position: Position
    nerve: bool = Field(False, description="Draw the sciatic nerve's path (a dashed line).")
    caption: Line | None = Field(None, description="Words added after the drawn description.")
    figure: Figure = Field(description="The poses, as pose data.")


class DiagramPart(StrEnum):
    """A structure the anatomy diagram can highlight (back view of the lower body)."""

    LUMBAR_VERTEBRAE = "lumbar-vertebrae"
    DISCS = "discs"
    SPINAL_CANAL = "spinal-canal"
    NERVE_ROOTS = "nerve-roots"
    SCIATIC_NERVE = "sciatic-nerve"
    TIBIAL_NERVE = "tibial-nerve"
    COMMON_FIBULAR_NERVE = "common-fibular-nerve"
    PELVIS = "pelvis"
    PIRIFORMIS = "piriformis"
    DEEP_HIP_ROTATORS = "deep-hip-rotators"
    GLUTEAL_MUSCLES = "gluteal-muscles"
    HAMSTRINGS = "hamstrings"
    HIP_FLEXORS = "hip-flexors"
    CORE_MUSCLES = "core-muscles"
    BACK_MUSCLES = "back-muscles"


class AnatomyKind(StrEnum):
    """What sort of structure."""

    NERVE = "nerve"
    NERVE_ROOT = "nerve-root"
    MUSCLE = "muscle"
    JOINT = "joint"
    DISC = "disc"
    BONE = "bone"
    SPACE = "space"


class Anatomy(Reviewed):
    """One anatomy structure and how it relates to sciatica."""

    id: Id
    name: Line
    technical_name: Line
    other_names: list[Line] = Field(default_factory=list)
    kind: AnatomyKind
    description: list[Line] = Field(min_length=1, description="What it is and where it is.")
    role: list[Line] = Field(min_length=1, description="How it relates to sciatica.")
    related: list[Id] = Field(default_factory=list)
    keywords: Keywords
    sources: list[Id] = Field(min_length=1, description=SOURCES_DESCRIPTION)
    diagram: list[DiagramPart] = Field(
        min_length=1, description="Parts the back-view diagram highlights for this structure."
    )


class RoutineItem(Strict):
    """One exercise in a routine, with an optional dose change."""

    exercise: Id
    dose: DoseOverride | None = None
    note: Line | None = None


class Routine(Reviewed):
    """An ordered set of exercises for one kind of reader."""

    id: Id
    title: Line
    summary: Line
    for_whom: Line
    items: list[RoutineItem] = Field(min_length=1, max_length=12)
    frequency: Line
    progression: list[Line] = Field(min_length=1)
    keywords: Keywords
    sources: list[Id] = Field(min_length=1, description=SOURCES_DESCRIPTION)


class ReferenceType(StrEnum):
    """What kind of evidence a source is; only some kinds can give a dose."""

    GUIDELINE = "guideline"
    SYSTEMATIC_REVIEW = "systematic-review"
    TRIAL = "trial"
    OBSERVATIONAL_STUDY = "observational-study"
    MECHANICS_STUDY = "mechanics-study"
    REVIEW = "review"
    PATIENT_LEAFLET = "patient-leaflet"
    TEXTBOOK = "textbook"


#: Kinds of source that can state a dose: a guideline, a health service's leaflet, a trial's
#: protocol or a textbook. A mechanics or cadaver study measures tissue, and prescribes nothing.
DOSE_SOURCE_TYPES = frozenset(
    {ReferenceType.GUIDELINE, ReferenceType.TRIAL, ReferenceType.PATIENT_LEAFLET, ReferenceType.TEXTBOOK}
)


class Reference(Strict):
    """One source, cited by id."""

    id: Id
    type: ReferenceType
    authors: list[Line] = Field(min_length=1)
    title: Line = Field(description="The title of the source, as published.")
    year: int = Field(ge=1900, le=2100)
    publisher: Line = Field(description="Journal, publisher or organisation.")
    doi: Annotated[str, StringConstraints(pattern=DOI_PATTERN)] | None = None
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN)] | None = None

    @property
    def short_citation(self) -> str:
        """How the pages cite it: 'First author et al. (year)'."""
        more = " et al." if len(self.authors) > 1 else ""
        return f"{self.authors[0]}{more} ({self.year})"

    @model_validator(mode="after")
    def _locatable(self) -> Self:
        if self.doi is None and self.url is None:
            raise ValueError("give a doi or a url so readers can find the source")
        return self


class GlossaryTerm(Strict):
    """A term and its short plain definition."""

    term: Annotated[
        str,
        StringConstraints(pattern=TERM_PATTERN, max_length=60),
        Field(description="Letters, digits, spaces, hyphens and apostrophes only."),
    ]
    definition: Line


class Glossary(Strict):
    """The glossary file."""

    terms: list[GlossaryTerm] = Field(min_length=1)


class Guide(Reviewed):
    """Front matter of a hand-written guide under content/learn/."""

    title: Line
    summary: Line
    order: int = Field(ge=0, description="Position in the guide list.")
    sources: list[Id] = Field(min_length=1, description=SOURCES_DESCRIPTION)
    exercises: list[Id] = Field(default_factory=list, description="Exercises it discusses.")
    keywords: Keywords
    search_boost: float | None = Field(None, gt=0, le=10)


class Urgency(StrEnum):
    """How soon a serious sign needs help."""

    EMERGENCY = "emergency"
    SAME_DAY = "same-day"
    SOON = "soon"


class UrgencyAdvice(Strict):
    """What to do, and how soon, for every sign of one urgency."""

    urgency: Urgency
    heading: Line = Field(description="What to do, as a short command, e.g. 'Go to A&E or call 999 now'.")
    us: Line = Field(description="The US equivalent, as a sentence, e.g. 'In the US, call 911.'")

    @property
    def action(self) -> str:
        """The advice as sentences: the UK action, then the US one."""
        return f"{self.heading}. {self.us}"


class Sign(Strict):
    """One serious sign, in plain words."""

    id: Id
    urgency: Urgency
    text: Line = Field(description="The sign in full, as a reader would notice it.")
    short: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=90)] = Field(
        description="The sign in a few words, lower case, for lists on sheets and in stop rules."
    )


class DiaryPrompt(Strict):
    """What My progress says when a reader's diary shows one reason to get help."""

    says: Line = Field(description="What the diary noticed, e.g. 'You noted new numbness or weakness.'")
    heading: Line | None = Field(
        default=None, description="What to do and how soon; leave it out where `sign` gives it."
    )
    sign: Id | None = Field(
        default=None, description="The serious sign this is: its words and its urgency's heading are shown."
    )
    do: Line = Field(description="What to do next, in one or two short sentences.")

    @model_validator(mode="after")
    def _one_heading(self) -> DiaryPrompt:
        if (self.heading is None) == (self.sign is None):
            raise ValueError("give either `heading` or `sign` (whose urgency gives the heading)")
        return self


#: The prompts of a `Diary`, in the order My progress shows them.
DIARY_PROMPTS = ("new_numbness", "worse", "not_better")


class Diary(Strict):
    """When My progress prompts a reader to get help, from the diary they keep on their device."""

    better_within_weeks: int = Field(
        ge=2, le=12, description="Weeks in which most sciatica gets better, as the source says."
    )
    source: Id = Field(description="Reference that gives those weeks.")
    worse_by: int = Field(
        ge=1,
        le=5,
        description="Points of leg pain (0-10) up from the first rating of the last 7 days to the "
        "latest that count as getting worse over a week.",
    )
    new_numbness: DiaryPrompt = Field(
        description="A check-in in the last 7 days noted new numbness or weakness."
    )
    worse: DiaryPrompt = Field(description="Leg pain went up by `worse_by` or more within 7 days.")
    not_better: DiaryPrompt = Field(
        description="The diary is older than `better_within_weeks`, and the last week's leg pain is "
        "no lower than the first week's."
    )


#: Words a reader types, lower case, without apostrophes ("cant poo"), one space between.
SEARCH_PHRASE_PATTERN = r"^[a-z]+( [a-z]+)*$"
SearchPhrase = Annotated[str, StringConstraints(pattern=SEARCH_PHRASE_PATTERN, max_length=40)]


class RedFlags(Reviewed):
    """The one list of serious signs that every page, sheet and stop rule is drawn from."""

    sources: list[Id] = Field(min_length=1, description=SOURCES_DESCRIPTION)
    urgencies: list[UrgencyAdvice] = Field(description="Each urgency once, most urgent first.")
    signs: list[Sign] = Field(min_length=1)
    stop_rule_signs: list[Id] = Field(
        min_length=1, description="Signs every exercise's 'stop and get help' rules name, with their urgency."
    )
    search_words: list[SearchPhrase] = Field(
        min_length=1,
        description="What readers type about a serious sign. A search with every word of one of "
        "these (whole words, any order) shows a link to the red flags above the results.",
    )
    diary: Diary = Field(description="The prompts My progress shows from the reader's own diary.")

    @field_validator("urgencies")
    @classmethod
    def _each_urgency_once(cls, urgencies: list[UrgencyAdvice]) -> list[UrgencyAdvice]:
        if [u.urgency for u in urgencies] != list(Urgency):
            order = ", ".join(Urgency)
            raise ValueError(f"give each urgency once, in this order: {order}")
        return urgencies

    def advice(self, urgency: Urgency) -> UrgencyAdvice:
        """What to do for signs of this urgency."""
        return next(u for u in self.urgencies if u.urgency is urgency)

    def signs_of(self, urgency: Urgency) -> list[Sign]:
        """The signs of one urgency, in the list's order."""
        return [sign for sign in self.signs if sign.urgency is urgency]

    def sign(self, sign_id: str) -> Sign | None:
        """The sign with this id, if there is one."""
        return next((sign for sign in self.signs if sign.id == sign_id), None)


#: Every YAML format, by the folder-relative kind name used in schemas and errors.
class Session(Strict):
    """How a Follow along session paces the parts between repetitions (content/session.yaml)."""

    get_ready_seconds: int = Field(ge=3, le=30, description="Countdown before an exercise starts.")
    change_position_seconds: int = Field(
        ge=5,
        le=120,
        description="Countdown before an exercise done in another position than the one before "
        "it (from the floor to a chair, say).",
    )
    rest_seconds: int = Field(
        ge=5, le=300, description="Rest between sets, unless an exercise's dose gives its own."
    )
    rest_source: Id = Field(description="Reference that gives such a rest.")
    rest_note: Line = Field(description="Where the rest comes from, as the session page says it.")


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    "anatomy": Anatomy,
    "routine": Routine,
    "reference": Reference,
    "glossary": Glossary,
    "guide": Guide,
    "red-flags": RedFlags,
    "picture": Picture,
    "session": Session,
}

Kind = Literal[
    "exercise", "anatomy", "routine", "reference", "glossary", "guide", "red-flags", "picture", "session"
]
