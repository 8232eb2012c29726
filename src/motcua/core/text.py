"""Vietnamese text: folding for search that ignores diacritics and case; amounts of money."""

import unicodedata

# Đ/đ is a letter of its own, not a D with a combining mark, so NFD does not strip it.
_SPECIAL = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case `text`, drop Vietnamese diacritics and collapse whitespace.

    >>> fold("Đăng ký  DOANH nghiệp")
    'dang ky doanh nghiep'
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.casefold().split())


def dong(amount: int) -> str:
    """An amount in đồng, the Vietnamese way: dots between thousands.

    >>> dong(1500000)
    '1.500.000 đồng'
    """
    return f"{int(amount):,} đồng".replace(",", ".")
