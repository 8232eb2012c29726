"""/api/v1/payments: the agency's online payments, for staff and the agency's accounting."""

from datetime import datetime

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from motcua.dossiers.links import dossier_ref, ref_lookup
from motcua.org.permissions import require

from . import permissions, selectors
from .constants import PaymentState

router = Router()  # staff only: the API app mounts it behind staff_auth


class PaymentOut(Schema):
    reference: str = Field(description="Mã giao dịch của Motcua.")
    dossier: str = Field(description="Mã hồ sơ, hoặc truc-tuyen-<số> khi chưa có mã.")
    amount: int = Field(description="Số tiền (đồng).")
    state: PaymentState
    state_label: str
    gateway: str
    gateway_transaction: str | None = Field(description="Mã giao dịch của cổng thanh toán.")
    created_at: datetime
    settled_at: datetime | None
    failure_reason: str

    @staticmethod
    def resolve_dossier(payment) -> str:
        return dossier_ref(payment.dossier)

    @staticmethod
    def resolve_state_label(payment) -> str:
        return payment.get_state_display()


class PaymentFilter(Schema):
    state: PaymentState | None = Field(None, description="pending, paid, failed, abandoned")
    dossier: str | None = Field(None, max_length=48, description="Mã hồ sơ hoặc truc-tuyen-<số>.")


@router.get(
    "/", response=list[PaymentOut], summary="Giao dịch thanh toán trực tuyến (cơ quan của cán bộ)"
)
@paginate
def list_payments(request, filters: Query[PaymentFilter]):
    require(permissions.may_see_payments(request.auth), permissions.MONEY_REFUSAL)
    payments = selectors.agency_payments(request.auth.agency, filters.state or "")
    if filters.dossier:
        payments = payments.filter(
            **{f"dossier__{key}": value for key, value in ref_lookup(filters.dossier).items()}
        )
    return payments
