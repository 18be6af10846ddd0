"""My routine's own code: the cap is the catalog's, no script writes HTML, the QR maker is as published."""

from __future__ import annotations

import hashlib
import re

from sitegen.render.routine_catalog import MAX_ITEMS

from ..conftest import ROOT

JS = ROOT / "overrides/assets/javascripts"
#: Our own scripts for the feature (tests/unit/test_budgets.py holds their gzipped size).
OUR_JS = (JS / "routine.js", JS / "my-routine.js")
QR_VENDOR = JS / "vendor/lean-qr"


def test_the_scripts_cap_equals_the_catalogs() -> None:
    found = re.search(r"const MAX = (\d+);", (JS / "routine.js").read_text("utf-8"))
    assert found and int(found.group(1)) == MAX_ITEMS


def test_our_script_never_writes_html() -> None:
    for path in OUR_JS:
        source = path.read_text("utf-8")
        assert source.startswith('"use strict";'), path.name
        for risky in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert risky not in source, f"{path.name}: {risky}"


def test_the_vendored_qr_maker_is_the_published_file() -> None:
    wrapped = (QR_VENDOR / "lean-qr.js").read_text("utf-8")
    head, opening, rest = wrapped.split("\n", 2)
    original, closing = rest.rsplit("})((window.leanQR = {}));\n", 1)
    assert head.startswith("/* lean-qr 2.7.4 ") and opening == "(function (exports) {" and closing == ""
    readme = (QR_VENDOR / "README.md").read_text("utf-8")
    assert hashlib.sha256(original.encode()).hexdigest() in readme
    assert "lean-qr 2.7.4" in readme
    assert "Permission is hereby granted" in (QR_VENDOR / "LICENSE").read_text("utf-8")  # MIT
