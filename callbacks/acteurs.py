"""Regards croisés callbacks: thin wiring from the territory and the citizens' wave to
`dashboard.data_access` and the figure builders; each chart is one plain `*_view` function
below, which tests call directly."""
from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, html

from callbacks.domaine import (
    actor_cells,
    ChartView,
    clean,
    column_labels,
    source_text,
    waves_with_n,
)
from callbacks.map_view import register_lazy_tables, wave_options
from dashboard import data_access
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.figures.actors import percent, priority_bars, profile_chart, wave_change_chart
from dashboard.figures.style import ACTOR_COLOURS, format_number
from dashboard.services import Services, services
from layouts import ids
from layouts.components import empty_state, graph
from layouts.context import build_search
from layouts.labels import t, term_label
from layouts.pages import acteurs as page


def territory_name(svc: Services, code: str | None, lang: str) -> str:
    if not code or code == NATIONAL:
        return t("france", lang)
    names = dict(zip(data_access.regions(svc)["code"], data_access.regions(svc)["name"]))
    return str(names.get(code, code))


def domain_labels(svc: Services, lang: str, short: bool = True) -> dict[str, str]:
    return {d.slug: term_label(d, lang, short=short) for d in svc.reference.domains}


def axis_labels(svc: Services, lang: str) -> dict[str, str]:
    return {a.slug: term_label(a, lang) for a in svc.reference.axes}


def _empty(title: str, filename: str, lang: str, message: str = "") -> ChartView:
    return ChartView(empty_state(message or t("no_data", lang, what=title)), title, "",
                     {"filename": filename, "columns": [], "rows": []})


