from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .forms import SignInForm
from .models import Agency
from .scoping import staff_of


class SignInView(auth_views.LoginView):
    template_name = "org/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    pass


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
    return render(request, "org/home.html", {"colleagues": colleagues})
