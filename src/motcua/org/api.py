from ninja import Router, Schema

from .models import Agency

router = Router()


class AgencyOut(Schema):
    code: str
    name: str
    parent: str | None


@router.get("", response=list[AgencyOut], summary="Danh sách cơ quan (công khai)")
def list_agencies(request):
    return [
        AgencyOut(code=a.code, name=a.name, parent=a.parent.code if a.parent else None)
        for a in Agency.objects.select_related("parent").order_by("code")
    ]
