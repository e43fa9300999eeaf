"""GeoReport v2 bodies in JSON or XML, chosen by the path's suffix.

XML is built with ElementTree, which escapes text; characters XML 1.0 cannot
carry at all (most control characters) are dropped rather than sent broken.
Booleans are written true/false and an absent value is an empty element.
"""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree

from flask import Response

JSON = "json"
XML = "xml"
FORMATS = (JSON, XML)
CONTENT_TYPES = {JSON: "application/json; charset=utf-8", XML: "text/xml; charset=utf-8"}
XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n'

# A list element's children are named after what the list holds.
ITEM_NAMES = {
    "service_requests": "request",
    "services": "service",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _fill(element: ElementTree.Element, value) -> None:
    if isinstance(value, dict):
        for name, item in value.items():
            _fill(ElementTree.SubElement(element, name), item)
    elif isinstance(value, list):
        child = ITEM_NAMES[element.tag]
        for item in value:
            _fill(ElementTree.SubElement(element, child), item)
    elif value is not None:
        element.text = _text(value)


def to_xml(root: str, payload) -> str:
    element = ElementTree.Element(root)
    _fill(element, payload)
    return XML_DECLARATION + ElementTree.tostring(element, encoding="unicode")


def render(payload, fmt: str, *, root: str, status: int = 200) -> Response:
    """``payload`` (a list or a dict) as ``fmt``; ``root`` names the XML root."""
    if fmt == XML:
        body = to_xml(root, payload)
    else:
        body = json.dumps(payload, ensure_ascii=False)
    return Response(body, status=status, content_type=CONTENT_TYPES[fmt])


def errors(status: int, description: str, fmt: str) -> Response:
    return render([{"code": status, "description": description}], fmt, root="errors",
                  status=status)
