"""Forward kinematics: a pose's joint angles and hip position place every joint."""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass

from sitegen.content.models import BodySide, Pose, View
from sitegen.figures import body

#: Points are complex numbers: real = x (forward for a side view), imag = y (up).
Point = complex
UP: Point = 1j
DOWN: Point = -1j
SIDES = (BodySide.LEFT, BodySide.RIGHT)
#: The sides as the prefixes of joint names ("left_knee"); placing a pose uses them often.
SIDE_NAMES = tuple(side.value for side in SIDES)


def rotate(vector: Point, degrees: float) -> Point:
    """Turn a vector anticlockwise by the given angle."""
    return vector * cmath.exp(1j * math.radians(degrees))


@dataclass(frozen=True)
class Chain:
    """A run of joints drawn as one rounded stroke."""

    name: str
    joints: tuple[str, ...]
    width: float
    side: BodySide | None = None


@dataclass(frozen=True)
class Skeleton:
    """Every joint of one pose, the strokes that draw it, and segment directions."""

    joints: dict[str, Point]
    chains: tuple[Chain, ...]
    #: Unit vector along each segment (proximal to distal; up the trunk).
    directions: dict[str, Point]
    #: Unit vector pointing to the back of each segment (side view only).
    posterior: dict[str, Point]

    def move(self, offset: Point) -> Skeleton:
        """The same pose shifted (to draw poses side by side, or in rows)."""
        if not offset:
            return self
        joints = {name: point + offset for name, point in self.joints.items()}
        return Skeleton(joints, self.chains, self.directions, self.posterior)

    def points(self, chain: Chain) -> list[Point]:
        """The joint positions a chain runs through."""
        return [self.joints[name] for name in chain.joints]

    def extents(self) -> list[tuple[str, Point, float]]:
        """(joint name, centre, radius) of every stroke's joints and the head, for contact tests."""
        found = [("head", self.joints["head"], body.HEAD_RADIUS)] if "head" in self.joints else []
        for chain in self.chains:
            found += [(name, self.joints[name], chain.width / 2) for name in chain.joints]
        return found


def place(pose: Pose, view: View) -> Skeleton:
    """Place every joint of a pose (facing right; the drawing mirrors for facing left)."""
    return _PLACERS[view](pose)


def _spine(pose: Pose) -> tuple[dict[str, Point], dict[str, Point]]:
    """Hips, lower back, shoulders' centre, neck and head; the same in both views."""
    a = pose.angles
    hips = complex(*pose.hips)
    pelvis = rotate(UP, -a.pelvis)
    trunk = rotate(pelvis, -a.lumbar)
    neck = rotate(trunk, -a.neck)
    lumbar = hips + pelvis * body.PELVIS
    neck_base = lumbar + trunk * body.TRUNK
    joints = {
        "hips": hips,
        "lumbar": lumbar,
        "neck_base": neck_base,
        "neck_top": neck_base + neck * body.NECK,
        "head": neck_base + neck * (body.NECK + body.HEAD_RADIUS),
    }
    return joints, {"pelvis": pelvis, "trunk": trunk, "neck": neck}


def _limbs(
    pose: Pose,
    joints: dict[str, Point],
    dirs: dict[str, Point],
    anchors: dict[str, Point],
    sign: dict[str, int],
) -> None:
    """Arms and legs from their anchors; `sign` turns each side's angles the right way."""
    a = pose.angles
    for s in SIDE_NAMES:
        turn = sign[s]
        upper = rotate(-dirs["trunk"], turn * getattr(a, f"{s}_shoulder"))
        fore = rotate(upper, turn * getattr(a, f"{s}_elbow"))
        hand = rotate(fore, turn * getattr(a, f"{s}_wrist"))
        joints[f"{s}_shoulder"] = anchors[f"{s}_shoulder"]
        joints[f"{s}_elbow"] = joints[f"{s}_shoulder"] + upper * body.UPPER_ARM
        joints[f"{s}_wrist"] = joints[f"{s}_elbow"] + fore * body.FOREARM
        # The pictogram draws the palm only; full fingers make the hands look oversized.
        joints[f"{s}_hand"] = joints[f"{s}_wrist"] + hand * body.HAND / 2
        thigh = rotate(-dirs["pelvis"], turn * getattr(a, f"{s}_hip"))
        shank = rotate(thigh, -turn * getattr(a, f"{s}_knee"))
        joints[f"{s}_hip"] = anchors[f"{s}_hip"]
        joints[f"{s}_knee"] = joints[f"{s}_hip"] + thigh * body.THIGH
        joints[f"{s}_ankle"] = joints[f"{s}_knee"] + shank * body.SHANK
        dirs.update({f"{s}_upper_arm": upper, f"{s}_forearm": fore, f"{s}_thigh": thigh, f"{s}_shank": shank})


