"""Uploaded files, kept in `<instance>/uploads/<sha256><ext>` so that any dataset version
can be re-imported from exactly the bytes it came from (the dataset row keeps the checksum
and the name the user gave the file).

The size limit is enforced while the bytes are read (a chunked body has no Content-Length
to check beforehand), and nothing partial stays behind.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from dashboard.i18n.numbers import format_number

BLOCK = 1 << 16
SAFE_SUFFIX = re.compile(r"^\.[a-z0-9]{1,8}$")


@dataclass(frozen=True)
class StoredUpload:
    """A file kept in <instance>/uploads/<sha256><ext>; `file_name` is the user's name."""

    path: Path
    file_name: str
    sha256: str
    size: int


class UploadTooLarge(Exception):
    """The body went past MAX_UPLOAD_MB; nothing was kept."""

    def __init__(self, limit_mb: float) -> None:
        self.limit_mb = limit_mb
        super().__init__(f"fichier de plus de {format_number(limit_mb, 3, trim=True)} Mo")


def display_name(file_name: str) -> str:
    """The user's file name without any folder part (a browser may send a path), kept as
    text only — it is escaped wherever it is shown."""
    base = re.split(r"[\\/]", file_name or "")[-1].strip()
    return (base or "fichier")[:255]


def uploads_folder(instance_path: Path) -> Path:
    return Path(instance_path) / "uploads"


def store_upload(instance_path: Path, file_name: str, stream: IO[bytes],
                 max_bytes: int) -> StoredUpload:
    """Copy the stream into the uploads folder under its checksum; raise UploadTooLarge
    (keeping nothing) past `max_bytes`."""
    folder = uploads_folder(instance_path)
    folder.mkdir(parents=True, exist_ok=True)
    name = display_name(file_name)
    suffix = Path(name).suffix.lower()
    suffix = suffix if SAFE_SUFFIX.match(suffix) else ""
    digest, size = hashlib.sha256(), 0
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".partial-")
    try:
        with os.fdopen(handle, "wb") as out:
            for block in iter(lambda: stream.read(BLOCK), b""):
                size += len(block)
                if size > max_bytes:
                    raise UploadTooLarge(max_bytes / (1 << 20))
                digest.update(block)
                out.write(block)
        target = folder / f"{digest.hexdigest()}{suffix}"
        os.replace(temporary, target)  # same bytes, same name: replacing is harmless
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return StoredUpload(target, name, digest.hexdigest(), size)
