"""Incremental authoring: time from saving an exercise's YAML to its rebuilt page under `mkdocs serve`.

The real project is copied to a work folder (the sources in the repository are never
touched); the hook regenerates the Markdown on each rebuild. Each trial appends a unique
word to one exercise's summary and polls the page until the word is there. The dev
server answers only once a rebuild is complete, so the poll sees the finished page.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .generator import run_generator
from .project import IGNORE, BuildFailed, child_env, copy_skeleton, log

POLL_SECONDS = 0.02
#: A rebuild is over when the server log has been quiet this long.
QUIET_SECONDS = 1.5
TIMEOUT_SECONDS = 120.0
#: `--dirty` logs a warning that strict mode (on in mkdocs.yml) turns into an abort, so the
#: dirty run uses a config, written into the copy only, that inherits mkdocs.yml unstrict.
DIRTY_CONFIG = "mkdocs.bench-dirty.yml"
_SUMMARY = re.compile(r"^(summary: )([^'\"|>].*)$", re.MULTILINE)
#: Logged when a rebuild starts and when the browsers are told it is done.
_START, _DONE = "Building documentation", "Reloading browsers"
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")


@dataclass
class ServeResult:
    """Seconds from save to rebuilt page per trial, and the rebuilds each save caused."""

    mode: str
    start_seconds: float
    seconds: list[float] = field(default_factory=list)
    rebuilds: list[int] = field(default_factory=list)
    build_seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        """Median seconds from save to page."""
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def worst(self) -> float:
        """Slowest trial."""
        return max(self.seconds, default=float("nan"))

    def as_dict(self) -> dict[str, object]:
        """For the JSON report."""
        return {
            "mode": self.mode,
            "start_seconds": self.start_seconds,
            "seconds": self.seconds,
            "median_seconds": self.median,
            "max_seconds": self.worst,
            "rebuilds_per_save": self.rebuilds,
            "rebuild_seconds": self.build_seconds,
        }


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    """The page's text, or None if the server does not answer (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            body: bytes = response.read()
            return body.decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate: str, url: str, proc: subprocess.Popen[bytes]) -> float:
    """Seconds until the page at `url` contains `predicate`; fail if the server dies or stalls."""
    started = time.perf_counter()
    while time.perf_counter() - started < TIMEOUT_SECONDS:
        if proc.poll() is not None:
            raise BuildFailed(f"mkdocs serve exited with {proc.returncode}")
        body = fetch(url)
        if body is not None and predicate in body:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise BuildFailed(f"{url} did not show {predicate!r} within {TIMEOUT_SECONDS:.0f} s")


def read_log(log_file: Path, offset: int = 0) -> str:
    """The server log from character `offset` on."""
    return log_file.read_text(encoding="utf-8", errors="replace")[offset:]


def wait_quiet(log_file: Path, offset: int) -> None:
    """Wait until every rebuild logged after `offset` has finished and the log has gone quiet."""
    text, since = "", time.perf_counter()
    while time.perf_counter() - since < QUIET_SECONDS or text.count(_START) != text.count(_DONE):
        current = read_log(log_file, offset)
        if current != text:
            text, since = current, time.perf_counter()
        if time.perf_counter() - since > TIMEOUT_SECONDS:
            raise BuildFailed(f"mkdocs serve did not finish a rebuild within {TIMEOUT_SECONDS:.0f} s")
        time.sleep(0.1)


def prepare(src: Path, dest: Path) -> list[str]:
    """Copy the real project to dest and write its Markdown; return the exercise ids."""
    copy_skeleton(src, dest)
    shutil.copytree(src / "exercises", dest / "exercises", ignore=IGNORE)
    run_generator(dest)
    return sorted(p.stem for p in (dest / "exercises").glob("*.yaml"))


def touch_summary(path: Path, word: str) -> None:
    """Append a word to the exercise's one-line summary, as an author would."""
    text = path.read_text(encoding="utf-8")
    edited, count = _SUMMARY.subn(lambda m: f"{m.group(1)}{m.group(2)} {word}.", text, count=1)
    if count != 1:
        raise BuildFailed(f"{path}: no plain one-line summary to edit")
    path.write_text(edited, encoding="utf-8")


def start_server(project: Path, port: int, dirty: bool) -> subprocess.Popen[bytes]:
    """Start `mkdocs serve` in its own process group, logging to serve.log."""
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    if dirty:
        (project / DIRTY_CONFIG).write_text("INHERIT: mkdocs.yml\nstrict: false\n", encoding="utf-8")
        command += ["--dirty", "--config-file", DIRTY_CONFIG]
    with (project / "serve.log").open("wb") as out:
        return subprocess.Popen(
            command,
            cwd=project,
            env=child_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server's own process group: Ctrl-C first, then harder."""
    for sig, grace in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue


def measure_serve(src: Path, work: Path, trials: int, dirty: bool = False) -> ServeResult:
    """Run `mkdocs serve` on a copy of the real project and time `trials` saves."""
    mode = "serve --dirty" if dirty else "serve"
    project = work / ("serve-dirty" if dirty else "serve")
    ids = prepare(src, project)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log_file = project / "serve.log"
    started = time.perf_counter()
    proc = start_server(project, port, dirty)
    try:
        wait_for("</html>", f"{base}/", proc)
        result = ServeResult(mode, time.perf_counter() - started)
        # The first build is over once the server answers; it logs no "Reloading browsers".
        wait_quiet(log_file, len(read_log(log_file)))
        for trial in range(trials):
            exercise = ids[trial % len(ids)]
            word = f"Benchword{trial}{secrets.token_hex(4)}"
            offset = len(read_log(log_file))
            touch_summary(project / "exercises" / f"{exercise}.yaml", word)
            result.seconds.append(wait_for(word, f"{base}/exercises/{exercise}/", proc))
            wait_quiet(log_file, offset)
            after = read_log(log_file, offset)
            result.rebuilds.append(after.count(_START))
            result.build_seconds += [float(s) for s in _BUILT.findall(after)]
            log(f"{mode}: {exercise} {result.seconds[-1]:.2f} s, {result.rebuilds[-1]} rebuild(s)")
    finally:
        stop_server(proc)
    return result
