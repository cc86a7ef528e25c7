"""Map values (analytics.maps, analytics.perception) on the demonstration database, and the
map's figure builders (figures.choropleth, figures.ranking, figures.style) on small frames."""
import math

import numpy as np
import pandas as pd
import pytest
from sqlalchemy.orm import Session

from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.maps import MapData, Subject, map_data, map_family
from dashboard.analytics.perception import item_table, survey_waves, waves_asking
from dashboard.analytics.survey_figures import FigureRequest, compute_figure
from dashboard.figures.choropleth import as_patch, base_map, legend_breaks, value_update
from dashboard.figures.ranking import ranking_bars
from dashboard.figures.style import (
    SEQUENTIAL,
    class_breaks,
    class_colour,
    separators,
    stepped_colourscale,
)
from dashboard.i18n.numbers import format_number
from dashboard.reference import load_reference

REF = load_reference()
LABELS = {"value": "Valeur", "rank": "Rang", "ci": "IC 95 %", "unit": "Note 0-10"}


@pytest.fixture
def frames(demo_engine):  # type: ignore[no-untyped-def]
    with Session(demo_engine) as session:
        index = compute_fragility_index(session)
        scores = item_table(session, REF, "PHARE-Citoyens", 2015, "citoyens", "mean_score")
        waves = survey_waves(session)
    regions = pd.DataFrame({"code": sorted(index.loc[index["territory_code"] != "FR",
                                                     "territory_code"].unique())})
    regions["name"] = regions["code"]
    return index, scores, waves, regions


def test_item_table_gives_every_domain_in_every_region_and_france_as_single_figures(
        demo_engine, frames):
    _index, scores, _waves, _regions = frames
    assert set(scores["item"]) == set(REF.domain_slugs)
    assert set(scores["territory_code"]) == {"FR", "11", "24", "27", "28", "32", "44", "52",
                                             "53", "75", "76", "84", "93", "94"}
    with Session(demo_engine) as session:
        single = compute_figure(session, REF, FigureRequest(
            "PHARE-Citoyens", 2015, "citoyens", "93", "securite", "mean_score"))
    row = scores[(scores["territory_code"] == "93") & (scores["item"] == "securite")].iloc[0]
    assert row["value"] == pytest.approx(single.value, abs=1e-3) and row["n"] == single.n


def test_waves_asking_lists_an_actors_scoring_waves_newest_first(frames):
    waves = waves_asking(frames[2], "citoyens", "fragility_score")
    assert [(w.study, w.year) for w in waves] == [("IMPACT-Citoyens", 2019),
                                                  ("PHARE-Citoyens", 2015)]
    assert waves[0].key == "IMPACT-Citoyens:2019" and all(w.demo for w in waves)


def test_subjects_parse_domains_axes_and_indicators_and_refuse_the_rest():
    assert Subject.parse("mobilite", REF) == Subject("domain", "mobilite")
    assert Subject.parse("axe:social", REF).domains(REF) == (
        "pauvrete", "mal_logement", "diversite_handicap", "vieillissement", "lien_social")
    assert Subject.parse("ind:taux_chomage", REF).kind == "indicator"
    with pytest.raises(ValueError):
        Subject.parse("meteo", REF)


def test_index_map_ranks_regions_and_places_france_apart(frames):
    index, scores, _waves, regions = frames
    data = map_data(Subject("domain", "securite"), "index", REF, regions, index)
    assert data.unit == "index_0_10" and data.france is not None
    top = data.values.iloc[0]
    assert top["code"] == "93" and top["rank"] == 1  # PACA: the highest security index
    assert "FR" not in set(data.values["code"])


def test_perception_map_carries_n_and_intervals_and_the_gap_is_perception_minus_index(frames):
    index, scores, _waves, regions = frames
    wave = ("PHARE-Citoyens", 2015)
    perceived = map_data(Subject("domain", "numerique"), "perception", REF, regions, index,
                         scores, wave=wave).values.set_index("code")
    gap = map_data(Subject("domain", "numerique"), "gap", REF, regions, index, scores,
                   wave=wave).values.set_index("code")
    idx = index[index["domain"] == "numerique"].set_index("territory_code")["index"]
    assert perceived.loc["93", "n"] > 100
    assert perceived.loc["93", "ci_low"] < perceived.loc["93", "value"] < perceived.loc["93",
                                                                                        "ci_high"]
    assert gap.loc["93", "value"] == pytest.approx(perceived.loc["93", "value"] - idx["93"])
    assert gap.loc["93", "rank"] == gap["rank"].max()  # PACA: the most under-perceived


def test_axis_perception_averages_its_domains_without_a_false_interval(frames):
    index, scores, _waves, regions = frames
    axis = map_data(Subject("axis", "environnemental"), "perception", REF, regions, index,
                    scores, wave=("PHARE-Citoyens", 2015)).values.set_index("code")
    both = scores[(scores["territory_code"] == "11") &
                  scores["item"].isin(["environnement", "transition_energetique"])]
    assert axis.loc["11", "value"] == pytest.approx(both["value"].mean())
    assert axis.loc["11", "n"] == both["n"].min()
    assert math.isnan(axis.loc["11", "ci_low"])


