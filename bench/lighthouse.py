"""Lighthouse mobile scores, old code against new, in one run: `make lighthouse`.

Both sites are built from the same machine's sources: the new one from the work tree, the
old one from a commit (`--old`, by default the last one before issue 21's diary and service
worker), each with its own generator. Pages that are new (My progress) are held instead to
an existing page of the new site: each score at least that page's. Each is served with gzip, as a static host
would (Python's http.server does not compress, which costs about 10 points). Runs of old
and new take turns, so the machine's other load falls on both alike; each page's score is
the median of `--runs` runs.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools/lighthouse/node_modules/.bin/lighthouse"
#: The last commit before issue 21 (the progress diary, the service worker).
BEFORE_DIARY = "38a7ef9"
PAGES = ("exercises/knee-to-chest/", "exercises/bird-dog/", "routines/gentle-start/")
#: New pages, each with the page of the new site it must score at least as well as.
PEERS = {"my-progress/": "exercises/knee-to-chest/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: What a build reads from the work tree.
SOURCES = (
    "exercises",
    "content",
    "overrides",
    "scripts",
    "mkdocs.yml",
    "mkdocs.offline.yml",
    "pyproject.toml",
)
#: What a static host compresses.
TEXT = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it, with no log lines."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in TEXT and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if not path.is_file():
            self.send_error(404)
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve a built site on a free local port; return the server and its base URL."""
    handler = functools.partial(GzipHandler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def build(project: Path, scripts: Path) -> Path:
    """Build a project's site with the generator in `scripts`; return the site folder."""
    env = {**os.environ, "PYTHONPATH": str(scripts), "SOURCE_DATE_EPOCH": "1767225600"}
    subprocess.run([sys.executable, "-m", "sitegen", "--root", str(project), "build"], check=True, env=env)
    return project / "site"


def old_project(commit: str, into: Path) -> Path:
    """The sources at a commit, unpacked (git archive: no worktree, no checkout)."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True)
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def new_project(into: Path) -> Path:
    """The work tree's sources, copied (the build must not touch the repository's site/)."""
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, into / name)
    # The copied generator runs Workbox from tools/workbox beside it (`make lighthouse` installs it).
    (into / "tools").mkdir()
    (into / "tools" / "workbox").symlink_to(ROOT / "tools" / "workbox")
    return into


def lighthouse(url: str) -> dict[str, float]:
    """One mobile Lighthouse run: each category's score, 0 to 100."""
    env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ],
        check=True,
        capture_output=True,
        env=env,
        text=True,
    )
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    """Print each page's median scores, old and new; exit 1 if any new score is lower."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", default=BEFORE_DIARY, help="commit to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=list(PAGES))
    args = parser.parse_args(argv)
    args.pages = list(dict.fromkeys([*args.pages, *PEERS.values()]))  # the peers are measured too
    with tempfile.TemporaryDirectory() as tmp:
        old = old_project(args.old, Path(tmp) / "old")
        new = new_project(Path(tmp) / "new")
        sites = {"old": build(old, old / "scripts"), "new": build(new, new / "scripts")}
        servers = {name: serve(site) for name, site in sites.items()}
        scores: dict[tuple[str, str], list[dict[str, float]]] = {}
        for _ in range(args.runs):
            for page in args.pages:
                for name, (_, base) in servers.items():
                    scores.setdefault((page, name), []).append(lighthouse(base + page))
            for page in PEERS:
                scores.setdefault((page, "new"), []).append(lighthouse(servers["new"][1] + page))
        for server, _ in servers.values():
            server.shutdown()
    worse = False
    median = functools.partial(_median, scores)
    package = json.loads((ROOT / "tools/lighthouse/package.json").read_text("utf-8"))
    version = package["devDependencies"]["lighthouse"]
    print(f"Lighthouse {version} mobile, median of {args.runs}; old = {args.old}")
    print(f"{'page':<28} {'':4} " + " ".join(f"{c:>15}" for c in CATEGORIES))
    for page in args.pages:
        medians = {name: median(page, name) for name in ("old", "new")}
        for name in ("old", "new"):
            print(f"{page:<28} {name:4} " + " ".join(f"{medians[name][c]:>15.0f}" for c in CATEGORIES))
        worse |= any(medians["new"][c] < medians["old"][c] for c in CATEGORIES)
    for page, peer in PEERS.items():
        mine, theirs = median(page, "new"), median(peer, "new")
        print(f"{page:<28} {'new':4} " + " ".join(f"{mine[c]:>15.0f}" for c in CATEGORIES) + f"  (vs {peer})")
        worse |= any(mine[c] < theirs[c] for c in CATEGORIES)
    print(
        "new is lower somewhere"
        if worse
        else "new is no lower than old on any page, nor a new page than its peer"
    )
    return 1 if worse else 0


def _median(scores: dict[tuple[str, str], list[dict[str, float]]], page: str, name: str) -> dict[str, float]:
    """Each category's median score of one page on one site."""
    return {c: statistics.median(run[c] for run in scores[(page, name)]) for c in CATEGORIES}


if __name__ == "__main__":
    raise SystemExit(main())
