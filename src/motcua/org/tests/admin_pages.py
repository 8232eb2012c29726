"""Helpers for admin page tests: the POST a browser sends from an admin page left as shown."""

from django.db.models import Model


def _posted(value):
    """A form value as the browser would post it (None and False are simply absent)."""
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [str(item.pk if isinstance(item, Model) else item) for item in value]
    return str(value.pk if isinstance(value, Model) else value)


def _form_fields(form) -> dict:
    data = {}
    for name in form.fields:
        value = _posted(form[name].value())
        if value is not None:
            data[form.add_prefix(name)] = value
    return data


def page_data(response) -> dict:
    """Every field of the page's main form and of its inlines' existing rows, as displayed.

    Extra (blank) inline rows are left out, as a browser leaves them empty.
    """
    data = _form_fields(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {
                management.add_prefix(name): str(management[name].value())
                for name in management.fields
            }
        )
        for form in formset.initial_forms:
            data.update(_form_fields(form))
    return data