def _feet(joints: dict[str, Point], dirs: dict[str, Point], forward: dict[str, Point]) -> None:
    """Each foot as a stroke whose underside lies ankle height below the ankle."""
    r = body.LIMB_WIDTH / 2
    for s in SIDE_NAMES:
        sole = joints[f"{s}_ankle"] + dirs[f"{s}_shank"] * (body.ANKLE_HEIGHT - r)
        joints[f"{s}_heel"] = sole - forward[s] * (body.FOOT * 0.25 - r)
        joints[f"{s}_toes"] = sole + forward[s] * (body.FOOT * 0.75 - r)
        dirs[f"{s}_foot"] = forward[s]


def _chains(trunk_width: float) -> tuple[Chain, ...]:
    chains = [
        Chain("trunk", ("hips", "lumbar", "neck_base"), trunk_width),
        Chain("neck", ("neck_base", "neck_top"), body.LIMB_WIDTH),
    ]
    for side in SIDES:
        s = side.value
        arm = (f"{s}_shoulder", f"{s}_elbow", f"{s}_wrist", f"{s}_hand")
        chains += [
            Chain(f"{s}_arm", arm, body.LIMB_WIDTH, side),
            Chain(f"{s}_leg", (f"{s}_hip", f"{s}_knee", f"{s}_ankle"), body.LIMB_WIDTH, side),
            Chain(f"{s}_foot", (f"{s}_heel", f"{s}_toes"), body.LIMB_WIDTH, side),
        ]
    return tuple(chains)


def _place_side(pose: Pose) -> Skeleton:
    joints, dirs = _spine(pose)
    forward = rotate(dirs["trunk"], -90)
    # Turning the trunk brings one shoulder forward and takes the other back.
    swing = forward * body.SHOULDER_WIDTH / 2 * math.sin(math.radians(pose.angles.trunk_rotation))
    anchors = {
        "left_shoulder": joints["neck_base"] - swing,
        "right_shoulder": joints["neck_base"] + swing,
        "left_hip": joints["hips"],
        "right_hip": joints["hips"],
    }
    _limbs(pose, joints, dirs, anchors, {"left": 1, "right": 1})
    _feet(joints, dirs, {s: rotate(dirs[f"{s}_shank"], 90 + _ankle(pose, s)) for s in SIDE_NAMES})
    # At zero every segment's back faces -x; a segment's back turns with the segment.
    rest = {"pelvis": UP, "trunk": UP, "neck": UP}
    rest |= {f"{s}_{seg}": DOWN for s in SIDE_NAMES for seg in ("thigh", "shank", "upper_arm", "forearm")}
    posterior = {name: -1 * dirs[name] / base for name, base in rest.items()}
    return Skeleton(joints, _chains(body.TRUNK_WIDTH), dirs, posterior)


def _place_front(pose: Pose) -> Skeleton:
    joints, dirs = _spine(pose)
    # The figure faces the reader, so its left is on the reader's right (+x).
    shoulder_line = rotate(dirs["trunk"], -90) * math.cos(math.radians(pose.angles.trunk_rotation))
    hip_line = rotate(dirs["pelvis"], -90)
    anchors = {
        "left_shoulder": joints["neck_base"] + shoulder_line * body.SHOULDER_WIDTH / 2,
        "right_shoulder": joints["neck_base"] - shoulder_line * body.SHOULDER_WIDTH / 2,
        "left_hip": joints["hips"] + hip_line * (body.HIP_WIDTH - body.LIMB_WIDTH) / 2,
        "right_hip": joints["hips"] - hip_line * (body.HIP_WIDTH - body.LIMB_WIDTH) / 2,
    }
    _limbs(pose, joints, dirs, anchors, {"left": 1, "right": -1})
    _feet(joints, dirs, {"left": hip_line, "right": -hip_line})
    return Skeleton(joints, _chains(body.HIP_WIDTH - body.LIMB_WIDTH), dirs, {})


def _ankle(pose: Pose, side: str) -> float:
    return float(getattr(pose.angles, f"{side}_ankle"))


