"""Vietnamese by default, English when chosen, and nothing left untranslated."""

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from tests.conftest import post_form
from tests.test_petitions_views import form_data

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def source_messages() -> set[str]:
    with open(ROOT / "babel.cfg") as config:
        method_map, options_map = parse_mapping_cfg(config)
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def english_catalogue():
    with open(ROOT / "portal/translations/en/LC_MESSAGES/messages.po", "rb") as po:
        return read_po(po, locale="en")


def test_every_message_has_an_english_translation():
    catalogue = english_catalogue()
    missing = []
    for message in sorted(source_messages()):
        entry = catalogue.get(message)
        if entry is None or not entry.string or entry.fuzzy:
            missing.append(message)
    assert not missing, "run `make translations-update` and translate: " + "; ".join(missing)


def test_translations_keep_their_placeholders():
    for entry in english_catalogue():
        if entry.id and entry.string:
            expected = sorted(PLACEHOLDER.findall(entry.id))
            assert sorted(PLACEHOLDER.findall(entry.string)) == expected, entry.id


def test_vietnamese_is_the_default_even_for_english_browsers(client, db):
    response = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    page = response.get_data(as_text=True)
    assert '<html lang="vi">' in page
    assert "Gửi phản ánh, kiến nghị" in page


def test_switching_to_english_and_back(client, world):
    response = post_form(client, "/language/en", {"next": "/petitions/new"})
    assert response.headers["Location"] == "/petitions/new"
    page = client.get("/petitions/new").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Send feedback or a petition" in page
    assert "Street lighting and public facilities" in page, "category names follow the language"
    errors = post_form(client, "/petitions/new", form_data(world, title="")).get_data(as_text=True)
    assert "Please enter a title." in errors
    post_form(client, "/language/vi")
    assert "Gửi phản ánh, kiến nghị" in client.get("/").get_data(as_text=True)


def test_unknown_language_is_ignored(client, db):
    post_form(client, "/language/fr")
    with client.session_transaction() as session:
        assert "lang" not in session
    assert '<html lang="vi">' in client.get("/").get_data(as_text=True)


def test_language_switch_only_returns_to_local_pages(client, db):
    response = post_form(client, "/language/en", {"next": "https://evil.example.com/"})
    assert response.headers["Location"] == "/"
