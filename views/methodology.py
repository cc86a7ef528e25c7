"""The methodology page's facts read from the database: the survey waves with their sample
sizes, the active demonstration datasets, every dataset with its provenance (when, by whom,
checksum, active)."""
from __future__ import annotations

from typing import Any

from dash import html

from dashboard.data_access import datasets, wave_sizes
from dashboard.i18n.labels import LABELS, t, term_label
from dashboard.i18n.numbers import format_number
from dashboard.services import Services
from layouts.components import data_table


def _yes_no(value: bool, lang: str) -> str:
    return t("method_yes" if value else "method_no", lang)


def _kind(kind: str, lang: str) -> str:
    key = f"method_kind_{kind}"
    return t(key, lang) if key in LABELS else kind


def facts_output(svc: Services, lang: str) -> tuple[Any, Any, Any]:
    """The waves table, the list of demonstration datasets (or words saying there are
    none), and the table of every dataset."""
    actors = {a.slug: term_label(a, lang) for a in svc.reference.actors}
    sizes = wave_sizes(svc)
    wave_rows = [{"study": r["study"], "year": str(r["year"]),
                  "actor": actors.get(r["actor"], r["actor"]),
                  "respondents": int(r["respondents"]), "file": r["file"],
                  "demo": _yes_no(bool(r["demo"]), lang)} for r in sizes.to_dict("records")]
    waves = (data_table(wave_rows, [(k, t(f"method_col_{k}", lang)) for k in
                                    ("study", "year", "actor", "respondents", "file", "demo")],
                        lang)
             if wave_rows else html.P(t("method_no_waves", lang)))
    every = datasets(svc)
    demo = every[every["demo"] & every["active"]]
    if demo.empty:
        demo_list: Any = html.P(t("method_demo_none", lang))
    else:
        demo_list = html.Div([
            html.P(t("method_demo_list", lang, n=len(demo))),
            html.Ul([html.Li([html.Code(r["file"]), " — ",
                              _kind(r["kind"], lang), ", ",
                              format_number(float(r["rows"]), 0, lang) + " "
                              + t("method_col_rows", lang).lower()])
                     for r in demo.to_dict("records")], className="method-demo-datasets"),
        ])
    dataset_rows = [{"kind": _kind(r["kind"], lang), "file": r["file"],
                     "rows": int(r["rows"]), "demo": _yes_no(bool(r["demo"]), lang),
                     "imported_at": r["imported_at"], "imported_by": r["imported_by"],
                     "sha256": r["sha256"][:12], "active": _yes_no(bool(r["active"]), lang)}
                    for r in every.to_dict("records")]
    table = data_table(dataset_rows, [(k, t(f"method_col_{k}", lang))
                                      for k in ("kind", "file", "rows", "demo", "imported_at",
                                                "imported_by", "sha256", "active")], lang)
    return waves, demo_list, table
