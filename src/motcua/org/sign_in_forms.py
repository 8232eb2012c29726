"""Forms of the second sign-in step and of the account's security page."""

from django import forms
from django.contrib.auth import authenticate

from . import two_factor

WRONG_CODE = "Mã xác thực không đúng hoặc đã hết hạn. Xin nhập mã mới trên ứng dụng."
WRONG_PASSWORD = "Mật khẩu không đúng."


class CodeForm(forms.Form):
    """A one-time code: six digits from the app, or one of the recovery codes."""

    code = forms.CharField(label="Mã xác thực", max_length=16, strip=True)


class VerifyForm(CodeForm):
    """The second step of a sign-in: the code is checked on every device of the user."""

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        self.device = two_factor.check_code(self.user, self.cleaned_data["code"])
        if self.device is None:
            raise forms.ValidationError(WRONG_CODE)
        return self.cleaned_data["code"]


class PasswordCheckForm(forms.Form):
    """Asks for the password again before a change to how the account signs in. The check goes
    through `authenticate`, so django-axes counts a wrong password here as a failed sign-in."""

    password = forms.CharField(label="Mật khẩu hiện tại", widget=forms.PasswordInput)

    def __init__(self, request, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_password(self):
        password = self.cleaned_data["password"]
        user = authenticate(
            self.request, username=self.request.user.get_username(), password=password
        )
        if user is None or user.pk != self.request.user.pk:
            raise forms.ValidationError(WRONG_PASSWORD)
        return password


class RemoveDeviceForm(PasswordCheckForm):
    """Removing the code app takes the password and a current code."""

    code = forms.CharField(label="Mã xác thực", max_length=16, strip=True)

    def clean(self):
        # Only after the password: a recovery code is spent when it matches.
        data = super().clean()
        if "password" in data and "code" in data:
            if two_factor.check_code(self.request.user, data["code"]) is None:
                self.add_error("code", WRONG_CODE)
        return data
