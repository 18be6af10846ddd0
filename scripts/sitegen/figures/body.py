"""The human body in numbers: segment lengths and normal joint ranges for the figures.

Lengths are fractions of standing height H, drawn with H = 100 units, from the
segment-length diagram of Drillis and Contini (1966) as given in Winter, *Biomechanics
and Motor Control of Human Movement*, 4th ed. (2009), figure 4.1 (reference
`winter-2009`). They add up: hip 53.0 + pelvis and trunk 28.8 + neck 5.2 + head 13.0 =
100, and thigh 24.5 + shank 24.6 + ankle 3.9 = hip height.

Joint ranges are the normal adult active ranges of the American Academy of Orthopaedic
Surgeons (1965), which Soucie et al. (2011, reference `soucie-2011`) confirm for the
limbs. The knee is widened to 155° because kneeling back on the heels (child's pose)
uses passive flexion beyond the active range.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Segment lengths in units of 1 % of standing height (Winter 2009, fig. 4.1).
THIGH = 24.5
SHANK = 24.6
ANKLE_HEIGHT = 3.9
FOOT = 15.2
UPPER_ARM = 18.6
FOREARM = 14.6
HAND = 10.8
NECK = 5.2
HEAD = 13.0
HIP_HEIGHT = 53.0
SHOULDER_HEIGHT = 81.8
#: Hip joint to shoulder. Winter gives the whole span; the split at the lumbosacral
#: level (pelvis a third, trunk two thirds) is our drawing choice, not a measurement.
PELVIS = 9.6
TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT - PELVIS
SHOULDER_WIDTH = 25.9
HIP_WIDTH = 19.1

#: Stroke widths of the pictogram (drawing choices, not anatomy).
LIMB_WIDTH = 5.0
TRUNK_WIDTH = 9.0
HEAD_RADIUS = HEAD / 2


@dataclass(frozen=True)
class JointRange:
    """A joint's normal range in degrees and the words for each direction."""

    low: float
    high: float
    #: What the positive direction is called, e.g. "flexion (bending)".
    positive: str
    negative: str


#: Sagittal-plane ranges for a side view. Positive = flexion (AAOS 1965; Soucie 2011).
SIDE_RANGES: dict[str, JointRange] = {
    "lumbar": JointRange(-25, 80, "bending forward", "arching back"),
    "trunk_rotation": JointRange(-45, 45, "turning to the left", "turning to the right"),
    "neck": JointRange(-45, 45, "tipping the chin down", "tipping the head back"),
    "shoulder": JointRange(-60, 180, "raising the arm forward", "taking the arm back"),
    "elbow": JointRange(0, 150, "bending", "straightening past straight"),
    "wrist": JointRange(-70, 80, "bending", "bending back"),
    "hip": JointRange(-30, 120, "bending (thigh toward chest)", "taking the thigh back"),
    "knee": JointRange(0, 155, "bending", "straightening past straight"),
    "ankle": JointRange(-50, 20, "pulling the toes up", "pointing the toes"),
    # A small roll onto one hip while lying on the back (our limit, not a measured range).
    "pelvis_side": JointRange(-15, 15, "rolling onto the left hip", "rolling onto the right hip"),
}

#: Frontal-plane ranges for a front view. Positive = away from the midline (abduction)
#: for limbs, and toward the figure's left for the spine and neck (AAOS 1965).
FRONT_RANGES: dict[str, JointRange] = {
    "lumbar": JointRange(-35, 35, "bending to the left", "bending to the right"),
    "trunk_rotation": JointRange(-45, 45, "turning to the left", "turning to the right"),
    "neck": JointRange(-45, 45, "tilting to the left", "tilting to the right"),
    "shoulder": JointRange(-30, 180, "raising the arm out to the side", "bringing the arm across"),
    "elbow": JointRange(0, 150, "bending", "straightening past straight"),
    "wrist": JointRange(-70, 80, "bending", "bending back"),
    "hip": JointRange(-30, 45, "taking the leg out to the side", "bringing the leg across"),
    "knee": JointRange(0, 155, "bending", "straightening past straight"),
    "ankle": JointRange(-50, 20, "pulling the toes up", "pointing the toes"),
}
