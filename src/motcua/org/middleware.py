"""What every staff request passes through after the session is known: the second sign-in step
(a one-time code) and the rule that no browser or proxy keeps a copy of a staff page."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from . import two_factor


def _is_static(path: str) -> bool:
    return path.startswith("/" + settings.STATIC_URL.lstrip("/"))


class TwoFactorMiddleware:
    """A password alone is half a sign-in for a user who has a code app (or whose role must have
    one): until the code is checked, every page sends them to the code step (or to enrolment),
    the admin included, and the API treats their session as no sign-in at all.

    Runs after django_otp's OTPMiddleware, which says whether the session's code was checked.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified() or _is_static(request.path):
            return self.get_response(request)
        step = self._missing_step(user)
        if step is None or request.path in (reverse(step), reverse("org:logout")):
            return self.get_response(request)
        if request.path.startswith("/api/"):
            request.user = AnonymousUser()
            return self.get_response(request)
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")

    @staticmethod
    def _missing_step(user) -> str | None:
        """The URL name of the step this half-signed-in user must take, or None."""
        if two_factor.has_device(user):
            return "org:two_factor_verify"
        if two_factor.is_required(user):
            return "org:two_factor_enrol"
        return None


class NoStoreMiddleware:
    """`Cache-Control: no-store` on every response to a signed-in user and on the sign-in and
    admin pages, so that a shared computer's cache or a proxy never keeps a staff page (the
    public static files keep their long cache)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_static(request.path):
            return response
        if request.user.is_authenticated or request.path.startswith(self._sensitive_paths()):
            add_never_cache_headers(response)
        return response

    @staticmethod
    def _sensitive_paths() -> tuple[str, ...]:
        return (reverse("org:login"), reverse("admin:index"))
