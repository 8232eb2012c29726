"""Every public page on a phone: nothing wider than the screen, every field named, one main
heading, Vietnamese declared, and nothing requested from outside the server."""

from urllib.parse import urlsplit

import pytest

from motcua.catalog.models import Procedure

from .conftest import PRIVATE_COMPANY, load_portal_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Form controls without an accessible name (label, aria-label or aria-labelledby).
UNNAMED_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
               && !e.getAttribute('aria-labelledby'))
  .map(e => e.name || e.id || e.outerHTML.slice(0, 80))"""


def public_paths(procedure_pk: int) -> list[str]:
    return [
        "/cong/",
        "/cong/thu-tuc/",
        f"/cong/thu-tuc/{procedure_pk}/",
        "/cong/thu-tuc/?q=dang+ky+doanh+nghiep",
        "/cong/thong-bao/",
        "/cong/lich-ho-tro/",
        "/tra-cuu/",
        "/hoi-dap/",
        "/hoi-dap/gui/",
        "/phan-anh/gui/",
        "/phan-anh/theo-doi/",
        "/danh-gia/",
    ]


def test_public_pages_fit_a_phone_name_their_fields_and_load_nothing_from_outside(
    page, live_server
):
    load_portal_demo()
    procedure = Procedure.objects.get(versions__name=PRIVATE_COMPANY)
    own_host = urlsplit(live_server.url).netloc
    outside = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc not in (own_host, "") and outside.append(request.url)
        ),
    )
    page.set_viewport_size({"width": 360, "height": 780})
    for path in public_paths(procedure.pk):
        response = page.goto(path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.lang") == "vi", path
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
        assert page.locator("h1").count() == 1, path
        assert page.evaluate(UNNAMED_CONTROLS) == [], path
        assert (
            page.evaluate("[...document.images].filter(i => !i.hasAttribute('alt')).length") == 0
        ), path
    assert outside == []
