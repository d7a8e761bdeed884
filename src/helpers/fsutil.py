"""Output-folder safety: one writer per folder, stale temporaries removed, readable permissions.

* `OutputLock`: an exclusive, non-blocking ``flock`` on ``DIR/.lock`` held for a whole batch run.
  A second run into the same folder refuses at once (`InputError` naming the folder and the
  holder's pid). The kernel releases the lock when the holder exits, even after ``kill -9``, so
  a crashed run never blocks the next one.
* `remove_stale`: deletes what an interrupted run leaves in a folder it owned: hidden temporary
  folders made by ``tempfile.mkdtemp(prefix=".<slug>.")`` (`Analysis.save`, reports) and
  ``.<name>.csv.part`` files of the corpus tables. Call it only while holding the folder's lock,
  or (`remove_dead_temps`) for temporaries that record the pid of a process that is gone.
* `publish_dir`: gives a ``mkdtemp`` folder (mode 0700) the permissions a normal ``mkdir`` would
  (0777 minus the umask) before it is renamed into place, so colleagues and web servers can read
  the outputs.
* `atomic_dir`: fill a hidden temporary folder, then swap it in for ``DIR/<name>`` in one rename.
* `atomic_write_bytes`: write a file via a temporary sibling and ``os.replace``.
* `spreadsheet_safe`: the ``--safe-csv`` export rule against CSV (formula) injection.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

LOCK_NAME = ".lock"
#: ``mkdtemp`` names: ``.<prefix>.`` then 8 characters of [a-z0-9_].
_TEMP_DIR = re.compile(r"^\..+\.[a-z0-9_]{8}$")
_PART_FILE = re.compile(r"^\..+\.part$")
#: Temporaries that record their creator: ``.<slug>.<pid>.tmp-XXXXXXXX`` (reports, figures).
_PID_TEMP = re.compile(r"^\..*\.(?P<pid>\d+)\.tmp-[a-z0-9_]{8}$")
#: errno values that mean "the output cannot be written at all": stop the batch, report once.
FATAL_ERRNOS = frozenset(e for e in (getattr(errno, n, None) for n in ("ENOSPC", "EDQUOT", "EROFS")) if e)


class OutputLock:
    """Exclusive lock on ``folder/.lock`` (context manager); refuses at once when another run holds it."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.handle = None

    def acquire(self) -> "OutputLock":
        import fcntl

        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / LOCK_NAME
        while True:
            handle = open(path, "a+", encoding="utf-8")
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as err:
                handle.seek(0)
                holder = handle.read().strip()
                handle.close()
                if err.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    who = f" (pid {holder})" if holder.isdigit() else ""
                    raise InputError(self.folder, f"another run is writing to this folder{who}; "
                                                  "wait for it to finish or choose another --out") from None
                raise
            try:  # the holder before us may have removed the file between our open and our lock
                same = os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
            except FileNotFoundError:
                same = False
            if same:
                break
            handle.close()
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self.handle = handle
        self.path = path
        return self

    def release(self) -> None:
        """Remove ``.lock`` (while still holding it, so no one can lock a file about to vanish) and unlock."""
        if self.handle is not None:
            try:
                os.unlink(self.path)
            except OSError:
                pass
            self.handle.close()
            self.handle = None

    def __enter__(self) -> "OutputLock":
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def _entries(folder) -> list:
    """The entries at the top of ``folder`` (none when it cannot be read)."""
    try:
        return list(os.scandir(folder))
    except OSError:
        return []


def remove_stale(folder) -> int:
    """Delete hidden temp folders and ``.part`` files at the top of ``folder``; returns how many.

    Only for a folder whose `OutputLock` the caller holds: then nobody else is writing them.
    """
    folder = Path(folder)
    removed = 0
    for entry in _entries(folder):
        name = entry.name
        try:
            if entry.is_dir(follow_symlinks=False) and _TEMP_DIR.match(name):
                shutil.rmtree(entry.path, ignore_errors=True)
                removed += 1
            elif entry.is_file(follow_symlinks=False) and _PART_FILE.match(name):
                os.unlink(entry.path)
                removed += 1
        except OSError:
            continue
    return removed


def remove_temp_dirs(folder) -> int:
    """Delete only the hidden ``mkdtemp`` folders at the top of ``folder`` (under its lock)."""
    removed = 0
    for entry in _entries(folder):
        if entry.is_dir(follow_symlinks=False) and _TEMP_DIR.match(entry.name):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def pid_temp_dir(parent, prefix: str) -> Path:
    """A hidden temporary folder in ``parent`` that records this process (see `remove_dead_temps`)."""
    return Path(tempfile.mkdtemp(prefix=f".{prefix}.{os.getpid()}.tmp-", dir=parent))


def remove_dead_temps(folder) -> int:
    """Delete `pid_temp_dir` folders (and files) in ``folder`` whose creating process has exited."""
    removed = 0
    for entry in _entries(folder):
        m = _PID_TEMP.match(entry.name)
        if not m or _alive(int(m.group("pid"))):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
            removed += 1
        except OSError:
            continue
    return removed


def dir_mode() -> int:
    """The mode ``mkdir`` gives a new folder here: 0777 minus the process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


def publish_dir(path) -> Path:
    """Give a ``mkdtemp`` folder (0700) the usual folder permissions before it is renamed into place."""
    os.chmod(path, dir_mode())
    return Path(path)


@contextmanager
def atomic_dir(parent, name: str, record_pid: bool = False):
    """Yield a hidden temporary folder in ``parent``; on success it replaces ``parent/name`` whole.

    The folder gets the usual permissions (`publish_dir`) before the swap; a previous ``name``
    is moved aside and deleted only after the new one is in place (moved back if the new one
    cannot be). On any exception the temporary folder is removed and ``parent/name`` is left as
    it was. ``record_pid``: name the temporaries with this process id (`pid_temp_dir`), so that
    `remove_dead_temps` can clean up after a killed writer that held no `OutputLock`.
    """
    parent = Path(parent)
    final = parent / name

    def temp(label):
        if record_pid:
            return pid_temp_dir(parent, label)
        return Path(tempfile.mkdtemp(prefix=f".{label}.", dir=parent))

    tmp = temp(name)
    try:
        yield tmp
        publish_dir(tmp)
        if final.exists():
            trash = temp(f"{name}.old")
            os.replace(final, trash / "old")
            try:
                os.replace(tmp, final)
            except BaseException:
                os.replace(trash / "old", final)
                shutil.rmtree(trash, ignore_errors=True)
                raise
            shutil.rmtree(trash, ignore_errors=True)
        else:
            os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def atomic_write_bytes(path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary sibling and ``os.replace`` (no half-written file)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & dir_mode())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return path


#: First characters that make a spreadsheet evaluate a cell (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe_value(value):
    """``value`` with a leading apostrophe when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe(frame):
    """A copy of a DataFrame with `spreadsheet_safe_value` applied to every text cell (numbers unchanged)."""
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(spreadsheet_safe_value)
    return out
