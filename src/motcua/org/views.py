from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
import django_otp

from . import two_factor
from .forms import SignInForm
from .models import Agency
from .scoping import staff_of
from .sign_in_forms import CodeForm, PasswordCheckForm, RemoveDeviceForm, VerifyForm


class SignInView(auth_views.LoginView):
    template_name = "org/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


def locked_out(request, original_response=None, credentials=None):
    """The page django-axes answers once a user name has failed too often from one address."""
    context = {"minutes": settings.AXES_COOLOFF_MINUTES}
    return render(request, "org/locked_out.html", context, status=429)


def welcome(request):
    """The public landing page until the portal takes its place."""
    return render(
        request, "org/welcome.html", {"agencies": Agency.objects.select_related("parent")}
    )


@login_required
def home(request):
    staff = staff_of(request.user)
    colleagues = []
    if staff is not None:
        colleagues = staff.unit.staff.select_related("user").exclude(pk=staff.pk)
    return render(
        request,
        "org/home.html",
        {"colleagues": colleagues, "password_form": PasswordCheckForm(request)},
    )


def _next_or_home(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("org:home")


@login_required
def two_factor_verify(request):
    """The second step of a sign-in: a code from the app or a recovery code."""
    if not two_factor.has_device(request.user) or request.user.is_verified():
        return redirect(_next_or_home(request))
    form = VerifyForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        django_otp.login(request, form.device)
        return redirect(_next_or_home(request))
    return render(
        request, "org/two_factor_verify.html", {"form": form, "next": _next_or_home(request)}
    )


@login_required
def security(request):
    """The account's sign-in settings: the code app, the recovery codes, sign out everywhere."""
    return render(
        request,
        "org/security.html",
        {
            "has_device": two_factor.has_device(request.user),
            "required": two_factor.is_required(request.user),
            "remaining_codes": two_factor.remaining_recovery_codes(request.user),
            "password_form": PasswordCheckForm(request),
            "remove_form": RemoveDeviceForm(request),
        },
    )


@login_required
def two_factor_enrol(request):
    """Set up a code app: scan the QR code (or type the secret), then confirm with a first code.
    The ten recovery codes are shown once, on the answer to that confirmation."""
    if two_factor.has_device(request.user):
        return redirect("org:security")
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm(device, form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, device)
            return _recovery_codes_page(request, codes)
        form.add_error(
            "code", "Mã xác thực không đúng. Xin kiểm tra giờ trên điện thoại và nhập mã mới."
        )
    return render(
        request,
        "org/two_factor_enrol.html",
        {
            "form": form,
            "qr_code": two_factor.qr_code_svg(device),
            "otpauth_url": device.config_url,
            "secret": two_factor.secret_text(device),
            "next": _next_or_home(request),
        },
    )


@login_required
@require_POST
def regenerate_recovery_codes(request):
    form = PasswordCheckForm(request, request.POST)
    if not two_factor.has_device(request.user) or not form.is_valid():
        messages.error(request, "Chưa tạo lại mã dự phòng: mật khẩu không đúng.")
        return redirect("org:security")
    return _recovery_codes_page(request, two_factor.new_recovery_codes(request.user))


@login_required
@require_POST
def remove_device(request):
    form = RemoveDeviceForm(request, request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Chưa gỡ ứng dụng xác thực: "
            + " ".join(e for errors in form.errors.values() for e in errors),
        )
        return redirect("org:security")
    two_factor.remove_devices(request.user)
    messages.success(request, "Đã gỡ ứng dụng xác thực và các mã dự phòng.")
    return redirect("org:security")


@login_required
@require_POST
def sign_out_everywhere(request):
    """End every session of the user, on every computer, this one included: the password is
    hashed again with a new salt, so every session's auth hash no longer matches (on any session
    backend: database, cache or cookie)."""
    form = PasswordCheckForm(request, request.POST)
    if not form.is_valid():
        messages.error(request, "Chưa đăng xuất khỏi mọi nơi: mật khẩu không đúng.")
        return redirect("org:home")
    with transaction.atomic():
        request.user.set_password(form.cleaned_data["password"])
        request.user.save(update_fields=["password"])
    logout(request)
    messages.success(request, "Đã đăng xuất tài khoản khỏi mọi máy tính và trình duyệt.")
    return redirect("org:login")


def _recovery_codes_page(request, codes):
    return render(request, "org/recovery_codes.html", {"codes": codes})
