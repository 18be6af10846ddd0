"""Pack a built site into a reproducible zip: sorted entries, fixed times, one top folder."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

#: Zip stores local times from 1980 on; earlier build times are raised to this.
ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """The timestamp of every entry: the build's epoch (at least 1980-01-01), in UTC."""
    t = time.gmtime(max(epoch, ZIP_EPOCH))
    return (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec)


def write_zip(folder: Path, target: Path, top: str, epoch: int) -> Path:
    """Zip every file under `folder` as `top/...`; the same files give the same bytes."""
    stamp = zip_time(epoch)
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
