from django.contrib import admin
from django.urls import include, path

from motcua.api.api import api

admin.site.site_header = "Quản trị Motcua"
admin.site.site_title = "Quản trị Motcua"
admin.site.index_title = "Cơ quan, đơn vị, cán bộ, lịch làm việc, thủ tục"

urlpatterns = [
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
    path("thu-tuc/", include("motcua.catalog.urls")),
    path("ho-so/", include("motcua.dossiers.urls")),
    path("bieu-mau/", include("motcua.paperwork.urls")),
    path("thong-bao/", include("motcua.notifications.urls")),
    path("ke-hoach/", include("motcua.plans.urls")),
    path("chi-so/", include("motcua.indices.urls")),
    path("cong/", include("motcua.portal.urls")),
    path("tra-cuu/", include("motcua.portal.tracking_urls")),
    path("nop-ho-so/", include("motcua.submissions.urls")),
    path("thanh-toan/", include("motcua.payments.urls")),
    path("danh-gia/", include("motcua.feedback.urls")),
    path("", include("motcua.desk.urls")),
    path("bao-cao/", include("motcua.reports.urls")),
    path("", include("motcua.org.urls")),
]
