"""The offline copy's wiring: `make offline`, mkdocs.offline.yml's plugins and the vendored worker shim."""

from __future__ import annotations

import hashlib
import re

from mkdocs.utils.yaml import yaml_load

from sitegen.cli import OFFLINE_CONFIG, _parser

from ..conftest import ROOT

VENDOR = "assets/javascripts/vendor/iframe-worker"


def test_make_offline_runs_sitegen_offline_with_the_offline_config() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    recipe = re.search(r"^offline:.*\n((?:\t.*\n)+)", makefile, re.M)
    assert recipe, "no offline target in the Makefile"
    assert "$(PY) -m sitegen offline" in recipe.group(1)
    args = _parser().parse_args(["offline"])
    assert (args.config_file, args.zip) == ("mkdocs.offline.yml", "build/sciatica-guide-offline.zip")


def test_offline_config_repeats_every_plugin_and_vendors_the_shim() -> None:
    with (ROOT / "mkdocs.yml").open("rb") as fd:
        online = yaml_load(fd)
    with (ROOT / OFFLINE_CONFIG).open("rb") as fd:
        offline = yaml_load(fd)  # with mkdocs.yml merged in, as mkdocs reads it
    # Lists are replaced, not merged: the search settings must be repeated exactly.
    assert offline["plugins"] == [*online["plugins"], "offline"]
    assert offline["use_directory_urls"] is False
    assert offline["extra_javascript"] == online["extra_javascript"]
    assert offline["extra"]["polyfills"] == [f"{VENDOR}/shim.js"]
    assert "polyfills" not in online.get("extra", {})
    # No service worker and no manifest link from file://; dicts merge, so the rest stays.
    assert online["extra"]["service_worker"] is True
    assert offline["extra"]["service_worker"] is False
    vendor = ROOT / "overrides" / VENDOR
    assert "Permission is hereby granted" in (vendor / "LICENSE").read_text("utf-8")  # MIT
    readme = (vendor / "README.md").read_text("utf-8")
    assert re.search(r"iframe-worker \d+\.\d+\.\d+", readme)
    assert hashlib.sha256((vendor / "shim.js").read_bytes()).hexdigest() in readme
