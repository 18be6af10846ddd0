"""Command line: `python -m sitegen check | markdown | build | pdf | offline | schema`."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from sitegen.checks.readability import format_table
from sitegen.content.load import load_corpus
from sitegen.content.problems import CorpusError
from sitegen.content.schema import schemas
from sitegen.pipeline import Result, generate, handed_over, latest_review
from sitegen.publish.epoch import build_epoch
from sitegen.publish.offline import write_zip
from sitegen.publish.pdf import render_pdfs
from sitegen.publish.serviceworker import ServiceWorkerError, write_service_worker
from sitegen.publish.write import plan, write_pages

DOCS_DIR = "build/docs"
SITE_DIR = "site"
OFFLINE_CONFIG = "mkdocs.offline.yml"
OFFLINE_SITE_DIR = "build/offline-site"
OFFLINE_ZIP = "build/sciatica-guide-offline.zip"


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run one command, return the exit code."""
    args = _parser().parse_args(argv)
    root = Path(args.root).resolve()
    try:
        return int(args.command(root, args))
    except CorpusError as exc:
        print(exc.report(), file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sitegen", description=__doc__)
    parser.add_argument("--root", default=".", help="project root (default: current folder)")
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    check = sub.add_parser("check", help="validate every source; print every problem")
    check.set_defaults(command=cmd_check)
    markdown = sub.add_parser("markdown", help="write the generated Markdown into build/docs")
    markdown.add_argument("--docs-dir", default=DOCS_DIR)
    mode = markdown.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="fail if build/docs is stale")
    mode.add_argument("--dry-run", action="store_true", help="list what would change")
    markdown.set_defaults(command=cmd_markdown)
    build = sub.add_parser("build", help="check, write, mkdocs build --strict, swap into site/")
    build.add_argument("--site-dir", default=SITE_DIR)
    build.add_argument("--config-file", default="mkdocs.yml")
    build.add_argument("--pdf", action="store_true", help="also print every sheet to site/pdf/")
    build.set_defaults(command=cmd_build)
    pdf = sub.add_parser("pdf", help="print every exercise and routine sheet of site/ to PDF")
    pdf.add_argument("--site-dir", default=SITE_DIR)
    pdf.set_defaults(command=cmd_pdf)
    offline = sub.add_parser("offline", help=f"build with {OFFLINE_CONFIG} for file:// and zip it")
    offline.add_argument("--site-dir", default=OFFLINE_SITE_DIR)
    offline.add_argument("--zip", default=OFFLINE_ZIP, help="the zip; its name is its top folder")
    offline.add_argument("--pdf", action="store_true", help="also print every sheet into the copy")
    offline.set_defaults(command=cmd_offline, config_file=OFFLINE_CONFIG)
    schema = sub.add_parser("schema", help="write the JSON Schema files into schemas/")
    schema.add_argument("--check", action="store_true", help="fail if a schema file is stale")
    schema.set_defaults(command=cmd_schema)
    return parser


def _generate(root: Path, table: bool = False) -> Result:
    result = generate(root)
    if table:
        print(format_table(result.readability), file=sys.stderr)
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    return result


def cmd_check(root: Path, args: argparse.Namespace) -> int:
    """Validate only."""
    result = _generate(root, table=True)
    print(f"sitegen: {len(result.pages)} pages from valid sources", file=sys.stderr)
    return 0


def cmd_markdown(root: Path, args: argparse.Namespace) -> int:
    """Write (or, with --check / --dry-run, only compare) the generated Markdown."""
    result = _generate(root)
    docs = root / args.docs_dir
    if args.check or args.dry_run:
        changes = plan(result.pages, docs)
        for rel in changes.written:
            print(f"would write {args.docs_dir}/{rel}")
        for rel in changes.removed:
            print(f"would remove {args.docs_dir}/{rel}")
        stale = bool(changes.written or changes.removed)
        return 1 if (args.check and stale) else 0
    changes = write_pages(result.pages, docs)
    print(
        f"sitegen: {len(changes.written)} written, {len(changes.removed)} removed, "
        f"{changes.unchanged} unchanged in {args.docs_dir}",
        file=sys.stderr,
    )
    return 0


