"""Pack a built site into a reproducible zip: sorted entries, fixed times, one top folder."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

#: Zip stores local times from 1980 on; this is also the time used without SOURCE_DATE_EPOCH.
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def zip_time(environ: dict[str, str] | None = None) -> tuple[int, int, int, int, int, int]:
    """The timestamp of every entry: SOURCE_DATE_EPOCH if set, else 1980-01-01, in UTC."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "")
    epoch = max(int(value), ZIP_EPOCH) if value.strip() else ZIP_EPOCH
    t = time.gmtime(epoch)
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_zip(folder: Path, target: Path, top: str) -> Path:
    """Zip every file under `folder` as `top/...`; the same files give the same bytes."""
    stamp = zip_time()
    names = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.partial")
    with zipfile.ZipFile(partial, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(f"{top}/{name}", date_time=stamp)
            info.create_system = 3  # Unix, so the modes below mean the same everywhere
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (folder / name).read_bytes(), compresslevel=9)
    partial.replace(target)
    return target