def _place_top(pose: Pose) -> Skeleton:
    """Seen from straight above, facing up the page: each segment's length as it shows from
    above (the flexion angles of the side view turn it toward or away from the reader), the
    shoulder line turned by the trunk's rotation against the still hip line."""
    a = pose.angles
    turn = rotate(1 + 0j, a.trunk_rotation)  # positive turns to the figure's left
    ahead = turn * UP  # where the chest and face point
    lean = (a.pelvis + a.lumbar) * math.pi / 180
    chest = UP * (body.PELVIS + body.TRUNK) * math.sin(lean)
    joints: dict[str, Point] = {"hips": 0j, "lumbar": 0j, "neck_base": chest, "neck_top": chest}
    joints["head"] = chest + ahead * 2
    dirs: dict[str, Point] = {"pelvis": UP, "trunk": ahead, "neck": ahead}
    for s, x in (("left", -1), ("right", 1)):
        hip = complex(x * (body.HIP_WIDTH - body.LIMB_WIDTH) / 2, 0)
        bend = getattr(a, f"{s}_hip")
        knee = hip + UP * body.THIGH * _shown(bend)
        ankle = knee + UP * body.SHANK * _shown(bend - getattr(a, f"{s}_knee"))
        shoulder = chest + turn * x * body.SHOULDER_WIDTH / 2
        raise_ = getattr(a, f"{s}_shoulder")
        elbow = shoulder + ahead * body.UPPER_ARM * _shown(raise_)
        fold = raise_ + getattr(a, f"{s}_elbow")
        wrist = elbow + ahead * body.FOREARM * _shown(fold)
        hand = wrist + ahead * body.HAND / 2 * _shown(fold + getattr(a, f"{s}_wrist"))
        joints |= {f"{s}_hip": hip, f"{s}_knee": knee, f"{s}_ankle": ankle, f"{s}_shoulder": shoulder}
        joints |= {f"{s}_elbow": elbow, f"{s}_wrist": wrist, f"{s}_hand": hand}
        joints[f"{s}_heel"] = ankle - UP * (body.FOOT * 0.25 - body.LIMB_WIDTH / 2)
        joints[f"{s}_toes"] = ankle + UP * (body.FOOT * 0.75 - body.LIMB_WIDTH / 2)
        dirs |= {f"{s}_thigh": UP, f"{s}_shank": UP, f"{s}_foot": UP, f"{s}_upper_arm": ahead}
        dirs[f"{s}_forearm"] = ahead
    chains = [
        Chain("pelvis", ("left_hip", "right_hip"), body.TRUNK_WIDTH),
        Chain("shoulders", ("left_shoulder", "right_shoulder"), body.TRUNK_WIDTH),
    ]
    for side in SIDES:
        s = side.value
        chains += [
            Chain(f"{s}_leg", (f"{s}_hip", f"{s}_knee", f"{s}_ankle"), body.LIMB_WIDTH, side),
            Chain(f"{s}_foot", (f"{s}_heel", f"{s}_toes"), body.LIMB_WIDTH, side),
            Chain(
                f"{s}_arm", (f"{s}_shoulder", f"{s}_elbow", f"{s}_wrist", f"{s}_hand"), body.LIMB_WIDTH, side
            ),
        ]
    return Skeleton(joints, tuple(chains), dirs, {})


def _shown(flexion: float) -> float:
    """How much of a segment hanging down and turned forward by `flexion` shows from above."""
    return math.sin(math.radians(flexion))


def _place_pelvis(pose: Pose) -> Skeleton:
    """The side view cut down to the pelvis, the lower half of the trunk and the thighs, with
    the top of each shin: a close-up (the directions stay whole, for the description)."""
    whole = _place_side(pose)
    j, d = whole.joints, whole.directions
    joints = {"hips": j["hips"], "lumbar": j["lumbar"], "chest": j["lumbar"] + d["trunk"] * body.TRUNK * 0.5}
    chains = [Chain("trunk", ("hips", "lumbar", "chest"), body.TRUNK_WIDTH)]
    for side in SIDES:
        s = side.value
        joints |= {f"{s}_hip": j[f"{s}_hip"], f"{s}_knee": j[f"{s}_knee"]}
        joints[f"{s}_shin"] = j[f"{s}_knee"] + d[f"{s}_shank"] * body.SHANK * 0.4
        chains.append(Chain(f"{s}_leg", (f"{s}_hip", f"{s}_knee", f"{s}_shin"), body.LIMB_WIDTH, side))
    return Skeleton(joints, tuple(chains), d, whole.posterior)


def _place_clock(pose: Pose) -> Skeleton:
    """The pelvis from above, head at the top: the hip line (the figure's left on the reader's
    right), the lower back above it, the thighs' tops below, and the point that sinks."""
    a = pose.angles
    half = (body.HIP_WIDTH - body.LIMB_WIDTH) / 2
    joints = {"hips": 0j, "lumbar": UP * 10, "left_hip": complex(half, 0), "right_hip": complex(-half, 0)}
    joints |= {"left_knee": complex(half + 1, -13), "right_knee": complex(-half - 1, -13)}
    # Tipping toward 12 (the belly button) is the pelvis rocking back from lying flat (-90).
    joints["sinks"] = complex(a.pelvis_side, -(a.pelvis + 90)) * CLOCK_REACH
    chains = (
        Chain("trunk", ("lumbar", "hips"), body.TRUNK_WIDTH),
        Chain("pelvis", ("left_hip", "right_hip"), body.TRUNK_WIDTH),
        Chain("left_leg", ("left_hip", "left_knee"), body.LIMB_WIDTH, BodySide.LEFT),
        Chain("right_leg", ("right_hip", "right_knee"), body.LIMB_WIDTH, BodySide.RIGHT),
    )
    return Skeleton(joints, chains, {"pelvis": UP, "trunk": UP}, {})


#: Units the sinking point moves per degree of tilt or roll in a clock view.
CLOCK_REACH = 0.5

_PLACERS = {
    View.SIDE: _place_side,
    View.FRONT: _place_front,
    View.ABOVE: _place_side,
    View.TOP: _place_top,
    View.PELVIS: _place_pelvis,
    View.CLOCK: _place_clock,
}
