"""SIPAS-style campaigns: the office's pages (/danh-gia/khao-sat/quan-ly/...) and the
respondent's questionnaire (/danh-gia/khao-sat/<token>/)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from motcua.org.permissions import require
from motcua.org.scoping import require_staff

from . import campaigns, permissions
from .constants import ILLUSTRATIVE_NOTE, CampaignState, SurveyChannel
from .errors import FeedbackError
from .forms import CampaignForm, ItemForm, QuestionnaireForm, SampleForm
from .models import SurveyCampaign, SurveyItem, SurveyRespondent
from .sipas import campaign_results
from .views import posted_data


def _organizer(request):
    staff = require_staff(request)
    require(permissions.may_organize_surveys(staff), permissions.ORGANIZE_REFUSAL)
    return staff


def _campaign(staff, pk: int) -> SurveyCampaign:
    return get_object_or_404(SurveyCampaign, pk=pk, agency=staff.agency)


@login_required
def campaign_list(request):
    staff = _organizer(request)
    form = CampaignForm(posted_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            campaign = campaigns.create_campaign(staff.agency, **form.cleaned_data)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, "Đã tạo đợt khảo sát với bộ câu hỏi minh họa.")
            return redirect("feedback:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "feedback/campaign_list.html",
        {
            "staff": staff,
            "form": form,
            "campaigns": SurveyCampaign.objects.filter(agency=staff.agency),
        },
    )


@login_required
def campaign_detail(request, pk: int):
    staff = _organizer(request)
    campaign = _campaign(staff, pk)
    draft = campaign.state == CampaignState.DRAFT
    items = list(campaign.items.all())
    return render(
        request,
        "feedback/campaign_detail.html",
        {
            "staff": staff,
            "campaign": campaign,
            "draft": draft,
            "note": ILLUSTRATIVE_NOTE,
            "items": [
                (
                    item,
                    ItemForm(
                        initial={"element": item.element, "text": item.text}, prefix=f"i{item.pk}"
                    ),
                )
                for item in items
            ],
            "new_item": ItemForm(prefix="new"),
            "sample_form": SampleForm(),
            "respondents": campaign.respondents.select_related("dossier", "dossier__version"),
            "results": campaign_results(campaign),
            "choices": list(campaign.choices.all()),
        },
    )


def _run(request, action, success: str):
    try:
        action()
    except FeedbackError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success)


@login_required
@require_POST
def campaign_action(request, pk: int, action: str):
    staff = _organizer(request)
    campaign = _campaign(staff, pk)
    if action == "sample":
        form = SampleForm(request.POST)
        if not form.is_valid():
            messages.error(request, "Số hạt giống phải là số nguyên không âm.")
        else:
            _run(
                request,
                lambda: campaigns.sample(campaign, form.cleaned_data["seed"]),
                "Đã chọn mẫu người được khảo sát.",
            )
    elif action == "open":
        _run(request, lambda: campaigns.open_campaign(campaign), "Đợt khảo sát đã mở.")
    elif action == "invite":
        try:
            count = campaigns.invite(campaign)
        except FeedbackError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                f"Đã gửi lời mời tới {count} người; người không có thư "
                "điện tử hay số di động được khảo sát bằng phiếu giấy.",
            )
    elif action == "close":
        _run(request, lambda: campaigns.close_campaign(campaign), "Đợt khảo sát đã kết thúc.")
    else:
        raise Http404
    return redirect("feedback:campaign_detail", pk=campaign.pk)


@login_required
@require_POST
def item_save(request, pk: int, item_pk: int | None = None):
    """Add an item (no item_pk), change it, or remove it (the "remove" button)."""
    staff = _organizer(request)
    campaign = _campaign(staff, pk)
    item = get_object_or_404(SurveyItem, pk=item_pk, campaign=campaign) if item_pk else None
    if item is not None and "remove" in request.POST:
        _run(request, lambda: campaigns.remove_item(item), "Đã xóa câu hỏi.")
        return redirect("feedback:campaign_detail", pk=campaign.pk)
    form = ItemForm(request.POST, prefix=f"i{item.pk}" if item else "new")
    if not form.is_valid():
        messages.error(request, "Câu hỏi cần yếu tố và nội dung.")
    elif item is None:
        _run(request, lambda: campaigns.add_item(campaign, **form.cleaned_data), "Đã thêm câu hỏi.")
    else:
        _run(request, lambda: campaigns.update_item(item, **form.cleaned_data), "Đã sửa câu hỏi.")
    return redirect("feedback:campaign_detail", pk=campaign.pk)


@login_required
def paper_questionnaire(request, pk: int, respondent_pk: int):
    staff = _organizer(request)
    campaign = _campaign(staff, pk)
    respondent = get_object_or_404(
        SurveyRespondent.objects.select_related("dossier"), pk=respondent_pk, campaign=campaign
    )
    form = QuestionnaireForm(posted_data(request), campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            campaigns.answer(respondent, form.choices(), SurveyChannel.PAPER, entered_by=staff)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Đã nhập phiếu của hồ sơ {respondent.dossier.code}.")
            return redirect("feedback:campaign_detail", pk=campaign.pk)
    return render(
        request,
        "feedback/paper_questionnaire.html",
        {"staff": staff, "campaign": campaign, "respondent": respondent, "form": form},
    )


def questionnaire(request, token: str):
    """The respondent's web questionnaire, answered once; afterwards it thanks them."""
    respondent = get_object_or_404(
        SurveyRespondent.objects.select_related("campaign", "campaign__agency"), token=token
    )
    campaign = respondent.campaign
    context = {"campaign": campaign, "respondent": respondent}
    if respondent.responded_at is not None or campaign.state != CampaignState.OPEN:
        return render(request, "feedback/questionnaire.html", context)
    form = QuestionnaireForm(posted_data(request), campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            campaigns.answer(respondent, form.choices(), SurveyChannel.WEB)
        except FeedbackError as error:
            form.add_error(None, error.message)
        else:
            return redirect("feedback:survey", token=token)
    return render(request, "feedback/questionnaire.html", context | {"form": form})