def profiles_view(svc: Services, region: str, wave: str | None, lang: str) -> ChartView:
    """Every actor's perceived score for the 16 domains in one territory."""
    frame, picked = data_access.actor_measure(svc, "mean_score", region, wave)
    where = territory_name(svc, region, lang)
    title = t("acteurs_profile_title", lang, where=where)
    filename = f"acteurs_notes_{region}.csv"
    if frame.empty or frame["value"].isna().all():
        return _empty(title, filename, lang)
    actors = [a for a in svc.reference.actor_slugs if a in picked]
    labels = column_labels(picked, svc.reference.actor_slugs, lang)
    figure = profile_chart(frame, domain_labels(svc, lang), axis_labels(svc, lang), labels,
                           {"value": t("acteurs_score", lang), "ci": t("ci", lang),
                            "unit": t("unit_score_0_10", lang)}, lang)
    long_names = domain_labels(svc, lang, short=False)
    axes = axis_labels(svc, lang)
    columns = [("domain", t("acteurs_domain", lang)), ("axis", t("acteurs_axis", lang))]
    for actor in actors:
        columns += [(actor, labels[actor]), (f"{actor}_n", f"{t('n', lang)} {labels[actor]}")]
    rows = []
    for domain, group in frame.groupby("domain", sort=False):
        rows.append({"domain": long_names[str(domain)], "axis": axes[group["axis"].iloc[0]],
                     **actor_cells(group, actors)})
    demo = any(w.demo for w in picked.values())
    source = source_text(lang, waves_with_n(picked, frame, lang),
                         t("domaine_matrix_note", lang), demo=demo)
    return ChartView(graph("actors-profile-graph", figure, title), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def top_line(ranking: Any, actor: str, names: dict[str, str], lang: str) -> str:
    """'Priorités : 1. Emploi (62 %), 2. Pauvreté (41 %), 3. …'."""
    top = ranking[(ranking["actor"] == actor) & ranking["top"]].sort_values("rank")
    items = ", ".join(f"{int(r.rank)}. {names[r.domain]} ({percent(r.value, lang)})"
                      for r in top.itertuples(index=False))
    return t("acteurs_top", lang, items=items)


def priorities_view(svc: Services, region: str, wave: str | None, lang: str) -> ChartView:
    """Each actor's domains by the share naming them a priority, the top 3 called out."""
    ranking, picked = data_access.actor_priorities(svc, region, wave)
    where = territory_name(svc, region, lang)
    title = t("acteurs_priorities_title", lang, where=where)
    filename = f"acteurs_priorites_{region}.csv"
    if ranking.empty or ranking["value"].isna().all():
        return _empty(title, filename, lang)
    names = domain_labels(svc, lang)
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
                  f"{title} — {labels[actor]}"),
        ], className="facet"))
    long_names = domain_labels(svc, lang, short=False)
    columns = [("actor", t("domaine_actor", lang)), ("rank", t("acteurs_rank", lang)),
               ("domain", t("acteurs_domain", lang)), ("value", t("acteurs_share", lang)),
               ("n", t("n", lang)), ("ci_low", t("ci", lang) + " −"),
               ("ci_high", t("ci", lang) + " +")]
    rows = [{"actor": labels[r.actor], "rank": None if r.rank != r.rank else int(r.rank),
             "domain": long_names[r.domain], "value": clean(r.value),
             "n": None if r.n != r.n else int(r.n), "ci_low": clean(r.ci_low),
             "ci_high": clean(r.ci_high)} for r in ranking.itertuples(index=False)]
    demo = any(w.demo for w in picked.values())
    source = source_text(lang, waves_with_n(picked, ranking, lang),
                         t("acteurs_priorities_note", lang), demo=demo)
    return ChartView(html.Div(panels, className="facets"), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def waves_view(svc: Services, region: str, lang: str) -> ChartView:
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
    figure = wave_change_chart(comparison, domain_labels(svc, lang),
                               {"before": before_name, "after": after_name,
                                "change": t("acteurs_change", lang),
                                "change_short": t("acteurs_change_short", lang),
                                "value": t("acteurs_score", lang),
                                "unit": t("unit_score_0_10", lang)}, lang)
    long_names = domain_labels(svc, lang, short=False)
    axes = axis_labels(svc, lang)
    columns = [("domain", t("acteurs_domain", lang)), ("axis", t("acteurs_axis", lang)),
               ("before", before_name), ("before_n", f"{t('n', lang)} {before_name}"),
               ("after", after_name), ("after_n", f"{t('n', lang)} {after_name}"),
               ("change", t("acteurs_change", lang))]
    rows = [{"domain": long_names[r.domain], "axis": axes[r.axis], "before": clean(r.before),
             "before_n": None if r.before_n != r.before_n else int(r.before_n),
             "after": clean(r.after),
             "after_n": None if r.after_n != r.after_n else int(r.after_n),
             "change": clean(r.change)} for r in comparison.itertuples(index=False)]
    n_before, n_after = comparison["before_n"].max(), comparison["after_n"].max()
    text = ", ".join(t("domaine_wave_n", lang, study=w.study, year=w.year,
                       n=format_number(None if n != n else float(n), 0, lang))
                     for w, n in ((before, n_before), (after, n_after)))
    source = source_text(lang, text, t("acteurs_change_note", lang, before=before.year,
                                         after=after.year), demo=before.demo or after.demo)
    return ChartView(graph("actors-waves-graph", figure, title), title, source,
                     {"filename": filename, "columns": columns, "rows": rows})


def view_search(svc: Services, region: str | None, wave: str | None, lang: str) -> str:
    """The page's state as a query string; defaults left out."""
    newest = data_access.score_waves(svc, "citoyens")
    return build_search({"region": region if region and region != NATIONAL else None,
                         "wave": wave if newest and wave != newest[0].key else None}, lang)


def register(app: Dash) -> None:
    @app.callback(Output(page.WAVE, "options"), Output(page.WAVE, "value"),
                  Input(page.REGION, "value"), State(page.WAVE, "value"))
    def citizen_waves(_region: str, current: str | None) -> tuple[list[dict[str, str]], Any]:
        return wave_options(data_access.score_waves(services(app.server), "citoyens"), current)

    def outputs(chart: str, body: str) -> list[Output]:
        return [Output(body, "children"), Output(f"{chart}-title", "children"),
                Output(f"{chart}-source", "children"), Output(ids.chart_data(chart), "data")]

    @app.callback(*outputs("actors-profile", page.PROFILE_BODY),
                  Input(page.REGION, "value"), Input(page.WAVE, "value"),
                  State(ids.LANG, "data"))
    def update_profiles(region: str, wave: str | None, lang: str) -> tuple[Any, ...]:
        view = profiles_view(services(app.server), region or NATIONAL, wave, lang)
        return view.body, view.title, view.source, view.store

    @app.callback(*outputs("actors-priorities", page.PRIORITIES_BODY),
                  Input(page.REGION, "value"), Input(page.WAVE, "value"),
                  State(ids.LANG, "data"))
    def update_priorities(region: str, wave: str | None, lang: str) -> tuple[Any, ...]:
        view = priorities_view(services(app.server), region or NATIONAL, wave, lang)
        return view.body, view.title, view.source, view.store

    @app.callback(*outputs("actors-waves", page.WAVES_BODY),
                  Input(page.REGION, "value"), State(ids.LANG, "data"))
    def update_waves(region: str, lang: str) -> tuple[Any, ...]:
        view = waves_view(services(app.server), region or NATIONAL, lang)
        return view.body, view.title, view.source, view.store

    register_lazy_tables(app, page.CHARTS)

    @app.callback(Output(ids.URL, "search", allow_duplicate=True),
                  Input(page.REGION, "value"), Input(page.WAVE, "value"),
                  State(ids.LANG, "data"), prevent_initial_call=True)
    def remember_view(region: str | None, wave: str | None, lang: str) -> str:
        """The territory and the citizens' wave in the URL: a copied link reproduces the
        view."""
        return view_search(services(app.server), region, wave, lang)
