"""The arithmetic behind the figures: rates with their confidence interval,
and percentiles that are always one petition's own value."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z95 = 1.959964


@dataclass
class Percentiles:
    count: int
    median: int | None
    p90: int | None

    @classmethod
    def of(cls, values: list[int]) -> Percentiles:
        """The count, median and 90th percentile (nearest rank) of ``values``."""
        ordered = sorted(values)
        return cls(len(ordered), _ranked(ordered, 0.5), _ranked(ordered, 0.9))


@dataclass
class Rate:
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.hits, self.total)


def nearest_rank(values: list[int], share: float) -> int | None:
    """The value below which ``share`` of them lie, by the nearest-rank
    method: always one petition's own figure, so it can be shown."""
    return _ranked(sorted(values), share)


def _ranked(ordered: list[int], share: float) -> int | None:
    if not ordered:
        return None
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def wilson(hits: int, total: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of a proportion (95% by default)."""
    if total <= 0:
        return None
    p = hits / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)
