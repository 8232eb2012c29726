from django import template

from motcua.core.text import dong
from motcua.dossiers.links import dossier_ref
from motcua.org.scoping import staff_of
from motcua.payments import permissions, selectors
from motcua.payments.gateways.switch import online_payment_offered
from motcua.payments.links import payment_path

register = template.Library()


@register.simple_tag(takes_context=True)
def may_see_payments(context, dossier=None) -> bool:
    """Whether the signed-in reader of the page may see the money (payments.permissions)."""
    request = context.get("request")
    return permissions.may_see_payments(staff_of(getattr(request, "user", None)), dossier)


STATE_STYLES = {
    "paid": "success",
    "failed": "danger",
    "abandoned": "secondary",
    "pending": "warning",
}


register.filter("dong", dong)


@register.filter
def state_style(state: str) -> str:
    """The Bootstrap colour of a payment state's badge."""
    return STATE_STYLES.get(state, "secondary")


@register.filter
def ref(dossier) -> str:
    """How pages name a dossier: its code, or its online reference before it has one."""
    return dossier_ref(dossier)


@register.inclusion_tag("payments/_payment_offer.html")
def payment_offer(dossier):
    """The applicant's invitation to pay online (submission done page, tracking page): the
    amount still due and the link, or that the fees are paid, or nothing to show (also when
    online payment is not offered)."""
    if dossier.state in selectors.CLOSED_STATES:
        return {"due": None, "paid": 0}
    if not online_payment_offered():
        return {"due": None, "paid": selectors.amount_paid(dossier)}
    return {
        "due": selectors.amount_due(dossier),
        "paid": selectors.amount_paid(dossier),
        "url": payment_path(dossier),
    }
