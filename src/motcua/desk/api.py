"""The questions desk and feedback and complaints (phản ánh, kiến nghị): the published FAQ,
public and read-only."""

from datetime import datetime

from ninja import Field as SchemaField, Query, Router, Schema
from ninja.pagination import paginate

from .selectors import published_faq

router = Router()


class FaqFilter(Schema):
    q: str = SchemaField("", description="Từ khóa; không phân biệt dấu và chữ hoa.")
    procedure: int | None = SchemaField(None, description="Mã số (id) thủ tục liên quan.")


class FaqOut(Schema):
    code: str = SchemaField(description="Mã câu hỏi, ví dụ HD-250301-0001.")
    agency: str = SchemaField(description="Mã định danh điện tử của cơ quan trả lời.")
    subject: str
    question: str
    answer: str
    asked_at: datetime
    answered_at: datetime
    procedures: list[str] = SchemaField(description="Mã các thủ tục liên quan.")

    @staticmethod
    def resolve_agency(obj) -> str:
        return obj.agency.code

    @staticmethod
    def resolve_question(obj) -> str:
        return obj.body

    @staticmethod
    def resolve_procedures(obj) -> list[str]:
        return [p.code for p in obj.procedures.all()]


@router.get("/faq", response=list[FaqOut], summary="Câu hỏi đã trả lời và đăng công khai")
@paginate
def faq(request, filters: Query[FaqFilter]):
    """Mục «Đồng hành cùng doanh nghiệp»; họ tên, địa chỉ người hỏi không bao giờ được trả về."""
    return published_faq(filters.q, filters.procedure)
