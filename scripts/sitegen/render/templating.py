"""Where both Jinja2 environments find their templates and keep them compiled between runs."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader
from jinja2.bccache import Bucket

#: Set to a folder to keep compiled templates there, or to "off" to compile every run.
CACHE_ENV = "SITEGEN_TEMPLATE_CACHE"


class _TolerantCache(FileSystemBytecodeCache):
    """Jinja2's file cache, except that a cache it cannot write only costs a recompile."""

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache() -> BytecodeCache | None:
    """The compiled-template cache, or None when it is switched off or cannot be made.

    Compiling the templates is most of what a small site's generator does (about 65 ms of
    150), and every `mkdocs build` starts a fresh process. Like Python's __pycache__, an
    entry is keyed by the template's name and used only while its source's checksum
    matches, so an edited template is compiled again. The default folder is Jinja2's own:
    a private (0700) per-user folder under the system's temporary directory.
    """
    setting = os.environ.get(CACHE_ENV, "")
    if setting == "off":
        return None
    try:
        if setting:
            os.makedirs(setting, exist_ok=True)
        return _TolerantCache(setting or None, pattern="sitegen-jinja-%s.cache")
    except (OSError, RuntimeError):
        # RuntimeError: Jinja2 found the default folder unsafe (another user's or not 0700).
        return None


def template_loader() -> BaseLoader:
    """The package's templates/ folder."""
    return PackageLoader("sitegen.render", "templates")


def make_environment(**options: Any) -> Environment:
    """An environment on our templates with the compiled-template cache.

    Jinja2 checks a template's file before each use (auto_reload), so a template edited
    under `mkdocs serve` is used by the next build.
    """
    return Environment(loader=template_loader(), bytecode_cache=bytecode_cache(), **options)
