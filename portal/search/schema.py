"""The one Whoosh schema.

Stored fields are kept to the document key: titles and snippets come from the
database, where each hit is re-checked against permissions anyway, so the
index holds no text that could outlive a change of visibility.
"""

from __future__ import annotations

from whoosh.analysis import SpaceSeparatedTokenizer
from whoosh.fields import ID, NUMERIC, TEXT, Schema

# Text is analysed in portal.search.analysis; Whoosh only splits on spaces.
_SPACES = SpaceSeparatedTokenizer()


def build_schema() -> Schema:
    return Schema(
        key=ID(stored=True, unique=True),  # "petition:12", "session:3", "minutes:3"
        type=ID,  # petition | session
        exact=TEXT(analyzer=_SPACES, phrase=False),
        folded=TEXT(analyzer=_SPACES, phrase=True),
        pairs=TEXT(analyzer=_SPACES, phrase=False),
        title=TEXT(analyzer=_SPACES, phrase=False),  # folded title syllables and pairs
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
        deadline=NUMERIC(bits=32),
        date=NUMERIC(bits=32, sortable=True),
    )