def cmd_build(root: Path, args: argparse.Namespace) -> int:
    """Build into a temporary folder and swap it in only when everything succeeded."""
    started = time.perf_counter()
    result = _generate(root, table=True)
    # mkdocs needs docs_dir to exist before it loads the config (and runs the hook).
    write_pages(result.pages, root / DOCS_DIR)
    site = (root / args.site_dir).resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{site.name}.building-", dir=site.parent))
    epoch = build_epoch(root, result.build_date)
    try:
        with handed_over(root, result):
            service_worker = _mkdocs_build(root, args.config_file, staging, epoch)
        if service_worker is None:
            return 1
        if args.pdf:
            render_pdfs(staging, epoch=epoch)
        # Last: it precaches what the build wrote. A failure leaves the old site/ as it was.
        if service_worker and not _service_worker(staging):
            return 1
        _swap(staging, site)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"sitegen: built {site} in {elapsed:.1f} s", file=sys.stderr)
    return 0


def cmd_pdf(root: Path, args: argparse.Namespace) -> int:
    """Print the sheets of an already built site."""
    site = root / args.site_dir
    if not (site / "index.html").is_file():
        print(f"sitegen: no built site in {site}; run `make site` first", file=sys.stderr)
        return 1
    render_pdfs(site, epoch=_epoch(root))
    return 0


def cmd_offline(root: Path, args: argparse.Namespace) -> int:
    """Build the copy that works from file:// with no network, then zip it reproducibly."""
    if cmd_build(root, args) != 0:
        return 1
    target = write_zip(root / args.site_dir, root / args.zip, Path(args.zip).stem, _epoch(root))
    print(f"sitegen: wrote {args.zip} ({target.stat().st_size:,} bytes)")
    return 0


def _epoch(root: Path) -> int:
    """The build's timestamp, for commands that do not generate the pages themselves."""
    return build_epoch(root, latest_review(load_corpus(root)[0]))


def _mkdocs_build(root: Path, config: str, out: Path, epoch: int) -> bool | None:
    """`mkdocs build --strict` in this process, as MkDocs' own command runs it; None if it failed,
    else whether the config asks for a service worker (`extra.service_worker`)."""
    with _mkdocs_log(), _environment(SOURCE_DATE_EPOCH=str(epoch)):
        try:
            # SOURCE_DATE_EPOCH fixes the sitemap dates, so the same sources give the same bytes.
            settings = load_config(str(root / config), site_dir=str(out), strict=True)
            settings.plugins.on_startup(command="build", dirty=False)
            try:
                build(settings)
            finally:
                settings.plugins.on_shutdown()
        except MkDocsException as exc:
            print(f"sitegen: {exc.format_message().strip()}", file=sys.stderr)
            return None
    return bool(settings.extra.get("service_worker", False))


def _service_worker(site: Path) -> bool:
    """Write sw.js into a built site and say what it precaches; False (and why) if it failed."""
    try:
        precache = write_service_worker(site)
    except ServiceWorkerError as exc:
        print(f"sitegen: {exc}", file=sys.stderr)
        return False
    print(f"sitegen: sw.js precaches {precache.files} files ({precache.size:,} bytes)", file=sys.stderr)
    return True


@contextlib.contextmanager
def _mkdocs_log() -> Iterator[None]:
    """MkDocs' messages on stderr, as its command line shows them (it sets up its own)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Environment variables set for the block, then restored."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _swap(staging: Path, site: Path) -> None:
    """Replace `site` by `staging` with two renames; the old tree is removed last."""
    old = site.with_name(f"{site.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def cmd_schema(root: Path, args: argparse.Namespace) -> int:
    """Write the JSON Schemas, or check that the committed ones are current."""
    stale = []
    for rel, content in schemas().items():
        path = root / rel
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == content:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8", newline="\n")
    for rel in stale:
        print(f"{'stale' if args.check else 'wrote'}: {rel}", file=sys.stderr)
    return 1 if (args.check and stale) else 0
