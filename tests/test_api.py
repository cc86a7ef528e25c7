"""The read-only JSON API on the demonstration data, through a real HTTP client."""
import pytest


def test_regions_have_real_population_and_area(demo_client):
    regions = {r["code"]: r for r in demo_client.get("/api/v1/regions").get_json()["regions"]}
    assert len(regions) == 18
    idf = regions["11"]
    assert idf["name"] == "Île-de-France"
    assert 11_500_000 < idf["population"] < 12_600_000
    assert idf["area_km2"] == pytest.approx(12_011, rel=0.01)
    assert regions["03"]["overseas"] is True and regions["93"]["overseas"] is False


def test_departments_name_their_region(demo_client):
    departments = demo_client.get("/api/v1/departments").get_json()["departments"]
    assert len(departments) == 101
    by_code = {d["code"]: d for d in departments}
    assert by_code["2A"]["region"] == "94"
    assert by_code["974"]["region"] == "04"
    assert by_code["13"]["region"] == "93"


def test_indicators_list_and_detail(demo_client):
    listing = demo_client.get("/api/v1/indicators").get_json()["indicators"]
    assert {i["domain"] for i in listing} >= {"emploi", "securite", "numerique"}
    first = listing[0]
    assert set(first) >= {"code", "label", "domain", "unit", "direction", "n_values"}
    detail = demo_client.get(f"/api/v1/indicators/{first['code']}").get_json()
    assert len(detail["values"]) == first["n_values"]
    assert set(detail["values"][0]) >= {"territory_code", "year", "value"}
    assert all(v["demo"] for v in detail["values"])
    missing = demo_client.get("/api/v1/indicators/nope")
    assert missing.status_code == 404 and "nope" in missing.get_json()["error"]


def test_figure_answers_with_value_n_interval_and_provenance(demo_client):
    response = demo_client.get("/api/v1/figures?study=PHARE-Citoyens&year=2015&actor=citoyens"
                               "&region=FR&domain=emploi&measure=mean_score")
    assert response.status_code == 200
    body = response.get_json()
    assert body["value"] == pytest.approx(7.1, abs=0.05)
    assert body["unit"] == "score_0_10"
    assert body["n"] > 1000
    assert body["ci_low"] < body["value"] < body["ci_high"]
    assert body["provenance"]["demo"] is True
    assert body["provenance"]["published_value"] == 7.1


def test_figure_for_a_sub_population_and_a_region(demo_client):
    body = demo_client.get("/api/v1/figures?study=PHARE-Associations&year=2015"
                           "&actor=associations_employeuses&measure=share_with_partnerships"
                           ).get_json()
    assert body["value"] == pytest.approx(53, abs=0.5)
    body = demo_client.get("/api/v1/figures?study=PHARE-Institutions&year=2016&actor=maires"
                           "&region=76&measure=share_alliances_source_of_innovation").get_json()
    assert body["value"] == pytest.approx(100, abs=0.5) and body["region"] == "76"


def test_partnership_rows_are_served_as_cited_figures(demo_client):
    body = demo_client.get("/api/v1/figures?study=PHARE&year=2015&actor=all"
                           "&measure=share_scope_local").get_json()
    assert body["value"] == 74 and body["n"] is None
    assert body["provenance"]["kind"] == "published"


@pytest.mark.parametrize(("query", "status", "words"), [
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&domain=emploi", 400, "measure"),
    ("study=PHARE-Citoyens&year=deux&actor=citoyens&measure=mean_score&domain=emploi", 400,
     "year"),
    ("study=PHARE-Citoyens&year=2015&actor=robots&measure=mean_score&domain=emploi", 400,
     "actor"),
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&measure=mean_score", 400, "domaine"),
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&measure=mean_score&domain=meteo", 400,
     "domain"),
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&measure=mean_score&domain=emploi"
     "&region=99", 400, "region"),
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&measure=nope", 400, "measure"),
    ("study=PHARE-Citoyens&year=2031&actor=citoyens&measure=mean_score&domain=emploi", 404,
     "aucune"),
    ("study=PHARE-Citoyens&year=2015&actor=citoyens&measure=mean_score&domain=emploi"
     "&region=03", 404, "aucune"),
])
def test_bad_parameters_get_400_and_missing_data_404_with_a_message(demo_client, query,
                                                                   status, words):
    response = demo_client.get(f"/api/v1/figures?{query}")
    assert response.status_code == status
    assert words in response.get_json()["error"]


def test_fragility_index_covers_regions_and_domains(demo_client):
    index = demo_client.get("/api/v1/fragility").get_json()["index"]
    paca = sorted((r for r in index if r["territory_code"] == "93"),
                  key=lambda r: r["index"], reverse=True)
    assert len(paca) == 16
    assert [r["domain"] for r in paca[:2]] == ["securite", "numerique"]
    assert all(0 <= r["index"] <= 10 for r in index)


def test_health_names_each_component(demo_client):
    """The embedded set-up: no Redis, so each process caches and counts in memory."""
    response = demo_client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok", "cache": "memory",
                                   "rate_limits": "memory"}


def test_health_is_503_when_the_database_is_unreachable(make_app):
    unreachable = make_app("postgresql://nobody@127.0.0.1:1/none")
    response = unreachable.server.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["status"] == "unavailable"
    assert response.get_json()["database"] == "unavailable"
