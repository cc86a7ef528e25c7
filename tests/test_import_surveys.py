"""Survey microdata imports on a real database, and figures computed from them by hand."""
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from dashboard.analytics.survey_figures import FigureRequest, NoData, compute_figure
from dashboard.importers.errors import ImportRejected
from dashboard.importers.service import import_surveys, validate_file
from dashboard.models import Answer, Question, Respondent, Survey
from dashboard.reference import load_reference

FILES = Path(__file__).resolve().parent / "files"
REF = load_reference()


def approx(expected: float):
    """Figures are served rounded to 4 decimals."""
    return pytest.approx(expected, abs=1e-4)


def counts(engine) -> tuple[int, int, int]:
    """Waves, respondents and answers the dashboard reads (the effective versions)."""
    shown = select(Survey.id).where(Survey.effective)
    with Session(engine) as s:
        return (s.scalar(select(func.count()).select_from(shown.subquery())),
                s.scalar(select(func.count(Respondent.id)).where(
                    Respondent.survey_id.in_(shown))),
                s.scalar(select(func.count()).select_from(Answer).join(
                    Question, Question.id == Answer.question_id).where(
                    Question.survey_id.in_(shown))))


def figure(engine, **kwargs):
    request = FigureRequest(study="TEST-Entreprises", year=2015, actor="entreprises", **kwargs)
    with Session(engine) as s:
        return compute_figure(s, REF, request)


def test_survey_lands_as_respondents_and_long_answers(empty_engine):
    [report] = import_surveys(empty_engine, [FILES / "survey_ok.csv"])
    assert report.result.inserted == 4
    # answers: scores 4+3, priority 4, has_partnerships 4, modes 3, stage 4
    assert counts(empty_engine) == (1, 4, 22)
    with Session(empty_engine) as s:
        r = s.scalar(select(Respondent).where(Respondent.external_id == "r4"))
        assert (r.region_code, r.department_code, r.weight) == ("93", "06", 0.5)
        assert r.attributes == {"taille": "tpe"}


def test_figures_are_weighted_over_respondents_who_answered(empty_engine):
    import_surveys(empty_engine, [FILES / "survey_ok.csv"])
    mean = figure(empty_engine, domain="emploi", measure="mean_score")
    assert mean.value == approx((8 * 1 + 6 * 2 + 4 * 1 + 10 * 0.5) / 4.5)
    assert mean.n == 4 and mean.ci_low < mean.value < mean.ci_high
    # r2 did not answer mobilite: excluded from the denominator
    mobility = figure(empty_engine, domain="mobilite", measure="mean_score")
    assert (mobility.value, mobility.n) == (approx((5 + 7 + 1.5) / 2.5), 3)
    above = figure(empty_engine, domain="emploi", measure="share_score_above_6")
    assert above.value == approx(100 * 1.5 / 4.5)
    with_partners = figure(empty_engine, measure="share_with_partnerships")
    assert with_partners.value == approx(100 * 2.5 / 4.5)
    # modes asked only to those with partnerships (r1, r3, r4)
    mecenat = figure(empty_engine, measure="share_mode_mecenat")
    assert (mecenat.value, mecenat.n) == (approx(100 * 1.5 / 2.5), 3)
    engaged = figure(empty_engine, measure="share_territory_in_coconstruction")
    assert engaged.value == approx(100 * 3.5 / 4.5)
    emerging = figure(empty_engine, measure="share_coconstruction_just_emerging")
    assert emerging.value == approx(100 * 1.5 / 4.5)


def test_region_and_sub_population_filters(empty_engine):
    import_surveys(empty_engine, [FILES / "survey_ok.csv"])
    paca = figure(empty_engine, region="93", domain="emploi", measure="mean_score")
    assert (paca.value, paca.n) == (approx((4 + 5) / 1.5), 2)
    request = FigureRequest(study="TEST-Entreprises", year=2015, actor="entreprises_tpe",
                            domain="emploi", measure="mean_score")
    with Session(empty_engine) as s:
        tpe = compute_figure(s, REF, request)
    assert (tpe.value, tpe.n) == (approx((8 + 5) / 1.5), 2)
    lowest = figure(empty_engine, region="REGION_MIN", domain="emploi", measure="mean_score")
    assert lowest.region == "93"
    with pytest.raises(NoData):
        figure(empty_engine, region="44", domain="emploi", measure="mean_score")


def test_reimporting_the_same_survey_changes_nothing_and_a_new_version_replaces_it(
        empty_engine, tmp_path):
    import_surveys(empty_engine, [FILES / "survey_ok.csv"])
    [again] = import_surveys(empty_engine, [FILES / "survey_ok.csv"])
    assert not again.result.changed
    assert counts(empty_engine) == (1, 4, 22)
    revised = tmp_path / "survey_v2.csv"
    lines = (FILES / "survey_ok.csv").read_text(encoding="utf-8").splitlines()
    revised.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    [replaced] = import_surveys(empty_engine, [revised])
    assert replaced.result.updated == 1
    assert counts(empty_engine) == (1, 3, 16)  # the new version is what is read


def test_bad_rows_are_all_reported_with_row_and_column_and_nothing_written(empty_engine):
    with pytest.raises(ImportRejected) as caught:
        import_surveys(empty_engine, [FILES / "survey_bad_rows.csv"])
    found = {(p.row, p.column) for p in caught.value.problems}
    assert (3, "region") in found                # unknown region 99
    assert (4, "weight") in found                # weight 0
    assert (4, "department") in found            # 75 is not in region 93
    assert (5, "fragility_score.emploi") in found  # score 11
    assert (5, "has_partnerships") in found      # 'peut-être'
    assert (6, "actor") in found                 # sub-population given as actor
    actor_problem = next(p for p in caught.value.problems if p.column == "actor")
    assert "attr.taille" in actor_problem.message
    assert all(p.file == "survey_bad_rows.csv" for p in caught.value.problems)
    assert counts(empty_engine) == (0, 0, 0)


def test_duplicate_respondent_is_refused(empty_engine, tmp_path):
    path = tmp_path / "dup.csv"
    path.write_text("study,year,actor,respondent_id,region,weight,has_partnerships\n"
                    "T,2015,entreprises,a,11,1,1\nT,2015,entreprises,a,93,1,0\n",
                    encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        import_surveys(empty_engine, [path])
    assert (caught.value.problems[0].row, caught.value.problems[0].column) == \
        (3, "respondent_id")
    assert counts(empty_engine) == (0, 0, 0)


def test_unknown_question_columns_are_named(empty_engine):
    with pytest.raises(ImportRejected) as caught:
        import_surveys(empty_engine, [FILES / "survey_unknown_question.csv"])
    columns = {p.column for p in caught.value.problems}
    assert columns == {"fragility_score.chomage", "sondage_libre"}


def test_a_questions_file_extends_the_catalogue(empty_engine, tmp_path):
    questions = tmp_path / "questions.csv"
    questions.write_text("code,kind,items,options,label_fr,label_en\n"
                         "sondage_libre,yes_no,,,Question libre,Free question\n",
                         encoding="utf-8")
    path = tmp_path / "survey.csv"
    path.write_text("study,year,actor,respondent_id,region,weight,sondage_libre\n"
                    "T,2015,entreprises,a,11,1,oui\n", encoding="utf-8")
    assert "1 répondant, 1 réponse" in validate_file(empty_engine, path, questions=questions)
    import_surveys(empty_engine, [path], questions=questions)
    assert counts(empty_engine) == (1, 1, 1)
