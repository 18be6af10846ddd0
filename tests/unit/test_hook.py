"""Tests for the MkDocs hook's serve wiring (its build behaviour is tested through builds)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..conftest import ROOT


class RecordingServer:
    """Stands in for MkDocs' LiveReloadServer: records what is unwatched."""

    def __init__(self) -> None:
        self.unwatched: list[str] = []

    def unwatch(self, path: str) -> None:
        self.unwatched.append(path)


def test_serve_does_not_watch_its_own_output() -> None:
    from sitegen import hook

    config = MkDocsConfig(config_file_path=str(ROOT / "mkdocs.yml"))
    config.load_dict({"site_name": "x", "docs_dir": str(ROOT / "build/docs")})
    server: Any = RecordingServer()
    assert hook.on_serve(server, config, lambda: None) is server
    assert server.unwatched == [str(Path(ROOT / "build/docs"))]
