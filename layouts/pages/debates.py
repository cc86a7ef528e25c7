"""Débats (`/debats`, signed-in presenters): create a debate, list the debates with their
links, compare the rooms with each other and with the survey. The list and the comparison
come with the page (a prefilled callback) and again after each creation."""
from __future__ import annotations

from datetime import date

from dash import dcc, html

from dashboard.analytics.debate import QUESTIONS
from dashboard.debates.deck import CHART_KINDS
from dashboard.i18n.labels import t, term_label
from layouts import ids
from layouts.components import aria, dropdown, field
from layouts.context import PageContext

ROUTE = r"/debats/?"


def creation_form(ctx: PageContext) -> html.Section:
    """Title, region, date, the questions (asked in the order listed), the domains the
    room scores, and the chart slides shown before the questions."""
    lang = ctx.lang
    return html.Section([
        html.H2(t("debates_new", lang), id="debates-new-title"),
        html.Div([
            html.Label(t("debates_title_field", lang), htmlFor=ids.DEBATES_FORM_TITLE,
                       className="field-label"),
            dcc.Input(id=ids.DEBATES_FORM_TITLE, type="text", maxLength=200, required=True,
                      className="text-input", debounce=False),
        ], className="field"),
        field(t("debates_region_field", lang),
              dropdown(ids.DEBATES_FORM_REGION, lang, clearable=False, searchable=True,
                       options=[{"label": r["name"], "value": r["code"]}
                                for r in ctx.regions], placeholder=t("debates_pick", lang)),
              ids.DEBATES_FORM_REGION),
        html.Div([
            html.Label(t("debates_date_field", lang), htmlFor=ids.DEBATES_FORM_DATE,
                       className="field-label"),
            dcc.Input(id=ids.DEBATES_FORM_DATE, type="text", value=date.today().isoformat(),
                      placeholder="AAAA-MM-JJ", maxLength=10, className="text-input"),
        ], className="field"),
        html.Fieldset([
            html.Legend(t("debates_questions_field", lang)),
            dcc.Checklist(id=ids.DEBATES_FORM_QUESTIONS, value=list(QUESTIONS),
                          options=[{"label": t(f"question_short_{q}", lang), "value": q}
                                   for q in QUESTIONS], className="checklist"),
        ]),
        html.Fieldset([
            html.Legend(t("debates_domains_field", lang)),
            dcc.Checklist(id=ids.DEBATES_FORM_DOMAINS, value=list(ctx.ref.domain_slugs),
                          options=[{"label": term_label(d, lang, short=True), "value": d.slug}
                                   for d in ctx.ref.domains], className="checklist columns"),
        ]),
        html.Fieldset([
            html.Legend(t("debates_slides_field", lang)),
            dcc.Checklist(id=ids.DEBATES_FORM_SLIDES, value=list(CHART_KINDS),
                          options=[{"label": t(f"slide_kind_{kind}", lang), "value": kind}
                                   for kind in CHART_KINDS], className="checklist"),
            html.P(t("debates_slides_note", lang), className="note"),
        ]),
        html.Button(t("debates_create", lang), id=ids.DEBATES_FORM_SUBMIT, type="button",
                    className="button primary"),
        html.Div(id=ids.DEBATES_FORM_MESSAGE, **aria(live="polite")),
    ], className="debate-form", **aria(labelledby="debates-new-title"))


def layout(ctx: PageContext) -> html.Div:
    lang = ctx.lang
    return html.Div([
        html.H1(t("debates_heading", lang)),
        html.P(t("debates_intro", lang), className="intro"),
        creation_form(ctx),
        dcc.Store(id=ids.DEBATES_CREATED),
        html.Section([html.H2(t("debates_list", lang)), html.Div(id=ids.DEBATES_LIST,
                                                                 className="table-scroll")],
                     className="debates-section"),
        html.Section([html.H2(t("debates_comparison", lang)),
                      html.P(t("debates_comparison_intro", lang), className="note"),
                      html.Div(id=ids.DEBATES_COMPARISON, className="table-scroll")],
                     className="debates-section"),
    ], className="debates-page")
