"""The one Whoosh schema.

Stored fields are kept to the document key: titles and snippets come from the
database, where each hit is re-checked against permissions anyway, so the
index holds no text that could outlive a change of visibility.
"""

from __future__ import annotations

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, NUMERIC, TEXT, Schema

# Bump when fields or analysis change: an index of another version is
# rebuilt from the database by the next sync (see indexer.py).
VERSION = 2

# Text is analysed in portal.search.analysis; Whoosh only splits on spaces.
_SPACES = SpaceSeparatedTokenizer()


def build_schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),  # "petition:12", "session:3", "minutes:3"
        type=ID,  # petition | session
        # No positions anywhere: a quoted phrase is matched by its adjacent
        # pairs, which is exact for two syllables and near enough beyond.
        folded=TEXT(analyzer=_SPACES, phrase=False),
        pairs=TEXT(analyzer=_SPACES, phrase=False),
        title=TEXT(analyzer=_SPACES, phrase=False),  # folded title syllables and pairs
        # Title syllables as written: ranks exact diacritics first and tells
        # "did you mean" how a word is usually written. Titles only: the same
        # for every body word would double the postings and the build time.
        written=TEXT(analyzer=_SPACES, phrase=False),
        # Who may find it: anyone (public), staff of the unit or its province,
        # the official holding it, the account that sent it.
        public=ID,
        unit=ID,
        province=ID,
        holder=ID,
        submitter=ID,
        # Filters and facets.
        category=ID,
        kind=ID,
        status=ID,
        year=ID,
        is_open=ID,
        # Days since 2000-01-01 (0: none). Signed on purpose: with
        # signed=False, Whoosh 2.7's NumericRange matches every document.
        # One term per value (shift_step=bits): a range spans a few hundred
        # days at most, and the engine caches its documents once per searcher.
        deadline=NUMERIC(bits=32, shift_step=32),
        date=NUMERIC(bits=32, shift_step=32, sortable=True),
    )
