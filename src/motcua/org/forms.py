from django.contrib.auth.forms import AuthenticationForm
from django.forms.models import BaseInlineFormSet


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Tên đăng nhập hoặc mật khẩu không đúng. Xin kiểm tra lại "
        "(mật khẩu phân biệt chữ hoa, chữ thường).",
        "inactive": "Tài khoản này đã bị khóa.",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Tên đăng nhập"
        self.fields["password"].label = "Mật khẩu"


class StaffInlineFormSet(BaseInlineFormSet):
    """The Staff row on an account page. `agency_id` (set by the admin) is the agency of the
    administrator creating the account: the row is placed there rather than chosen."""

    agency_id = None

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.agency_id is not None and form.instance.agency_id is None:
            form.instance.agency_id = self.agency_id
        return form
