"""Where both Jinja2 environments find their templates and keep them compiled between runs."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from jinja2 import BaseLoader, BytecodeCache, Environment, FileSystemBytecodeCache, PackageLoader, nodes
from jinja2.bccache import Bucket
from jinja2.compiler import CodeGenerator, Frame

#: Set to a folder to keep compiled templates there, or to "off" to compile every run.
CACHE_ENV = "SITEGEN_TEMPLATE_CACHE"
#: Part of every cache file's name. Jinja2 keys compiled code by template name and source
#: only, so bump this when the code generation below changes.
CACHE_VERSION = 2


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
        return _TolerantCache(setting or None, pattern=f"sitegen-{CACHE_VERSION}-%s.cache")
    except (OSError, RuntimeError):
        # RuntimeError: Jinja2 found the default folder unsafe (another user's or not 0700).
        return None


def template_loader() -> BaseLoader:
    """The package's templates/ folder."""
    return PackageLoader("sitegen", "templates")


def make_environment(**options: Any) -> Environment:
    """An environment on our templates with the compiled-template cache.

    It reads each template once: call `reread` before each build, so a template edited
    under `mkdocs serve` is used by the next build. (Jinja2's auto_reload instead checks
    the file's time at every lookup, three times per exercise page.)
    With a `finalize` it must return Markup for every value (it is the escaping step).
    """
    kind = SafeFinalizeEnvironment if options.get("finalize") else Environment
    return kind(loader=template_loader(), bytecode_cache=bytecode_cache(), auto_reload=False, **options)


def reread(environment: Environment) -> None:
    """Forget the templates the environment has read, so the next lookup reads the file again."""
    if environment.cache is not None:
        environment.cache.clear()


class _FinalizedOutput(CodeGenerator):
    """Writes `{{ value }}` as finalize(value) where autoescape would write escape(finalize(value))."""

    def _trusts_finalize(self, frame: Frame) -> bool:
        context = frame.eval_ctx
        return self._make_finalize().src is not None and context.autoescape and not context.volatile

    def _output_child_pre(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._trusts_finalize(frame):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node: nodes.Expr, frame: Frame, finalize: Any) -> None:
        if self._trusts_finalize(frame):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class SafeFinalizeEnvironment(Environment):
    """An autoescaping environment whose finalize already escapes every value into Markup.

    Autoescape would wrap each output in escape(), which for Markup only makes a copy; an
    exercise page has about 300 outputs, and that copying was a third of its time. Macros
    still return Markup (autoescape is on), and finalize passes Markup through unchanged.
    """

    code_generator_class = _FinalizedOutput
