"""Figures drawn from pose data as inline SVG, and their text alternatives."""
