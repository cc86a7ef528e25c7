"""The map geometry is served by the app, once per browser: cacheable and compressed."""
import gzip
import json


def test_region_geometry_is_served_with_an_etag_and_compressed(site_client):
    response = site_client.get("/geo/region.geojson", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "max-age=86400" in response.headers["Cache-Control"]
    collection = json.loads(gzip.decompress(response.get_data()))
    assert len(collection["features"]) == 18
    again = site_client.get("/geo/region.geojson",
                            headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.get_data() == b""


def test_department_geometry_exists_and_unknown_levels_are_404(site_client):
    response = site_client.get("/geo/department.geojson")
    body = response.get_json()
    assert len(body["features"]) == 101
    assert len(response.get_data()) < 400_000  # before compression: sent once per browser
    assert site_client.get("/geo/commune.geojson").status_code == 404
