"""sitegen.publish.serviceworker without a site build: clear errors when Node or Workbox is
missing or Workbox fails, and the Makefile installs the pinned Workbox for the builds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sitegen.publish import serviceworker
from sitegen.publish.serviceworker import WORKBOX, ServiceWorkerError, write_service_worker

from ..conftest import ROOT


def fake_workbox(folder: Path, script: str) -> Path:
    """A tools/workbox stand-in: an installed workbox-build and our own script."""
    (folder / "node_modules" / "workbox-build").mkdir(parents=True)
    (folder / "generate-sw.mjs").write_text(script, "utf-8")
    return folder


def test_the_tool_is_found_in_the_repository_not_in_the_project() -> None:
    assert WORKBOX == ROOT / "tools" / "workbox"
    assert (WORKBOX / "generate-sw.mjs").is_file()


def test_workbox_is_pinned_exactly_and_installed_by_the_makefile() -> None:
    package = json.loads((WORKBOX / "package.json").read_text("utf-8"))
    lock = json.loads((WORKBOX / "package-lock.json").read_text("utf-8"))
    assert package["devDependencies"] == {"workbox-build": "7.4.1"}
    assert lock["packages"]["node_modules/workbox-build"]["version"] == "7.4.1"
    makefile = (ROOT / "Makefile").read_text("utf-8")
    stamp = "tools/workbox/node_modules/.installed"
    assert re.search(rf"^WORKBOX_NPM := {re.escape(stamp)}$", makefile, re.M)
    assert "npm ci --prefix tools/workbox --no-audit --no-fund --silent" in makefile
    for target in ("site", "test", "lighthouse"):
        line = re.search(rf"^{target}:(.*)##", makefile, re.M)
        assert line and "$(WORKBOX_NPM)" in line.group(1), target


def test_missing_node_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serviceworker.shutil, "which", lambda name: None)
    with pytest.raises(ServiceWorkerError, match=r"Node\.js is missing.*run `make site`"):
        write_service_worker(tmp_path)


def test_missing_workbox_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ServiceWorkerError, match=r"Workbox is not installed in .*: run `make site`"):
        write_service_worker(tmp_path / "site", workbox=tmp_path / "no-workbox")


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_a_workbox_failure_is_reported_with_its_message(tmp_path: Path) -> None:
    tool = fake_workbox(tmp_path / "tool", 'console.error("workbox: too large"); process.exit(1);\n')
    with pytest.raises(ServiceWorkerError, match=r"could not write .*sw\.js:\nworkbox: too large$"):
        write_service_worker(tmp_path / "site", workbox=tool)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")
def test_the_count_and_size_come_from_the_script(tmp_path: Path) -> None:
    tool = fake_workbox(tmp_path / "tool", "console.log(JSON.stringify({count: 3, size: 1200}));\n")
    assert write_service_worker(tmp_path, workbox=tool) == serviceworker.Precache(files=3, size=1200)
    garbled = fake_workbox(tmp_path / "garbled", 'console.log("done");\n')
    with pytest.raises(ServiceWorkerError, match="unexpected output"):
        write_service_worker(tmp_path, workbox=garbled)
