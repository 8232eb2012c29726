"""The typo-tolerant fallback, on folded texts (no database)."""

import pytest

from motcua.core.text import fold
from motcua.portal.search import similar, typing_errors

NAMES = [
    "Đăng ký thành lập doanh nghiệp tư nhân",
    "Đăng ký thành lập công ty cổ phần",
    "Giải thể doanh nghiệp",
    "Cấp lại Giấy chứng nhận đăng ký doanh nghiệp, Giấy xác nhận",
]
ROWS = [(pk, fold(name)) for pk, name in enumerate(NAMES)]


@pytest.mark.parametrize(
    ("a", "b", "errors"),
    [
        ("ki", "ky", 1),
        ("nghep", "nghiep", 1),
        ("dnag", "dang", 1),
        ("", "ab", 2),
        ("abc", "abc", 0),
    ],
)
def test_typing_errors(a, b, errors):
    assert typing_errors(a, b) == errors


def test_a_misspelt_query_finds_the_procedure():
    assert similar(ROWS, "dang ki thanh lap doanh nghep") == [0]
    assert similar(ROWS, "dnag ky thanh lap cong ti co phan") == [1]
    assert similar(ROWS, "giai thẻ doanh ngiep") == [2]
    assert similar(ROWS, "Giấy chung nhan doanh nghep.") == [3]


def test_the_closest_come_first():
    assert similar(ROWS, "dang ki doanh nghiep") == [0, 3]


def test_every_word_must_be_close():
    assert similar(ROWS, "cấp hộ chiếu") == []
    assert similar(ROWS, "x") == []
