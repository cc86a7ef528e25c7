"""What the commune pages show: the commune's card (`/commune/<code>`: identity, its
department on a map of its region, where to go next), the page for a code no commune has,
and the search results (`/communes?q=…`). Plain functions (a commune or a query, the
language → components), called by the pages' prefilled callbacks and usable by a report.

Everything here is real public data (INSEE, IGN, La Poste, DGCL: data/geo/SOURCES.md), never
the demonstration survey data."""
from __future__ import annotations

from typing import Any

from dash import dcc, html

from dashboard.commune_bands import band_of
from dashboard.communes import (
    FORMER_KINDS,
    POPULATION_YEAR,
    RESULTS_PATH,
    Commune,
    commune_index,
    former_label,
    former_match,
)
from dashboard.figures.choropleth import VALUE_TRACE, base_map, highlight_update
from dashboard.geography import features_bounds, load_geojson
from dashboard.i18n.labels import count_key, french_of, t
from dashboard.i18n.numbers import format_number
from dashboard.limits import MAX_QUERY_CHARS, MAX_SEARCH_RESULTS
from dashboard.paths import action_path, commune_path, region_path
from layouts.components import aria, empty_state, graph, report_link, view_card
from layouts.context import href
from layouts.pages import commune as page
from layouts.search import search_form
from views.common import View, csv_store, source_line

HIGHLIGHT = "#0b5cad"  # the site's accent colour: the commune's department
MAP_HEIGHT = 420
# as tall as wide on a phone: plotly keeps the map's proportions, and a region is about
# as tall as it is wide, so a taller frame would cut it at the sides
MAP_CSS_HEIGHT = f"min({MAP_HEIGHT}px, 90vw)"
MAP_PADDING = 0.08  # share of the region's width and height left around it


def _facts(commune: Commune, lang: str) -> list[tuple[str, str]]:
    band = band_of(commune.population).label(lang)
    return [
        (t("commune_population", lang, year=POPULATION_YEAR),
         t("commune_inhabitants", lang, n=format_number(float(commune.population), 0, lang))),
        (t("commune_size", lang), band),
        (t("commune_department", lang), f"{commune.department_name} ({commune.department})"),
        (t("commune_region", lang), commune.region_name),
        (t("commune_epci", lang), commune.epci_name or t("commune_no_epci", lang)),
        (t("commune_code", lang), commune.code),
        (t("commune_postcodes", lang),
         ", ".join(commune.postcodes) or t("commune_no_postcode", lang)),
    ] + ([(t("commune_former", lang), ", ".join(f.name for f in commune.former))]
         if commune.former else [])


def identity_section(commune: Commune, lang: str) -> View:
    """The commune's identity card, and the same facts as a CSV."""
    facts = _facts(commune, lang)
    body = html.Dl([part for label, value in facts
                    for part in (html.Dt(label), html.Dd(value))], className="facts")
    columns = [("item", t("commune_fact", lang)), ("value", t("commune_value", lang))]
    rows = [{"item": label, "value": value} for label, value in facts]
    return View(body, t("commune_identity_title", lang, name=commune.name),
                source_line(lang, t("commune_source", lang, year=POPULATION_YEAR)),
                csv_store(f"commune_{commune.code}.csv", columns, rows))


def department_map(commune: Commune, lang: str) -> tuple[Any, dict[str, str]]:
    """The region's departments in grey, the commune's in the accent colour, zoomed on the
    region (the geometry is the app's `/geo/department.geojson`, fetched once per browser),
    and the departments' names by code."""
    features = [f["properties"] for f in load_geojson("department")["features"]
                if f["properties"]["region"] == commune.region]
    codes = [str(p["code"]) for p in features]
    names = {str(p["code"]): str(p["name"]) for p in features}
    lon_min, lat_min, lon_max, lat_max = features_bounds("department", tuple(codes))
    figure = base_map(codes, (lon_min, lat_min, lon_max, lat_max), {}, lang, level="department")
    figure.data[VALUE_TRACE].update(**highlight_update(codes, commune.department, names,
                                                       HIGHLIGHT))
    pad_lon, pad_lat = (lon_max - lon_min) * MAP_PADDING, (lat_max - lat_min) * MAP_PADDING
    figure.update_geos(lonaxis_range=[lon_min - pad_lon, lon_max + pad_lon],
                       lataxis_range=[lat_min - pad_lat, lat_max + pad_lat])
    figure.update_layout(height=MAP_HEIGHT, margin={"l": 0, "r": 0, "t": 8, "b": 8})
    return figure, names


