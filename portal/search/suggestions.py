"""Did you mean: misspelt syllables corrected, diacritics restored."""

from __future__ import annotations

from portal.search import workers
from portal.search.analysis import ParsedQuery, word_forms
from portal.search.workers import Worker

_SOUND_SPELLINGS = (("f", "ph"), ("j", "gi"), ("z", "d"), ("w", "qu"))


def fold_word(term: str) -> str:
    return word_forms(term)[1]


def _spellings(worker: Worker) -> dict[str, str]:
    """Folded syllable -> its most frequent written form in titles."""
    def compute():
        best: dict[str, tuple[int, str]] = {}
        reader = worker.searcher.reader()
        for raw, info in reader.iter_field("written"):
            term = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            folded = fold_word(term)
            frequency = info.doc_frequency()
            if folded not in best or frequency > best[folded][0]:
                best[folded] = (frequency, term)
        return {folded: term for folded, (_, term) in best.items()}
    return worker.cached(("spellings",), compute)


def suggestion(parsed: ParsedQuery) -> str | None:
    """The query with misspelt syllables corrected and diacritics restored
    where it was typed without them, or None when that changes nothing."""
    worker = workers.current()
    if worker is None or not parsed.words or parsed.phrases:
        return None
    spellings = _spellings(worker)
    searcher = worker.searcher
    corrector = searcher.corrector("folded")

    def known(folded: str) -> bool:
        return searcher.doc_frequency("folded", folded) > 0

    out = []
    for word in parsed.words:
        folded = word.folded
        if not known(folded):
            # Letters Vietnamese spelling lacks, typed for their sounds.
            for typed, meant in _SOUND_SPELLINGS:
                if typed in folded and known(folded.replace(typed, meant)):
                    folded = folded.replace(typed, meant)
        if not known(folded):
            # Of the nearest spellings, the most common one.
            candidates = corrector.suggest(folded, limit=8, maxdist=1)
            if candidates:
                folded = max(candidates, key=lambda c: searcher.doc_frequency("folded", c))
        out.append(word.exact if word.has_diacritics and folded == word.folded
                   else spellings.get(folded, word.exact))
    text = " ".join(out)
    return None if text == " ".join(w.exact for w in parsed.words) else text
