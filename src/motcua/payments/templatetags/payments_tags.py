from django import template

from motcua.dossiers.links import dossier_ref

register = template.Library()

STATE_STYLES = {"paid": "success", "failed": "danger", "abandoned": "secondary",
                "pending": "warning"}


@register.filter
def dong(amount) -> str:
    """12000 → "12.000 đồng", the Vietnamese way of writing money."""
    return f"{int(amount):,} đồng".replace(",", ".")


@register.filter
def state_style(state: str) -> str:
    """The Bootstrap colour of a payment state's badge."""
    return STATE_STYLES.get(state, "secondary")


@register.filter
def ref(dossier) -> str:
    """How pages name a dossier: its code, or its online reference before it has one."""
    return dossier_ref(dossier)
