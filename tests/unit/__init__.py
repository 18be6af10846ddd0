"""Unit tests: no site build, no browser (run alone with `pytest tests/unit`)."""