def test_a_family_of_maps_equals_its_views_computed_one_by_one(frames):
    index, scores, _waves, regions = frames
    subjects = [Subject("domain", d) for d in REF.domain_slugs] + [Subject("axis", "social")]
    family = map_family(subjects, "gap", REF, regions, index, scores, ("PHARE-Citoyens", 2015))
    for subject in (subjects[0], subjects[-1]):
        alone = map_data(subject, "gap", REF, regions, index, scores,
                         wave=("PHARE-Citoyens", 2015))
        pd.testing.assert_frame_equal(family[subject].values, alone.values)
        assert family[subject].france == alone.france


def test_regions_without_survey_data_stay_in_the_map_without_a_value(frames):
    index, scores, _waves, regions = frames
    data = map_data(Subject("domain", "emploi"), "perception", REF, regions, index, scores,
                    wave=("PHARE-Citoyens", 2015))
    overseas = data.values.set_index("code").loc["04"]
    assert math.isnan(overseas["value"]) and math.isnan(overseas["rank"])


def sample_map(unit: str = "score_0_10") -> MapData:
    values = pd.DataFrame({"code": ["11", "93", "94"], "name": ["IdF", "PACA", "Corse"],
                           "value": [6.0, 4.0, np.nan], "rank": [1.0, 2.0, np.nan],
                           "n": [300.0, 200.0, np.nan], "ci_low": [5.8, 3.7, np.nan],
                           "ci_high": [6.2, 4.3, np.nan]})
    return MapData(values, 5.0, unit, {"study": "X", "year": 2015, "n": 500})


def test_value_update_sends_values_hover_and_a_stepped_legend_in_french():
    update = value_update(sample_map(), ["11", "93", "94"], "equal", LABELS, "fr")
    assert update["z"] == [6.0, 4.0, None]
    assert update["customdata"][0] == ["IdF", "1/2", "300", "[5,80 ; 6,20]"]
    assert update["customdata"][2][1:] == ["–", "–", "–"]
    assert "n = %{customdata[2]}" in update["hovertemplate"]
    assert update["zmin"] == 4.0 and update["zmax"] == 6.0
    assert update["colorbar"]["ticktext"][0] == "4,0"


def test_patch_touches_only_the_value_layer():
    patch = as_patch(value_update(sample_map(), ["11", "93", "94"], "quantile", LABELS))
    operations = patch.to_plotly_json()["operations"]
    assert operations and all(op["location"][:2] == ["data", 1] for op in operations)


def test_base_map_has_the_geometry_by_url_a_grey_layer_and_inset_frames():
    figure = base_map(["11", "93"], (-9.0, 41.0, 10.0, 51.5),
                      {"01": {"name": "Guadeloupe", "box": [-9.0, 49.3, -6.4, 51.1]}})
    assert figure.data[0].geojson == "/geo/region.geojson"
    assert figure.data[1].geojson == "/geo/region.geojson" and figure.data[0].showscale is False
    assert list(figure.data[3].text) == ["Guadeloupe"]
    assert figure.layout.geo.visible is False and figure.layout.dragmode is False
    assert len(figure.to_json()) < 12_000  # no shapes inside the figure


def test_gap_legends_are_symmetric_around_zero():
    data = sample_map("gap")
    data.values.loc[:, "value"] = [2.5, -1.0, np.nan]
    breaks = legend_breaks(data, "quantile")
    assert breaks[0] == -breaks[-1] == -2.5


def test_class_breaks_quantiles_and_equal_intervals():
    values = [1.0, 2.0, 3.0, 4.0, 100.0]
    assert class_breaks(values, "equal", classes=4) == [1.0, 25.75, 50.5, 75.25, 100.0]
    quantile = class_breaks(values, "quantile", classes=4)
    assert quantile[0] == 1.0 and quantile[-1] == 100.0 and quantile[2] == 3.0
    assert class_breaks([], "quantile") == [0.0, 1.0]
    assert class_breaks([5.0, 5.0], "equal") == [4.5, 5.5]


def test_stepped_scale_gives_one_flat_colour_per_class():
    breaks = [0.0, 1.0, 3.0]
    scale = stepped_colourscale(breaks, SEQUENTIAL)
    assert scale[0] == [0.0, SEQUENTIAL[0]] and scale[-1] == [1.0, SEQUENTIAL[-1]]
    assert class_colour(0.5, breaks, scale) == SEQUENTIAL[0]
    assert class_colour(2.9, breaks, scale) == SEQUENTIAL[-1]
    assert class_colour(float("nan"), breaks, scale) != SEQUENTIAL[0]


def test_numbers_are_written_the_french_or_english_way():
    assert format_number(12345.678, 1, "fr") == "12\u202f345,7"
    assert format_number(12345.678, 1, "en") == "12,345.7"
    assert format_number(None) == "–" and format_number(float("nan")) == "–"
    assert separators("fr") == ",\u202f" and separators("en") == ".,"


def test_ranking_puts_the_highest_on_top_with_the_france_line_and_region_codes():
    data = sample_map()
    figure = ranking_bars(data.values, 5.0, [4.0, 5.0, 6.0], SEQUENTIAL, "France 5,0",
                          "Note", "fr")
    bar = figure["data"][0]
    assert bar["y"] == ["PACA", "IdF"] and bar["customdata"] == ["93", "11"]  # bottom → top
    assert figure["layout"]["shapes"][0]["x0"] == 5.0
    assert figure["layout"]["annotations"][0]["text"] == "France 5,0"
    assert figure["layout"]["xaxis"]["fixedrange"] and figure["layout"]["dragmode"] is False
