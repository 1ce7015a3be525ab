"""Shrinking the ICU data that PySide6's Linux wheels ship (`libicudata.so.NN`, 32 MB) to what Qt
can ask of it in this app.

Qt's core library links ICU, which keeps its data in one shared library holding a single symbol
(`icudtNN_dat`): an ICU *common data* package, a table of contents followed by the items it
names (`icudt73l/coll/de.res`, `icudt73l/ibm-943_P15A-2003.cnv`, …). Qt reaches into that data for
collation (`QCollator`, `QString::localeAwareCompare`), for locale-specific case mapping (whose
tables live in `libicuuc` itself), for the names of time zones and for encodings other than
UTF-8/16/32 and Latin-1 (`QStringConverter`). The app decodes files with Python, draws its own
text break positions through Qt's own Unicode tables, and shows no time-zone names, so the
items kept are everything but:

- the legacy-encoding converters (`*.cnv`, 5 MB; the alias table stays, so asking for an
  encoding by name still answers "not available" instead of failing),
- the break-iterator rules and dictionaries (`brkitr/`, 3.4 MB: Qt uses its own),
- the display names of units, time zones, currencies, languages and regions (`unit/`, `zone/`,
  `curr/`, `lang/`, `region/`), transliteration (`translit/`) and number spell-out (`rbnf/`).

Collation for every language and each locale's own data stay. `shrink` rebuilds the package
from the items kept; `build.py` links it into a new `libicudata.so.NN` exporting the same symbol,
checks Qt's collation and case mapping against it, and keeps the original when anything fails.
"""

from __future__ import annotations

import itertools
import struct
from collections.abc import Callable, Iterable

MAGIC = b"\xda\x27"
DROPPED_TREES = ("brkitr", "unit", "zone", "curr", "lang", "region", "translit", "rbnf")


def wanted(name: str) -> bool:
    """Whether the item `name` (`icudt73l/coll/de.res`) is kept."""
    parts = name.split("/")
    if len(parts) > 2 and parts[1] in DROPPED_TREES:
        return False
    return not name.endswith(".cnv")


def read_package(data: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The header and the (name, bytes) items of an ICU common data package, in the order of
    its table of contents (sorted by name, which ICU's lookup relies on)."""
    if len(data) < 32 or data[2:4] != MAGIC or data[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (header_size,) = struct.unpack_from("<H", data, 0)
    if data[4 + 4] != 0:  # UDataInfo.isBigEndian
        raise ValueError("a big-endian ICU data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    offsets = [toc + data_offset for _, data_offset in entries] + [len(data)]
    if any(b < a for a, b in itertools.pairwise(offsets)):
        raise ValueError("the items of the ICU data package are not in order")
    items = []
    for i, (name_offset, _) in enumerate(entries):
        start = toc + name_offset
        name = data[start:data.index(b"\0", start)].decode("ascii")
        items.append((name, data[offsets[i]:offsets[i + 1]]))
    return data[:header_size], items


def write_package(header: bytes, items: Iterable[tuple[str, bytes]]) -> bytes:
    """An ICU common data package holding `items` (each already padded to 16 bytes, as in the
    package they come from), the table of contents padded so that each item starts on a
    16-byte boundary."""
    items = list(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_size = 4 + 8 * len(items) + len(names)
    toc_size += -(len(header) + toc_size) % 16
    table = bytearray(struct.pack("<I", len(items)))
    name_at, data_at = 4 + 8 * len(items), toc_size
    for name, body in items:
        table += struct.pack("<II", name_at, data_at)
        name_at += len(name) + 1
        data_at += len(body)
    table += names
    table += b"\0" * (toc_size - len(table))
    return header + bytes(table) + b"".join(body for _, body in items)


def shrink(data: bytes, keep: Callable[[str], bool] = wanted) -> bytes:
    header, items = read_package(data)
    return write_package(header, [(name, body) for name, body in items if keep(name)])


def elf_section(image: bytes, wanted_name: str) -> tuple[int, int]:
    """(file offset, size) of the section named `wanted_name` of a 64-bit little-endian ELF file."""
    if image[:4] != b"\x7fELF" or image[4] != 2 or image[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", image, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", image, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", image, shoff + i * shentsize) for i in range(shnum)]
    strtab_offset = sections[shstrndx][4]
    for name, _type, _flags, _addr, offset, size, *_ in sections:
        start = strtab_offset + name
        if image[start:image.index(b"\0", start)].decode("ascii") == wanted_name:
            return offset, size
    raise ValueError(f"no {wanted_name} section")
