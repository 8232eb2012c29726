"""Refusals of online submission; the message is Vietnamese and shown as it is."""


class SubmissionError(Exception):
    def __init__(self, message: str, *, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


class DraftSubmitted(SubmissionError):
    """The draft already became a dossier: it cannot change any more."""

    def __init__(self):
        super().__init__("Hồ sơ này đã được nộp; không thể sửa bản nháp nữa.", status=409)


class IncompleteDraft(SubmissionError):
    """Mandatory documents have no file yet: no dossier is created."""

    def __init__(self, missing: list[str]):
        super().__init__(
            "Chưa thể nộp: còn thiếu tệp của thành phần hồ sơ bắt buộc: " + "; ".join(missing) + "."
        )
        self.missing = missing
