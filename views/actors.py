"""Regards croisés' views: plain functions (services, the territory, the citizens' wave, the
language in; a `View` out) that the page's callbacks, slides and a printed report call."""
from __future__ import annotations

from typing import Any

from dash import html

from dashboard import data_access
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.actors import priority_bars, profile_chart, wave_change_chart
from dashboard.figures.style import ACTOR_COLOURS
from dashboard.i18n.labels import t, term_label
from dashboard.i18n.numbers import format_number, format_percent
from dashboard.services import Services
from layouts.components import empty_state, graph
from views.common import View, axis_labels, domain_labels, interval_columns, records, source_line
from views.domain import actor_cells, cell, column_labels, waves_with_n


def territory_name(svc: Services, code: str | None, lang: str) -> str:
    if not code or code == NATIONAL:
        return t("france", lang)
    known = data_access.regions(svc)
    names = dict(zip(known["code"], known["name"], strict=True))
    return str(names.get(code, code))


def _empty(title: str, filename: str, lang: str, message: str = "") -> View:
    return View(empty_state(message or t("no_data", lang, what=title)), title, "",
                     {"filename": filename, "columns": [], "rows": []})


def profiles_view(svc: Services, region: str, wave: str | None, lang: str) -> View:
    """Every actor's perceived score for the 16 domains in one territory."""
    frame, picked = data_access.actor_measure(svc, "mean_score", region, wave)
    where = territory_name(svc, region, lang)
    title = t("acteurs_profile_title", lang, where=where)
    filename = f"acteurs_notes_{region}.csv"
    if frame.empty or frame["value"].isna().all():
        return _empty(title, filename, lang)
    actors = [a for a in svc.reference.actor_slugs if a in picked]
    labels = column_labels(picked, svc.reference.actor_slugs, lang)
    figure = profile_chart(frame, domain_labels(svc.reference, lang),
                           axis_labels(svc.reference, lang), labels,
                           {"value": t("acteurs_score", lang), "ci": t("ci", lang),
                            "unit": t("unit_score_0_10", lang)}, lang)
    long_names = domain_labels(svc.reference, lang, short=False)
    axes = axis_labels(svc.reference, lang)
    columns = [("domain", t("acteurs_domain", lang)), ("axis", t("acteurs_axis", lang))]
    for actor in actors:
        columns += [(actor, labels[actor]), (f"{actor}_n", f"{t('n', lang)} {labels[actor]}")]
    rows = []
    for domain, group in frame.groupby("domain", sort=False):
        rows.append({"domain": long_names[str(domain)], "axis": axes[group["axis"].iloc[0]],
                     **actor_cells(group, actors)})
    demo = any(w.demo for w in picked.values())
    source = source_line(lang, waves_with_n(picked, frame, lang),
                         t("domaine_matrix_note", lang), demo=demo)
    return View(graph("actors-profile-graph", figure, title, lang=lang), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def top_line(ranking: Any, actor: str, names: dict[str, str], lang: str) -> str:
    """'Priorités : 1. Emploi (62 %), 2. Pauvreté (41 %), 3. …'."""
    top = ranking[(ranking["actor"] == actor) & ranking["top"]].sort_values("rank")
    items = ", ".join(f"{int(r.rank)}. {names[r.domain]} ({format_percent(r.value, 0, lang)})"
                      for r in records(top))
    return t("acteurs_top", lang, items=items)


def priorities_view(svc: Services, region: str, wave: str | None, lang: str) -> View:
    """Each actor's domains by the share naming them a priority, the top 3 called out."""
    ranking, picked = data_access.actor_priorities(svc, region, wave)
    where = territory_name(svc, region, lang)
    title = t("acteurs_priorities_title", lang, where=where)
    filename = f"acteurs_priorites_{region}.csv"
    if ranking.empty or ranking["value"].isna().all():
        return _empty(title, filename, lang)
    names = domain_labels(svc.reference, lang)
    labels = column_labels(picked, svc.reference.actor_slugs, lang)
    figure_labels = {"value": t("acteurs_share", lang), "ci": t("ci", lang),
                     "unit": t("acteurs_share", lang)}
    panels = []
    for actor in (a for a in svc.reference.actor_slugs if a in picked):
        panels.append(html.Div([
            html.H3([html.Span("■ ", style={"color": ACTOR_COLOURS.get(actor, "#777")}),
                     term_label(next(a for a in svc.reference.actors if a.slug == actor), lang),
                     f" ({picked[actor].study} {picked[actor].year})"],
                    className="facet-title"),
            html.P(top_line(ranking, actor, names, lang), className="facet-top"),
            graph(f"actors-priority-{actor}", priority_bars(ranking, actor, names,
                                                           figure_labels, lang),
                  f"{title} — {labels[actor]}", lang=lang),
        ], className="facet"))
    long_names = domain_labels(svc.reference, lang, short=False)
    columns = [("actor", t("domaine_actor", lang)), ("rank", t("acteurs_rank", lang)),
               ("domain", t("acteurs_domain", lang)), ("value", t("acteurs_share", lang)),
               ("n", t("n", lang)), *interval_columns(lang)]
    rows = [{"actor": labels[r.actor], "rank": None if r.rank != r.rank else int(r.rank),
             "domain": long_names[r.domain], "value": cell(r.value),
             "n": None if r.n != r.n else int(r.n), "ci_low": cell(r.ci_low),
             "ci_high": cell(r.ci_high)} for r in records(ranking)]
    demo = any(w.demo for w in picked.values())
    source = source_line(lang, waves_with_n(picked, ranking, lang),
                         t("acteurs_priorities_note", lang), demo=demo)
    return View(html.Div(panels, className="facets"), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def waves_view(svc: Services, region: str, lang: str) -> View:
    """Citizens' scores per domain in their two waves, and the change."""
    where = territory_name(svc, region, lang)
    filename = f"acteurs_citoyens_vagues_{region}.csv"
    result = data_access.citizens_comparison(svc, region)
    if result is None:
        title = t("acteurs_waves_title", lang, before="–", after="–", where=where)
        return _empty(title, filename, lang, t("acteurs_single_wave", lang))
    comparison, before, after = result
    before_name, after_name = f"{before.study} {before.year}", f"{after.study} {after.year}"
    title = t("acteurs_waves_title", lang, before=before_name, after=after_name, where=where)
    if comparison[["before", "after"]].isna().all().all():
        return _empty(title, filename, lang)
    figure = wave_change_chart(comparison, domain_labels(svc.reference, lang),
                               {"before": before_name, "after": after_name,
                                "change": t("acteurs_change", lang),
                                "change_short": t("acteurs_change_short", lang),
                                "value": t("acteurs_score", lang),
                                "unit": t("unit_score_0_10", lang)}, lang)
    long_names = domain_labels(svc.reference, lang, short=False)
    axes = axis_labels(svc.reference, lang)
    columns = [("domain", t("acteurs_domain", lang)), ("axis", t("acteurs_axis", lang)),
               ("before", before_name), ("before_n", f"{t('n', lang)} {before_name}"),
               ("after", after_name), ("after_n", f"{t('n', lang)} {after_name}"),
               ("change", t("acteurs_change", lang))]
    rows = [{"domain": long_names[r.domain], "axis": axes[r.axis], "before": cell(r.before),
             "before_n": None if r.before_n != r.before_n else int(r.before_n),
             "after": cell(r.after),
             "after_n": None if r.after_n != r.after_n else int(r.after_n),
             "change": cell(r.change)} for r in records(comparison)]
    n_before, n_after = comparison["before_n"].max(), comparison["after_n"].max()
    text = ", ".join(t("domaine_wave_n", lang, study=w.study, year=w.year,
                       n=format_number(None if n != n else float(n), 0, lang))
                     for w, n in ((before, n_before), (after, n_after)))
    source = source_line(lang, text, t("acteurs_change_note", lang, before=before.year,
                                         after=after.year), demo=before.demo or after.demo)
    return View(graph("actors-waves-graph", figure, title, lang=lang), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})
