"""The head of every form (Decree 30/2020 layout): the issuing agency under its parent, top
left in capitals; the national motto top right; the form's number above; the title; the place
and date line."""

from datetime import date
import re

from motcua.org.models import Agency

from .formatting import dated_line

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"

_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố)\s+(.+)$", re.IGNORECASE)
_ADDRESS_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp\.?)\s*", re.IGNORECASE)


def place_of(agency: Agency) -> str:
    """The place written before the date: the province in the name of the agency or one of its
    parents ("… tỉnh Khánh Hòa"), else the last part of its address; "" when neither says."""
    body = agency
    while body is not None:
        found = _PROVINCE.search(body.name)
        if found:
            place = found.group(1).strip()
            return place.title() if place.isupper() else place
        body = body.parent
    parts = [part.strip() for part in agency.address.split(",") if part.strip()]
    if len(parts) >= 2:
        return _ADDRESS_PREFIX.sub("", parts[-1])
    return ""


def place_date(agency: Agency, on: date | None) -> str:
    """ "Khánh Hòa, ngày 04 tháng 3 năm 2024", or just the date when the place is unknown."""
    if on is None:
        return ""
    place = place_of(agency)
    line = dated_line(on)
    return f"{place}, {line}" if place else line[0].upper() + line[1:]


def letterhead(agency: Agency, form: dict, on: date | None) -> dict:
    """`form` is the regime's entry, {"number": "01", "title": "…"}; `on` the date of issue."""
    return {
        "agency_parent": agency.parent.name.upper() if agency.parent_id else "",
        "agency_name": agency.name.upper(),
        "motto": MOTTO,
        "slogan": SLOGAN,
        "form_number": f"Mẫu số {form['number']}" if form["number"] else "",
        "title": form["title"],
        "place_date": place_date(agency, on),
    }
