"""Initiatives: loading and filtering the named examples, counting them by department, the
count legend of the map, the page's layout and its callback functions."""
import pandas as pd
import plotly.graph_objects as go
import pytest
from dash import Patch
from sqlalchemy.orm import Session

from component_helpers import find, layout_at, text_of
from dashboard.analytics import catalogue
from dashboard.analytics.initiatives import (
    Filters,
    department_counts,
    filter_initiatives,
    function_choices,
    initiative_map_values,
    load_initiatives,
    unlocated,
)
from dashboard.figures.initiatives import class_names, count_breaks, count_update
from dashboard.i18n.labels import term_label
from dashboard.reference import load_reference
from layouts.context import PageContext, parse_query
from layouts.pages import initiatives as page
from test_pages import GEO, REGIONS
from views import initiatives as views

REF = load_reference()


@pytest.fixture
def frame(demo_engine):
    with Session(demo_engine) as session:
        return load_initiatives(session)


@pytest.fixture
def departments(demo_engine):
    with Session(demo_engine) as session:
        return pd.DataFrame(catalogue.territories(session, "department"))


def test_initiatives_are_loaded_with_their_department_and_region(frame):
    assert len(frame) == 30
    nord = frame[frame["name"] == "Vitamine T"].iloc[0]
    assert (nord["department_code"], nord["department_name"], nord["region_code"],
            nord["region_name"]) == ("59", "Nord", "32", "Hauts-de-France")
    assert nord["function"] == "cooperation_economique" and nord["domain"] == "emploi"
    assert nord["source"].startswith("002_")
    assert list(frame["name"]) == sorted(frame["name"])


def test_initiatives_without_department_are_listed_not_located(frame):
    missing = unlocated(frame)
    assert len(missing) == 3
    assert "Démarche ODD & CT du Comité 21" in set(missing["name"])
    assert missing["region_code"].isna().all()


def test_filters_combine_and_a_region_keeps_located_initiatives_only(frame):
    assert len(filter_initiatives(frame, Filters())) == 30
    assert len(filter_initiatives(frame, Filters(function="gestion_lieu"))) == 6
    assert set(filter_initiatives(frame, Filters(domain="emploi"))["name"]) == {
        "PTCE Les Mureaux", "Vitamine T"}
    hauts = filter_initiatives(frame, Filters(region="32"))
    assert len(hauts) == 9 and (hauts["department_code"] == "59").all()
    assert filter_initiatives(frame, Filters(region="32", function="gestion_lieu")).empty
    assert not Filters().active() and Filters(domain="emploi").active()
    assert function_choices(REF)[:4] == ("dialogue_territorial", "experimentation_collective",
                                         "accompagnement", "gestion_lieu")


def test_department_counts_cover_every_department(frame, departments):
    counts = department_counts(frame, departments)
    assert len(counts) == 101
    assert counts["count"].sum() == 27  # 30 initiatives, 3 not located
    assert counts.iloc[0][["code", "count"]].tolist() == ["59", 9]
    values = initiative_map_values(counts)
    assert values.loc[values["code"] == "59", "value"].iloc[0] == 9
    assert values.loc[values["code"] == "01", "value"].isna().all()  # none: grey
    assert values.loc[values["code"] == "59", "rank"].iloc[0] == 1


def test_count_classes_are_whole_numbers():
    assert count_breaks(1) == [0.5, 1.5]
    assert class_names(count_breaks(9)) == ["1", "2", "3–4", "5–8", "9"]
    values = pd.DataFrame({"code": ["59", "94", "75"], "name": ["Nord", "Val-de-Marne", "P"],
                           "value": [9.0, 4.0, float("nan")], "rank": [1.0, 2.0, float("nan")],
                           "n": float("nan"), "ci_low": float("nan"), "ci_high": float("nan")})
    update = count_update(values, ["59", "94", "75", "2A"],
                          {"count": "Initiatives", "unit": "Nombre"})
    assert update["z"] == [4, 2, None, None]  # class numbers; counts in the hover
    assert update["customdata"][0] == ["Nord (59)", "9"]
    assert update["colorbar"]["ticktext"] == ["1", "2", "3–4", "5–8", "9"]
    assert (update["zmin"], update["zmax"]) == (-0.5, 4.5)


