"""Writing files whole and fingerprinting them: the two file operations every layer shares.

A reader (a browser, nbval, a notebook kernel) must never see half a file, and every cache in
the project (the clean data stamp, chart exports, executed pages, rerun manifests) compares
SHA-256 digests, so both live here once.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path


def atomic_write(path: Path | str, content: bytes | str) -> Path:
    """Write ``content`` to ``path`` through a temporary file in the same folder, then rename it into place."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    os.replace(tmp, path)
    return path


def sha256_bytes(*chunks: bytes | str) -> str:
    """Digest of the given chunks, each length-prefixed so ("ab", "c") and ("a", "bc") differ."""
    digest = hashlib.sha256()
    for chunk in chunks:
        data = chunk.encode("utf-8") if isinstance(chunk, str) else chunk
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def sha256_file(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sha256_folder(folder: Path | str) -> str:
    """One digest over every file directly in ``folder`` (names and contents, in name order)."""
    digest = hashlib.sha256()
    for path in sorted(Path(folder).glob("*")):
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
