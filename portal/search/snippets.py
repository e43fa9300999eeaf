"""Highlighted snippets, cut from the text the reader may see.

Words are compared folded, so "giai phong" marks "giải phóng" in the text;
the text itself is shown as written, escaped, with <mark> around matches.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from portal.search.analysis import ParsedQuery, word_forms
from portal.vietnamese import nfc

_WORD = re.compile(r"\w+")


def _matcher(parsed: ParsedQuery):
    wanted = {w.folded for w in parsed.all_words}
    prefix = parsed.words[-1].folded if parsed.open_ended and parsed.words else None

    def matches(word: str) -> bool:
        folded = word_forms(word)[1]
        return folded in wanted or (prefix is not None and folded.startswith(prefix))

    return matches


def _marked(text: str, spans: list[tuple[int, int]]) -> Markup:
    out, position = [], 0
    for start, end in spans:
        out.append(escape(text[position:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        position = end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def highlight(text: str, parsed: ParsedQuery) -> Markup:
    """The whole (short) text with its matching words marked: titles."""
    text = nfc(text or "")
    matches = _matcher(parsed)
    return _marked(text, [m.span() for m in _WORD.finditer(text) if matches(m.group())])


def best_passage(texts: list[str], parsed: ParsedQuery, *, size: int = 220) -> Markup:
    """The window of about ``size`` characters with the most matching words,
    from whichever text has it; the start of the first text if none match."""
    matches = _matcher(parsed)
    best: tuple[int, str, int] | None = None  # (matches, text, start)
    for raw in texts:
        text = " ".join(nfc(raw or "").split())
        found = [m for m in _WORD.finditer(text) if matches(m.group())]
        for index, first in enumerate(found):
            count = sum(1 for m in found[index:] if m.end() - first.start() <= size)
            if best is None or count > best[0]:
                best = (count, text, max(first.start() - size // 5, 0))
    if best is None:
        text = " ".join(nfc(texts[0] if texts else "").split())
        best = (0, text, 0)
    _, text, start = best
    # Start and end on word boundaries.
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(start + size, len(text))
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    spans = [m.span() for m in _WORD.finditer(window) if matches(m.group())]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return escape(prefix) + _marked(window, spans) + escape(suffix)