def test_route_and_layout_read_the_filters_from_the_query():
    assert layout_at("/initiatives")[0] is page.layout
    ctx = PageContext(lang="fr", ref=REF, regions=REGIONS, geo=GEO,
                      query=parse_query("?domain=emploi&function=gestion_lieu&region=11"))
    layout = page.layout(ctx)
    assert find(layout, page.DOMAIN).value == "emploi"
    assert find(layout, page.FUNCTION).value == "gestion_lieu"
    assert find(layout, page.REGION).value == "11"
    options = [o["label"] for o in find(layout, page.FUNCTION).options]
    assert "Gestion d'un lieu" in options and "Pratique : Mécénat" in options
    stale = page.layout(PageContext(lang="en", ref=REF, regions=REGIONS, geo=GEO,
                                    query=parse_query("?domain=meteo&function=x")))
    assert find(stale, page.DOMAIN).value is None and find(stale, page.FUNCTION).value is None
    assert "Partnership initiatives" in text_of(stale)


def test_map_output_draws_departments_once_then_patches(demo_services):
    first = views.map_output(demo_services, Filters(), "fr", first=True)
    figure = first["figure"]
    assert isinstance(figure, go.Figure)
    assert figure.data[1].geojson == "/geo/department.geojson"
    assert len(figure.data[1].locations) == 101
    assert figure.layout.dragmode is False
    assert "3 initiative(s) sans département" in first["note"]
    assert first["store"]["rows"][0] == {"code": "59", "name": "Nord", "count": 9}
    assert sum(r["count"] for r in first["store"]["rows"]) == 27
    later = views.map_output(demo_services, Filters(region="32"), "en", first=False)
    assert isinstance(later["figure"], Patch)
    assert "Hauts-de-France" in later["title"]
    assert later["note"] == "Every initiative shown is located."


def test_list_output_lists_every_match_and_says_not_located(demo_services):
    listed = views.list_output(demo_services, Filters(function="dialogue_territorial"), "fr")
    rows = listed["store"]["rows"]
    assert len(rows) == 5 and "(5)" in listed["title"]
    national = next(r for r in rows if r["name"] == "Démarche ODD & CT du Comité 21")
    assert national["place"] == "non localisée"
    roubaix = next(r for r in rows if r["name"].startswith("Maison des Associations de Roub"))
    assert roubaix["place"] == "Nord (59), Hauts-de-France"
    assert roubaix["partners"] == "MDA Roubaix"
    assert "Dialogue territorial" in listed["title"]
    assert "Démarche ODD & CT du Comité 21" in text_of(listed["body"])
    nothing = views.list_output(demo_services, Filters(domain="sante"), "fr")
    assert nothing["store"]["rows"] == []
    assert "Aucune initiative ne correspond" in text_of(nothing["body"])


def test_notes_and_partners_are_in_the_page_language(demo_services):
    """The shipped file says each note and partner list in both languages: the French page
    has no English « Précision », the English page no French one."""

    def vitamine_t(lang: str) -> dict[str, str]:
        rows = views.list_output(demo_services, Filters(), lang)["store"]["rows"]
        return next(r for r in rows if r["name"] == "Vitamine T")

    french, english = vitamine_t("fr"), vitamine_t("en")
    assert french["note"] == "insertion par l'activité économique"
    assert french["partners"] == "14 SIAE ; entreprises ; écoles de la deuxième chance"
    assert english["note"] == "work integration"
    assert english["partners"].endswith("companies; second-chance schools")


def test_sources_are_cited_by_their_titles(demo_services):
    """A page names a source document by what it is, never by the file the project keeps."""
    listed = views.list_output(demo_services, Filters(), "fr")
    assert "Rapport PHARE" not in listed["source"]  # no initiative comes from it
    assert "Étude du Comité de Bassin d'Emploi Lille Métropole" in listed["source"]
    assert ".txt" not in listed["source"] + text_of(listed["body"])
    assert {r["source"] for r in listed["store"]["rows"]} <= {
        term_label(d, "fr") for d in demo_services.reference.documents.values()}
