"""A deterministic synthetic corpus of Vietnamese petitions for search benchmarks.

    from bench import corpus
    for p in corpus.generate(100_000, seed=2026, province_code="01", with_needles=True):
        ...

Petition ``key`` runs 0..n-1 and dates rise with it, as ids do in the portal.
The text of a key depends only on (seed, key, province_code), so a larger
corpus extends a smaller one; dates and statuses follow the key's place in
the whole range. With ``with_needles`` the hand-written petitions of
``bench.quality`` replace the background petitions at the keys
``quality.needle_keys(n)`` gives; every other key is unchanged.

About 5% of petitions are typed without diacritics and 2% with the tone on
the second vowel ("hoà", "thuỷ") where most people type "hòa", "thủy".
"""

from __future__ import annotations

import bisect
import random
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus_topics_a, corpus_topics_b  # noqa: E402
from bench.corpus_slots import SLOTS, UNITS, Unit  # noqa: E402
from portal.petitions.defaults import DEFAULT_CATEGORIES  # noqa: E402
from portal.petitions.states import PetitionKind, PetitionStatus  # noqa: E402
from portal.vietnamese import canonical_tones, nfc  # noqa: E402

FIRST_DAY = date(2025, 7, 1)
LAST_DAY = date(2026, 11, 20)
CATEGORY_CODES = frozenset(code for code, _, _ in DEFAULT_CATEGORIES)
PLAIN_SHARE = 0.05
NEW_TONES_SHARE = 0.02
PUBLIC_SHARE = 0.6
KIND_LETTERS = {
    "F": PetitionKind.FEEDBACK.value,
    "R": PetitionKind.RECOMMENDATION.value,
    "C": PetitionKind.COMPLAINT.value,
    "D": PetitionKind.DENUNCIATION.value,
}


@dataclass(frozen=True, slots=True)
class SyntheticPetition:
    key: int
    title: str
    body: str
    category_code: str
    commune_code: str
    province_code: str
    kind: str  # a PetitionKind value
    status: str  # a PetitionStatus value
    submitted_on: date
    is_public: bool
    topic: str


@dataclass(frozen=True, slots=True)
class Template:
    text: str
    slots: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    code: str
    category_code: str
    kinds: str
    weight: int
    titles: tuple[Template, ...]
    sentences: tuple[Template, ...]
    requests: tuple[Template, ...]


_SLOT = re.compile(r"\{(\w+)\}")


def _template(text: str) -> Template:
    text = nfc(text)
    names = tuple(dict.fromkeys(_SLOT.findall(text)))
    unknown = set(names) - SLOTS.keys()
    if unknown:
        raise ValueError(f"unknown slot {sorted(unknown)} in {text!r}")
    return Template(text, names)


def parse_topics(text: str) -> list[Topic]:
    """Read the template format described in ``corpus_topics_a``."""
    topics: list[Topic] = []
    lines: dict[str, list[str]] = {}
    header: list[str] = []

    def flush() -> None:
        if header:
            code, category, kinds, weight = header
            if not code.startswith("_") and category not in CATEGORY_CODES:
                raise ValueError(f"topic {code}: unknown category {category}")
            topics.append(Topic(
                code, category, kinds, int(weight),
                *(tuple(_template(t) for t in lines.get(mark, ())) for mark in "TBR"),
            ))

    for raw in text.splitlines():
        if not raw.strip():
            continue
        if raw.startswith("@ "):
            flush()
            header[:] = raw[2:].split()
            lines = {}
            last = None
        elif raw.startswith("  "):
            lines[last][-1] += " " + raw.strip()
        else:
            last, _, rest = raw.partition(" ")
            lines.setdefault(last, []).append(rest.strip())
    flush()
    return topics


_ALL = parse_topics(corpus_topics_a.TEXT) + parse_topics(corpus_topics_b.TEXT)
GENERIC = {t.code: t.sentences for t in _ALL if t.code.startswith("_")}
TOPICS = tuple(t for t in _ALL if not t.code.startswith("_"))
# One entry per unit of weight so a topic is one random index away.
_TOPIC_BAG = tuple(t for t in TOPICS for _ in range(t.weight))
_TITLE_PREFIXES = {
    PetitionKind.FEEDBACK.value: "Phản ánh: ",
    PetitionKind.RECOMMENDATION.value: "Kiến nghị: ",
    PetitionKind.COMPLAINT.value: "Khiếu nại: ",
    PetitionKind.DENUNCIATION.value: "Tố cáo: ",
}

# Titles that already say what they are do not get a "Kiến nghị: " prefix.
_ALREADY_PREFIXED = ("Đề nghị", "Kiến nghị", "Phản ánh", "Khiếu nại")


def _strip_table() -> dict[int, str]:
    table = {ord("đ"): "d", ord("Đ"): "D"}
    for code in range(0xC0, 0x1EFA):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii():
            table[code] = base
    return table


_STRIP = _strip_table()


def strip_diacritics(text: str) -> str:
    """How people type without a Vietnamese keyboard: case kept, đ as d."""
    return text.translate(_STRIP)


def new_tones(text: str) -> str:
    """The tone of open oa/oe/uy on the second vowel: "hòa" -> "hoà"."""
    return canonical_tones(text)


# Status by age: petitions older than three months are mostly closed;
# recent ones are mostly still being handled. Thresholds are cumulative.
_S = PetitionStatus
_STATUS_BY_AGE = (
    (90, ((0.70, _S.CLOSED), (0.88, _S.ANSWERED), (0.93, _S.REJECTED), (1.0, _S.IN_PROGRESS))),
    (30, ((0.25, _S.CLOSED), (0.60, _S.ANSWERED), (0.85, _S.IN_PROGRESS), (0.90, _S.PAUSED),
          (0.95, _S.ACCEPTED), (1.0, _S.REJECTED))),
    (-1, ((0.30, _S.RECEIVED), (0.55, _S.ACCEPTED), (0.90, _S.IN_PROGRESS), (0.95, _S.PAUSED),
          (1.0, _S.REJECTED))),
)


