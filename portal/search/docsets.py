"""Sets of index document numbers as Python integers: bit n is document n.

Who may see what, the filters, facet values and the documents a query
matches are combined with ``&`` and counted with ``int.bit_count()``, which
run in C over 125 kB for a million documents, where Whoosh would walk
posting lists in Python for every query. The sets are built once per
index segment and kept while the segment exists (see ``workers.Worker``).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable


def from_ids(ids: Iterable[int], size: int) -> int:
    buffer = bytearray((size + 7) // 8)
    for n in ids:
        buffer[n >> 3] |= 1 << (n & 7)
    return int.from_bytes(buffer, "little")


def every(size: int) -> int:
    return (1 << size) - 1


class Cache:
    """Least recently used values within a budget: bytes for sets (the
    default weight), or any measure ``weigh`` gives."""

    def __init__(self, budget: int, weigh: Callable[[object], int] | None = None):
        self.budget = budget
        self.used = 0
        self._weigh = weigh or _bytes
        self._values: OrderedDict = OrderedDict()

    def get(self, key, compute: Callable[[], object]):
        if key in self._values:
            self._values.move_to_end(key)
            return self._values[key]
        value = self._values[key] = compute()
        self.used += self._weigh(value)
        while self.used > self.budget and len(self._values) > 1:
            _, dropped = self._values.popitem(last=False)
            self.used -= self._weigh(dropped)
        return value


def _bytes(mask: int) -> int:
    return mask.bit_length() // 8 + 32


_SET_BYTE = re.compile(rb"[^\x00]")


def highest(mask: int, count: int) -> list[int]:
    """Up to ``count`` of the highest document numbers in ``mask``, ascending."""
    data = mask.to_bytes((mask.bit_length() + 7) // 8 or 1, "little")[::-1]
    top = len(data) - 1
    found: list[int] = []
    for match in _SET_BYTE.finditer(data):
        index = top - match.start()
        byte = data[match.start()]
        for bit in range(7, -1, -1):
            if byte >> bit & 1:
                found.append(index * 8 + bit)
                if len(found) == count:
                    return found[::-1]
    return found[::-1]
