from hypothesis import given, strategies as st

from motcua.core.text import fold


def test_fold_strips_vietnamese_marks_and_case():
    folded = fold("Đăng ký thành lập DOANH NGHIỆP tư nhân")
    assert folded == "dang ky thanh lap doanh nghiep tu nhan"


def test_fold_handles_every_vowel_form():
    assert fold("ẮẰẲẴẶ ỐỒỔỖỘ ỨỪỬỮỰ ỳỷỹỵý") == "aaaaa ooooo uuuuu yyyyy"


def test_fold_collapses_whitespace_and_empty_input():
    assert fold("  a \t b\n") == "a b"
    assert fold("") == ""
    assert fold(None) == ""


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)
