"""The guidance slip (Phiếu hướng dẫn hoàn thiện hồ sơ) given at the counter when a dossier is
incomplete: everything missing, listed once."""

from motcua.dossiers.models import GuidanceSlip

from .formatting import local, moment_words
from .letterhead import letterhead


def guidance_slip(slip: GuidanceSlip, form: dict) -> dict:
    officer = slip.issued_by
    missing = dict.fromkeys(name.strip() for name in slip.missing if name.strip())
    return {
        **letterhead(slip.agency, form, local(slip.issued_at).date()),
        "reference": slip.number.replace("/", "-"),
        "slip_number": slip.number,
        "issued_words": moment_words(slip.issued_at),
        "issuer": slip.agency.name,
        "applicant_name": slip.applicant_name,
        "applicant_phone": slip.applicant_phone,
        "procedure": slip.version.name,
        "time_limit": slip.version.time_limit_display,
        "missing": [{"number": i, "name": name} for i, name in enumerate(missing, start=1)],
        "note": slip.note,
        "officer": officer.full_name,
        "officer_phone": officer.phone or slip.agency.phone,
    }
