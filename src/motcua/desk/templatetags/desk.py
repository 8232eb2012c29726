from django import template

from motcua.desk.selectors import faq_of

register = template.Library()

# The procedure page shows a few; the FAQ page lists them all.
PROCEDURE_FAQ_SHOWN = 5


@register.simple_tag
def procedure_faq(procedure):
    """The newest published questions linked to `procedure`."""
    return list(faq_of(procedure)[:PROCEDURE_FAQ_SHOWN]) if procedure else []
