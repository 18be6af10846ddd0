"""The unit tests need no browser: collecting tests/unit imports neither Playwright nor axe."""

from __future__ import annotations

import subprocess
import sys

from ..conftest import ROOT

#: Collects tests/unit in a fresh interpreter (collecting runs no test, so this one does not
#: start itself again), then prints pytest's exit code and the browser modules imported.
PROBE = """
import sys, pytest
code = pytest.main(["--collect-only", "-q", "-p", "no:cacheprovider", "tests/unit"])
browser = sorted(m for m in sys.modules if m.split(".")[0] in {"playwright", "axe_playwright_python"})
print(int(code), browser)
"""


def test_collecting_the_unit_tests_imports_no_playwright() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[-1] == "0 []", result.stdout[-2000:] + result.stderr
