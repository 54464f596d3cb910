"""Write screening/static/screening/favicon.ico: a 32×32 brand-blue disc with a white ring.

Run once by hand (python bench/make_favicon.py); the icon is committed. A PNG inside an ICO
container, both written with the standard library only.
"""

import struct
import zlib
from pathlib import Path

SIZE = 32
BRAND = (0x0B, 0x4F, 0x6C, 0xFF)
WHITE = (0xFF, 0xFF, 0xFF, 0xFF)
CLEAR = (0, 0, 0, 0)
OUT = Path(__file__).resolve().parent.parent / "screening/static/screening/favicon.ico"


def pixel(x: int, y: int) -> tuple[int, int, int, int]:
    distance = ((x - 15.5) ** 2 + (y - 15.5) ** 2) ** 0.5
    if distance > 15.5:
        return CLEAR
    if 7 <= distance <= 10:
        return WHITE
    return BRAND


def chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png() -> bytes:
    rows = b"".join(
        b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE)
    )
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(image: bytes) -> bytes:
    directory = struct.pack("<HHH", 0, 1, 1)
    entry = struct.pack("<BBBBHHII", SIZE, SIZE, 0, 0, 1, 32, len(image), 6 + 16)
    return directory + entry + image


if __name__ == "__main__":
    OUT.write_bytes(ico(png()))
    print(f"{OUT}: {OUT.stat().st_size} bytes")
