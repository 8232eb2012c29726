"""/api/v1/docs works on an intranet cut off from the Internet: Swagger UI's script and styles
come from our own static files, not from a CDN (ninja's default without its app installed)."""

import re

from django.contrib.staticfiles import finders

ASSET = re.compile(r'(?:src|href)="([^"]+)"')


def test_the_api_docs_page_loads_every_asset_from_this_server(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assets = ASSET.findall(html)
    assert any(asset.endswith("swagger-ui-bundle.js") for asset in assets), html
    assert not [asset for asset in assets if asset.startswith(("http:", "https:", "//"))]
    assert "cdn" not in html.lower()
    for asset in assets:
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not a static file"