def map_section(commune: Commune, lang: str) -> View:
    """The commune's department on a map of its region's departments, and the list of them."""
    figure, names = department_map(commune, lang)
    label = t("commune_map_label", lang, region=commune.region_name,
              department=commune.department_name)
    here = t("commune_map_here", lang)
    rows = [{"code": code, "name": name, "shown": here if code == commune.department else ""}
            for code, name in names.items()]
    columns = [("code", t("code", lang)), ("name", t("commune_department", lang)),
               ("shown", t("commune_map_shown", lang))]
    title = t("commune_map_title" if len(names) > 1 else "commune_map_title_single", lang,
              department=commune.department_name, region=commune.region_name)
    return View(graph(page.MAP_GRAPH, figure, label=label, height=MAP_CSS_HEIGHT,
                      lang=lang), title,
                source_line(lang, t("commune_map_source", lang)),
                csv_store(f"commune_{commune.code}_departements.csv", columns, rows))


def next_steps(commune: Commune, lang: str) -> html.Section:
    """Where a mayor goes from here: the region's diagnosis, then what to do about it, and
    the report to take to the council."""
    return html.Section([
        html.H2(t("commune_next", lang), id=f"{page.NEXT}-title"),
        html.Ul([
            html.Li(dcc.Link(t("commune_region_link", lang, region=commune.region_name),
                             href=href(region_path(commune.region), lang))),
            html.Li(dcc.Link(t("commune_action_link", lang, region=commune.region_name),
                             href=href(action_path(commune.region), lang),
                             className="action-link")),
            html.Li(report_link("commune", commune.code, lang)),
            html.Li(dcc.Link(t("commune_other", lang), href=href(RESULTS_PATH, lang))),
        ], className="next-steps"),
    ], id=page.NEXT, className="chart-card text-card", **aria(labelledby=f"{page.NEXT}-title"))


def card(code: str, lang: str) -> list[Any]:
    """The card of the commune with this INSEE code, or the page saying no commune has it."""
    commune = commune_index().get(code)
    if commune is None:
        return unknown(code, lang)
    identity = identity_section(commune, lang)
    shown = map_section(commune, lang)
    return [
        html.H1(commune.name),
        html.P(t("commune_intro", lang, department=commune.department_name,
                 department_code=commune.department, region=commune.region_name),
               className="intro"),
        html.Div([
            view_card(page.IDENTITY, lang, identity.title, identity.body, identity.source,
                      identity.store, chart=False),
            view_card(page.MAP, lang, shown.title, shown.body, shown.source, shown.store),
        ], className="commune-cards"),
        next_steps(commune, lang),
    ]


def unknown(code: str, lang: str) -> list[Any]:
    """A clear answer for a code that is no commune's, with a way to find the right one: a
    former commune's code leads to the commune it is part of."""
    found = commune_index().get_former(code)
    if found is not None:
        former, commune = found
        return [html.H1(t("commune_former_title", lang, name=former.name,
                          commune=commune.name, of_commune=french_of(commune.name))),
                html.P(t("commune_former_help", lang, code=former.code, name=former.name,
                         of_name=french_of(former.name), kind=FORMER_KINDS[former.kind],
                         commune=commune.name, of_commune=french_of(commune.name),
                         department=commune.department_name)),
                html.P(dcc.Link(t("commune_former_link", lang, commune=commune.name,
                                  of_commune=french_of(commune.name)),
                                href=href(commune_path(commune.code), lang)))]
    return [html.H1(t("commune_unknown", lang, code=code[:MAX_QUERY_CHARS])),
            html.P(t("commune_unknown_help", lang)),
            search_form(lang, header=False)]


def results(query: str, lang: str) -> list[Any]:
    """The search results page: the box again (with the query), then the communes found,
    each with its department (homonyms) and population, or words saying why there are
    none."""
    query = query[:MAX_QUERY_CHARS].strip()
    title = t("search_results", lang, query=query) if query else t("search_title", lang)
    found = commune_index().search(query, MAX_SEARCH_RESULTS) if query else []
    if not query:
        listing: Any = empty_state(t("search_empty", lang))
    elif not found:
        listing = empty_state(t("search_none", lang, query=query))
    else:
        listing = html.Div([
            html.P(t("search_count_max" if len(found) == MAX_SEARCH_RESULTS else
                     count_key("search_count", len(found), lang), lang, n=len(found)),
                   role="status"),
            html.Ul([_result(c, query, lang) for c in found], className="commune-results"),
        ])
    return [html.H1(title), html.P(t("search_intro", lang), className="intro"),
            search_form(lang, query, header=False), listing]


def _result(commune: Commune, query: str, lang: str) -> html.Li:
    """A commune found, where it is, its population, and the former commune through which
    the query found it, if that is how."""
    population = t("commune_inhabitants", lang,
                   n=format_number(float(commune.population), 0, lang))
    via = former_match(commune, query)
    return html.Li([
        dcc.Link(commune.name, href=href(commune_path(commune.code), lang)),
        *([html.Span(f" ({t('search_via', lang, former=former_label(via))})")] if via else []),
        html.Span(f" — {commune.department_name} ({commune.department}), "
                  f"{commune.region_name} · {population}", className="result-place"),
    ])
