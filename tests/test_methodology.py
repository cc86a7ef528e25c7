"""Methodology: the page renders in both languages with its method sections, and lists the
survey waves and the demonstration datasets the database holds."""
import pytest
from sqlalchemy.orm import Session

from component_helpers import find, layout_at, text_of
from dashboard.analytics.methodology import dataset_list, wave_sizes
from dashboard.reference import load_reference
from dashboard.services import services
from layouts.context import PageContext
from layouts.pages import methodology as page
from test_pages import GEO
from views import methodology as views

REF = load_reference()
REGIONS = ({"code": "94", "name": "Corse"}, {"code": "52", "name": "Pays de la Loire"})


def test_wave_sizes_count_the_respondents_of_every_wave(demo_engine):
    with Session(demo_engine) as session:
        sizes = wave_sizes(session)
    assert len(sizes) == 8
    by = {(r["study"], r["year"], r["actor"]): r for r in sizes.to_dict("records")}
    assert by[("PHARE-Entreprises", 2015, "entreprises")]["respondents"] == 2051
    assert by[("ARPEA", 2011, "entreprises")]["file"] == "arpea_entreprises_2011.csv"
    assert sizes["demo"].all() and list(sizes["year"]) == sorted(sizes["year"])


def test_dataset_list_says_which_datasets_are_demonstration_data(demo_engine):
    with Session(demo_engine) as session:
        datasets = dataset_list(session)
    demo = datasets[datasets["demo"]]
    assert "phare_entreprises_2015.csv" in set(demo["file"])
    assert "indicators.csv" in set(demo["file"])
    cited = datasets[~datasets["demo"]]
    assert set(cited["file"]) == {"published_figures.csv", "initiatives.csv"}
    assert list(datasets["demo"]) == sorted(datasets["demo"], reverse=True)


@pytest.mark.parametrize("lang, expected", [
    ("fr", ["Méthodologie", "Sources", "Kish", "Wilson", "Licence Ouverte",
            "(max − min)", "lecture de ce projet",
            "Écart = fragilité perçue", "IGN, ADMIN EXPRESS", "ARPEA (2008-2012)",
            "IMPACT (2018-2022)", "PHARE (2013-2017)"]),
    ("en", ["Methodology", "Sources", "Kish", "Wilson", "Licence Ouverte", "(max − min)",
            "this project's reading", "Gap = perceived fragility", "ADMIN EXPRESS",
            "ARPEA (2008-2012)"]),
])
def test_page_renders_in_both_languages(lang, expected):
    assert layout_at("/methodologie")[0] is page.layout
    layout = page.layout(PageContext(lang=lang, ref=REF, regions=REGIONS, geo=GEO))
    text = text_of(layout)
    for phrase in expected:
        assert phrase in text, phrase
    # the generator's choice of extreme regions is said, with the regions' names
    assert "Corse" in text and "Pays de la Loire" in text
    assert "Environnement" in text or "Environment" in text  # the axes list their domains
    assert find(layout, page.WAVES) is not None and find(layout, page.DEMO_LIST) is not None


@pytest.mark.parametrize("lang, heading, kind", [
    ("fr", "Jeux de données de démonstration actifs (11)", "enquête"),
    ("en", "Active demonstration datasets (11)", "survey"),
])
def test_facts_list_the_waves_and_the_demo_datasets(demo_services, lang, heading, kind):
    waves, demo, table = views.facts_output(demo_services, lang)
    demo_text = text_of(demo)
    assert heading in demo_text
    for file in ("phare_entreprises_2015.csv", "arpea_entreprises_2011.csv", "indicators.csv",
                 "taux_chomage_departements_2019.csv"):
        assert file in demo_text
    assert kind in demo_text and "published_figures.csv" not in demo_text
    assert "PHARE-Institutions" in text_of(waves) and "318" in text_of(waves)
    assert "published_figures.csv" in text_of(table)
    assert "load-demo" in text_of(table)  # who imported each version, and when


def test_facts_say_when_there_is_no_demonstration_data(empty_url, make_app):
    svc = services(make_app(empty_url).server)
    waves, demo, _table = views.facts_output(svc, "fr")
    assert "Aucune donnée de démonstration" in text_of(demo)
    assert "Aucune enquête en base" in text_of(waves)
