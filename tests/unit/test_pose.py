"""Tests for sitegen.figures.pose: forward kinematics puts joints where the proportions say."""

from __future__ import annotations

import math

import pytest

from sitegen.content.models import Angles, Pose, View
from sitegen.figures import body
from sitegen.figures.pose import place, rotate


def close(a: complex, b: complex) -> bool:
    return abs(a - b) < 1e-9


def test_rotate_turns_anticlockwise() -> None:
    assert close(rotate(1, 90), 1j)
    assert close(rotate(-1j, 90), 1)


def test_standing_matches_winter_landmark_heights() -> None:
    joints = place(Pose(hips=(0, 53)), View.SIDE).joints
    # Winter (2009) fig. 4.1: knee 0.285 H, elbow 0.630 H, wrist 0.485 H, shoulder 0.818 H, chin 0.870 H.
    assert joints["left_knee"].imag == pytest.approx(28.5)
    assert joints["left_ankle"].imag == pytest.approx(3.9)
    assert joints["left_elbow"].imag == pytest.approx(63.2)
    assert joints["left_wrist"].imag == pytest.approx(48.6)
    assert joints["neck_base"].imag == pytest.approx(81.8)
    assert joints["neck_top"].imag == pytest.approx(87.0)
    assert joints["head"].imag + body.HEAD_RADIUS == pytest.approx(100.0)


def test_sitting_bends_hip_and_knee_by_their_angles() -> None:
    pose = Pose(hips=(0, 28.5), angles=Angles(left_hip=90, left_knee=90))
    joints = place(pose, View.SIDE).joints
    assert close(joints["left_knee"], complex(body.THIGH, 28.5))
    assert close(joints["left_ankle"], complex(body.THIGH, 28.5 - body.SHANK))
    # The right leg keeps its zero angles: straight down.
    assert close(joints["right_knee"], complex(0, 28.5 - body.THIGH))


def test_lying_on_the_back_puts_the_head_behind_and_a_raised_thigh_up() -> None:
    pose = Pose(hips=(0, 6), angles=Angles(pelvis=-90, left_hip=90))
    joints = place(pose, View.SIDE).joints
    assert close(joints["lumbar"], complex(-body.PELVIS, 6))
    assert joints["head"].real < joints["neck_base"].real < 0
    assert close(joints["left_knee"], complex(0, 6 + body.THIGH))


def test_flexion_of_a_chain_adds_up() -> None:
    pose = Pose(hips=(0, 53), angles=Angles(left_shoulder=90, left_elbow=90))
    joints = place(pose, View.SIDE).joints
    assert close(joints["left_elbow"], joints["left_shoulder"] + body.UPPER_ARM)
    assert close(joints["left_wrist"], joints["left_elbow"] + 1j * body.FOREARM)


def test_trunk_rotation_separates_the_shoulders_in_a_side_view() -> None:
    joints = place(Pose(hips=(0, 53), angles=Angles(trunk_rotation=30)), View.SIDE).joints
    spread = joints["right_shoulder"].real - joints["left_shoulder"].real
    assert spread == pytest.approx(body.SHOULDER_WIDTH * math.sin(math.radians(30)))


def test_front_view_spreads_hips_and_abducts_each_leg_outward() -> None:
    pose = Pose(hips=(0, 53), angles=Angles(left_hip=30, right_hip=30))
    joints = place(pose, View.FRONT).joints
    assert joints["left_hip"].real > 0 > joints["right_hip"].real
    sideways = body.THIGH * math.sin(math.radians(30))
    assert joints["left_knee"].real - joints["left_hip"].real == pytest.approx(sideways)
    assert joints["right_knee"].real - joints["right_hip"].real == pytest.approx(-sideways)


def test_standing_feet_rest_exactly_on_the_floor() -> None:
    skeleton = place(Pose(hips=(0, 53)), View.SIDE)
    assert min(p.imag - r for _, p, r in skeleton.extents()) == pytest.approx(0, abs=1e-9)


def test_posterior_turns_with_the_segment() -> None:
    skeleton = place(Pose(hips=(0, 28.5), angles=Angles(left_hip=90)), View.SIDE)
    # A thigh pointing forward has its back facing the floor.
    assert close(skeleton.posterior["left_thigh"], -1j)
    assert close(skeleton.posterior["trunk"], -1)
