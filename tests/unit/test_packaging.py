"""pyproject.toml names every package the generator imports, so `pip install .` is enough to run it."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions

from packaging.requirements import Requirement

from ..conftest import ROOT

PACKAGE = ROOT / "scripts" / "sitegen"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _imports() -> dict[str, bool]:
    """Each third-party module the package imports: True if at module level, False if only lazily."""
    found: dict[str, bool] = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        top_level = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("sitegen", "__future__"):
                    continue
                found[top] = found.get(top, False) or id(node) in top_level
    return found


def _declared() -> tuple[set[str], set[str]]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    required = {_canonical(Requirement(r).name) for r in project["dependencies"]}
    optional = {
        _canonical(Requirement(r).name) for extra in project["optional-dependencies"].values() for r in extra
    }
    return required, optional


def test_every_import_is_a_declared_dependency() -> None:
    imports = _imports()
    assert {"yaml", "jinja2", "pydantic", "textstat", "segno", "mkdocs"} <= set(imports)
    required, optional = _declared()
    distributions = packages_distributions()
    for module, at_import_time in imports.items():
        providers = {_canonical(d) for d in distributions.get(module, [module])}
        # A module-level import must come with `pip install .`; a lazy one may be an extra.
        allowed = required if at_import_time else required | optional
        assert providers & allowed, f"sitegen imports {module}, which pyproject.toml does not list"
