"""Static hosting's deploy files: the Pages workflow and netlify.toml publish what `make site` builds."""

from __future__ import annotations

from ..conftest import ROOT


def test_deploy_files_build_with_make_site() -> None:
    workflow = (ROOT / ".github/workflows/pages.yml").read_text("utf-8")
    assert "make site" in workflow and "actions/deploy-pages" in workflow
    assert "SITE_URL" in workflow
    netlify = (ROOT / "netlify.toml").read_text("utf-8")
    assert 'publish = "site"' in netlify
