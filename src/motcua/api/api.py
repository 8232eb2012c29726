"""The public and integration API under /api/v1, assembled from the routers each app owns."""

from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from motcua.catalog.api import router as catalog_router
from motcua.org.api import router as org_router
from motcua.worktime.api import router as worktime_router

api = NinjaAPI(
    title="Motcua API",
    version="1",
    description="API của Motcua: lịch làm việc, danh mục thủ tục hành chính, cơ quan. "
    "Lỗi trả về JSON có trường `detail` bằng tiếng Việt.",
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(NinjaValidationError)
def invalid_request(request, exc: NinjaValidationError):
    """Ninja's schema errors, in the same {"detail": ...} shape as every other error."""
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", [])[1:]) or "yêu cầu"
        problems.append(f"{where}: {error.get('msg', 'không hợp lệ')}")
    return api.create_response(
        request,
        {"detail": "Tham số không hợp lệ — " + "; ".join(problems), "errors": exc.errors},
        status=400,
    )


api.add_router("/agencies", org_router, tags=["Cơ quan"])
api.add_router("/worktime", worktime_router, tags=["Lịch làm việc"])
api.add_router("/procedures", catalog_router, tags=["Thủ tục hành chính"])
