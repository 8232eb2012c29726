"""/api/v1/ratings: a counter device posts a rating; staff read their agency's ratings."""

from motcua.api.tests.support import ApiClient
from motcua.feedback.models import Rating

BODY = {"index1": 2, "index3": 2, "index4": 1, "index7": 2, "overall": "very_satisfied"}


def test_a_counter_device_rates_and_staff_read_it_back(client, world, returned):
    api = ApiClient(client, world.officer.user.username)
    response = api.post(f"/ratings/{returned.code}", BODY | {"secret": returned.tracking_secret})
    assert response.status_code == 200, response.content
    assert response.json()["channel"] == "kiosk"
    assert response.json()["officers"] == ["Võ Thị Mai", "Ngô Thị Hồng"]
    listed = api.get("/ratings/", channel="kiosk").json()
    assert listed["count"] == 1 and listed["items"][0]["dossier"] == returned.code
    assert api.get("/ratings/", overall="dissatisfied").json()["count"] == 0


def test_refusals_come_back_in_vietnamese(client, world, returned):
    api = ApiClient(client, world.officer.user.username)
    open_dossier = world.receive()
    response = api.post(
        f"/ratings/{open_dossier.code}", BODY | {"secret": open_dossier.tracking_secret}
    )
    assert response.status_code == 409
    assert response.json()["detail"] == "Chỉ đánh giá được hồ sơ đã trả kết quả."
    assert api.post("/ratings/KHONG-CO", BODY | {"channel": "paper"}).status_code == 404
    assert api.post("/ratings/KHONG-CO", BODY).status_code == 403
    assert api.post(f"/ratings/{returned.code}", BODY | {"index3": 5}).status_code == 400
    assert not Rating.objects.exists()
    assert client.get("/api/v1/ratings/").status_code == 401
