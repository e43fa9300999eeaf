"""The one write of Open311: a program sends a petition on a resident's
behalf, through the same use case as the web form."""

from __future__ import annotations

import re

from flask_babel import gettext as _

from portal.errors import RuleViolation
from portal.extensions import db
from portal.open311.models import Open311Client
from portal.open311.params import NewRequest
from portal.petitions.models import Channel, Petition
from portal.petitions.queries import category_by_code
from portal.petitions.services import PetitionDraft, submit_petition
from portal.units.addresses import commune_from_address
from portal.units.models import COMMUNE_KINDS, Unit
from portal.units.queries import unit_by_code

# A derived title is the description's first sentence, cut at a word to
# stay readable in lists (the stored title may be longer, up to 200).
TITLE_WORDS_MAX = 100
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s|\n")


def title_from(description: str) -> str:
    """The first sentence of the description, cut at a word with "…" when
    longer than TITLE_WORDS_MAX: the resident's own words, nothing added."""
    first = _SENTENCE_END.split(description.strip(), maxsplit=1)[0].strip()
    if len(first) <= TITLE_WORDS_MAX:
        return first
    cut = first[:TITLE_WORDS_MAX - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def _commune(new: NewRequest) -> Unit:
    if new.address_id:
        unit = unit_by_code(new.address_id)
        if unit is None or unit.kind not in COMMUNE_KINDS:
            raise RuleViolation(_("Không có xã, phường, đặc khu mã '%(code)s'.",
                                  code=new.address_id), field="address_id")
        return unit
    if new.address_string:
        return commune_from_address(new.address_string)
    if new.has_coordinates:
        raise RuleViolation(_(
            "Chưa xác định được xã, phường từ toạ độ: cổng chưa có ranh giới các xã, phường "
            "sau ngày 01/7/2025. Vui lòng gửi kèm address_string (tên xã, phường và tỉnh, "
            "thành phố) hoặc address_id (mã xã, phường)."), field="lat")
    raise RuleViolation(_("Vui lòng gửi address_string (tên xã, phường và tỉnh, thành phố) "
                          "hoặc address_id (mã xã, phường) nơi xảy ra sự việc."),
                        field="address_string")


def submit_request(new: NewRequest, *, client: Open311Client) -> Petition:
    """Send the petition through ``submit_petition`` (every rule of the web
    form applies) and remember which key sent it. Flushes; the caller commits."""
    category = category_by_code(new.service_code)
    if category is None or not category.is_active:
        raise RuleViolation(_("Không có lĩnh vực mã '%(code)s'.", code=new.service_code),
                            field="category")
    draft = PetitionDraft(
        title=new.title or title_from(new.description),
        body=new.description,
        kind=new.kind,
        category=category,
        unit=_commune(new),
        contact_name=new.contact_name,
        contact_phone=new.phone,
        contact_email=new.email,
        hide_identity=new.hide_identity,
        is_public=new.is_public,
        channel=Channel.API,
    )
    petition = submit_petition(draft, actor=None)
    petition.open311_client_id = client.id
    db.session.flush()
    return petition
