"""Minutes are typed as Markdown (headings, bold, lists, links) and shown as
HTML that can carry nothing but formatting.

markdown-it escapes raw HTML and refuses javascript:/data: links itself; nh3
(the ammonia sanitiser) then keeps only the tags below, as a second fence that
does not depend on the parser's settings.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_PARSER.enable("table")

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "h2", "h3", "h4", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "a", "code", "hr",
}
# Headings typed as "#" would compete with the page's own h1.
_HEADING_SHIFT = {"<h1>": "<h2>", "</h1>": "</h2>"}


def render(source: str) -> str:
    html = _PARSER.render(source or "")
    for old, new in _HEADING_SHIFT.items():
        html = html.replace(old, new)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