def status_for(age_days: int, roll: float) -> str:
    for min_age, table in _STATUS_BY_AGE:
        if age_days > min_age:
            for threshold, status in table:
                if roll < threshold:
                    return status.value
    return _S.CLOSED.value


def units_for(province_code: str | None) -> tuple[Unit, ...]:
    if province_code is None:
        return UNITS
    units = tuple(u for u in UNITS if u.province_code == province_code)
    if not units:
        raise ValueError(f"no communes for province code {province_code!r}")
    return units


def fill(templates: list[Template], rng: random.Random, unit: Unit) -> list[str]:
    """Fill templates with one value per slot, so a street named twice in a
    petition is the same street."""
    values: dict[str, str] = {}
    for template in templates:
        for name in template.slots:
            if name not in values:
                values[name] = SLOTS[name](rng, unit)
    return [t.text.format_map(values) if t.slots else t.text for t in templates]


def _background(rng: random.Random, units: tuple[Unit, ...],
                pick: Callable[[float], Unit] | None) -> tuple[Topic, Unit, str, str, str]:
    random_ = rng.random
    topic = _TOPIC_BAG[int(random_() * len(_TOPIC_BAG))]
    unit = pick(random_()) if pick else units[int(random_() * len(units))]
    kind = KIND_LETTERS[topic.kinds[int(random_() * len(topic.kinds))]]
    templates = [topic.titles[int(random_() * len(topic.titles))]]
    if random_() < 0.8:
        openings = GENERIC["_opening"]
        templates.append(openings[int(random_() * len(openings))])
    sentences = topic.sentences
    # Each sentence kept, in order, with a chance that gives about three;
    # a petition says at least two things about its topic.
    share = 2.9 / len(sentences)
    chosen = [s for s in sentences if random_() < share]
    if len(chosen) < 2:
        chosen = [sentences[0], sentences[-1]]
    templates += chosen[:4]
    if random_() < 0.35:
        effects = GENERIC["_effect"]
        templates.append(effects[int(random_() * len(effects))])
    if random_() < 0.85:
        templates.append(topic.requests[int(random_() * len(topic.requests))])
    if random_() < 0.7:
        closings = GENERIC["_closing"]
        templates.append(closings[int(random_() * len(closings))])
    title, *body = fill(templates, rng, unit)
    if random_() < 0.2 and not title.startswith(_ALREADY_PREFIXED):
        title = _TITLE_PREFIXES[kind] + title
    return topic, unit, kind, title, " ".join(body)


def typing_style(roll: float) -> str:
    if roll < PLAIN_SHARE:
        return "plain"
    if roll < PLAIN_SHARE + NEW_TONES_SHARE:
        return "new_tones"
    return ""


def retype(text: str, style: str) -> str:
    if style == "plain":
        return strip_diacritics(text)
    if style == "new_tones":
        return new_tones(text)
    return text


def skewed_picker(seed: int) -> Callable[[float], Unit]:
    """Communes drawn as people use the portal (``histories.commune_weights``:
    a few busy wards, many quiet communes; the biggest province about 13%)."""
    from bench.histories import commune_weights

    codes, cumulative = commune_weights(seed)
    by_code = {unit.code: unit for unit in UNITS}
    units = [by_code[code] for code in codes]
    top = cumulative[-1]
    return lambda roll: units[bisect.bisect_right(cumulative, roll * top)]


def generate(
    n: int, *, seed: int = 2026, province_code: str | None = None, with_needles: bool = False,
    as_written: bool = False, skewed: bool = False,
) -> Iterator[SyntheticPetition]:
    """Yield n petitions with keys 0..n-1 (see the module docstring).

    ``as_written`` skips the retyping without diacritics or with moved tones,
    giving the text the resident meant: relevance audits judge that.
    ``skewed`` draws communes with ``skewed_picker`` instead of uniformly
    (all of Vietnam only); the text names the commune drawn."""
    units = units_for(province_code)
    if skewed and province_code:
        raise ValueError("skewed draws over all communes: no province_code")
    pick = skewed_picker(seed) if skewed else None
    planted = {}
    if with_needles:
        from bench import quality  # here, not at the top: quality imports this module

        planted = {key: needle for needle, key in quality.placements(n)}
    rng = random.Random(f"{seed}/{province_code or 'VN'}")
    random_ = rng.random
    span = (LAST_DAY - FIRST_DAY).days + 1
    for key in range(n):
        # Drawn even where a needle replaces it, so other keys do not shift.
        topic, unit, kind, title, body = _background(rng, units, pick)
        style = typing_style(random_())
        status_roll, public_roll = random_(), random_()
        submitted_on = FIRST_DAY + timedelta(days=key * span // n)
        needle = planted.get(key)
        if needle is not None:
            yield needle.plant(key, submitted_on, seed=seed, units=units, as_written=as_written)
            continue
        if style and not as_written:
            title, body = retype(title, style), retype(body, style)
        yield SyntheticPetition(
            key=key, title=title, body=body, category_code=topic.category_code,
            commune_code=unit.code, province_code=unit.province_code, kind=kind,
            status=status_for((LAST_DAY - submitted_on).days, status_roll),
            submitted_on=submitted_on, is_public=public_roll < PUBLIC_SHARE, topic=topic.code,
        )
