"""A cached page, gzipped once, with this request's own values put in uncompressed.

A page from screening/web/rendered.py is the same for everyone but for a few values (tokens, the
page's address). Compressing the whole page on every request cost more than everything else
the request did. Here the page is split at its placeholders; each run of text between them is
compressed once, on its own, when the page is cached. Each request then writes a gzip stream
of those compressed runs with its own values between them as *stored* deflate blocks, which
are not compressed at all.

Against BREACH this is stronger than compressing the whole page with random padding: a token
and the address it is reflected beside are never compressed, with each other or with anything
else, so the length of the response says nothing about a secret. A random-length name in the
gzip header (as Django's GZipMiddleware writes) is kept as well.

Each compressed run ends with a sync flush, so it ends on a byte boundary and refers to nothing
before it; the stream ends with an empty final stored block. The gzip trailer's CRC-32 and
length are those of the whole page as sent.
"""

import re
import secrets
import struct
import zlib
from dataclasses import dataclass

GZIP_HEADER = bytes([0x1F, 0x8B, 8])  # magic, deflate
FNAME = 0x08
MAX_RANDOM_NAME = 100  # as django.middleware.gzip.GZipMiddleware.max_random_bytes
FINAL_EMPTY_BLOCK = b"\x01\x00\x00\xff\xff"  # BFINAL=1, stored, length 0
STORED_MAX = 0xFFFF


def _compressed(data: bytes) -> bytes:
    # Level 6, as GZipMiddleware: level 9 took twice as long here for 1 % less.
    deflater = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return deflater.compress(data) + deflater.flush(zlib.Z_SYNC_FLUSH)


def _stored(data: bytes) -> bytes:
    """data as non-final stored deflate blocks (the stream is on a byte boundary here)."""
    blocks = []
    for start in range(0, len(data), STORED_MAX):
        chunk = data[start : start + STORED_MAX]
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)


@dataclass(frozen=True)
class SplitPage:
    """A page's text runs (encoded, and compressed) and the names of the values between them."""

    runs: tuple[bytes, ...]
    deflated: tuple[bytes, ...]
    names: tuple[str, ...]

    @classmethod
    def split(cls, html: str, marks: dict[str, str]) -> "SplitPage":
        """Split html at every placeholder in marks (name -> placeholder)."""
        by_mark = {mark: name for name, mark in marks.items()}
        pieces = re.split("(" + "|".join(map(re.escape, by_mark)) + ")", html)
        runs = tuple(piece.encode() for piece in pieces[0::2])
        names = tuple(by_mark[piece] for piece in pieces[1::2])
        return cls(runs=runs, deflated=tuple(_compressed(run) for run in runs), names=names)

    def _values(self, values: dict[str, str]) -> list[bytes]:
        encoded = {name: value.encode() for name, value in values.items()}
        return [encoded[name] for name in self.names]

    def body(self, values: dict[str, str]) -> bytes:
        """The page as text, each placeholder replaced by its value."""
        parts = [self.runs[0]]
        for run, value in zip(self.runs[1:], self._values(values), strict=True):
            parts += [value, run]
        return b"".join(parts)

    def gzipped(self, values: dict[str, str]) -> bytes:
        """The page as a gzip stream: runs compressed once, values stored as they are."""
        filled = self._values(values)
        crc = zlib.crc32(self.runs[0])
        size = len(self.runs[0])
        stream = [self.deflated[0]]
        for run, deflated, value in zip(self.runs[1:], self.deflated[1:], filled, strict=True):
            crc = zlib.crc32(run, zlib.crc32(value, crc))
            size += len(value) + len(run)
            stream += [_stored(value), deflated]
        name = b"a" * secrets.randbelow(MAX_RANDOM_NAME) + b"\x00"
        # flags, mtime 0 (as Django writes it), extra flags 0, OS unknown
        header = GZIP_HEADER + bytes([FNAME]) + b"\x00\x00\x00\x00" + b"\x00\xff" + name
        trailer = struct.pack("<II", crc, size & 0xFFFFFFFF)
        return b"".join([header, *stream, FINAL_EMPTY_BLOCK, trailer])
