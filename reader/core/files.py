"""Writing files other than the database: always atomically (temp file, fsync, rename), so a
crash or a full disk never leaves a half-written export in place of a good one."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from reader.core.errors import HamishError


def write_text_atomically(path: str | os.PathLike[str], text: str) -> Path:
    target = Path(path).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise HamishError(f"cannot write {target}: {err.strerror or err}") from err
    try:
        # mkstemp makes the file private (0600); an export is an ordinary file of the user's.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise HamishError(f"cannot write {target}: {err.strerror or err}") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
