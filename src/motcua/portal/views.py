"""The public handbook: no sign-in, only what is in force today."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from . import selectors
from .forms import ProcedureSearchForm
from .search import find

PAGE_SIZE = 20
HOME_ANNOUNCEMENTS = 5
HOME_SESSIONS = 3


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "form": ProcedureSearchForm(),
            "procedure_count": selectors.public_versions().count(),
            "agencies": selectors.with_counts(selectors.publishing_agencies(), "procedure__agency"),
            "fields": selectors.with_counts(selectors.public_fields(), "field"),
            "announcements": selectors.latest_announcements(HOME_ANNOUNCEMENTS),
            "sessions": selectors.upcoming_sessions()[:HOME_SESSIONS],
        },
    )


def procedure_list(request):
    form = ProcedureSearchForm(request.GET or None)
    versions = selectors.public_versions().order_by("name", "procedure__local_code")
    fuzzy = False
    if form.is_valid():
        data = form.cleaned_data
        if data["agency"]:
            versions = versions.filter(procedure__agency=data["agency"])
        if data["field"]:
            versions = versions.filter(field=data["field"])
        if data["q"]:
            versions, fuzzy = find(versions, data["q"])
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/procedure_list.html",
        {
            "form": form,
            "page": page,
            "fuzzy": fuzzy,
        },
    )


def procedure_detail(request, pk: int):
    version = selectors.public_version(pk)
    if version is None:
        raise Http404("Không tìm thấy thủ tục đang có hiệu lực.")
    return render(
        request,
        "portal/procedure_detail.html",
        {
            "version": version,
            "procedure": version.procedure,
            "due": selectors.expected_due(version),
            "announcements": selectors.announcements_for(pk),
        },
    )


def announcement_list(request):
    page = Paginator(selectors.published_announcements(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "portal/announcement_list.html", {"page": page})


def session_list(request):
    return render(
        request,
        "portal/session_list.html",
        {
            "sessions": selectors.upcoming_sessions(),
        },
    )
