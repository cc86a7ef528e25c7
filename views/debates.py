"""The debates page (/debats): the list of debates with their links, the creation form's
submission, and the comparison of rooms with each other and with the survey.

A debate is a survey of a room, so the comparison reads each room with the room's analytics
(`dashboard.debates.room.load_room`, `analytics.debate.room_shares`) and the survey's side
with `data_access.survey_side` — the same numbers the results slides show.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from dash import html
from sqlalchemy.orm import Session

from dashboard import data_access
from dashboard.analytics import debate as analytics
from dashboard.debates import cached, results, store
from dashboard.debates.deck import default_deck
from dashboard.debates.questions import Refused
from dashboard.i18n.labels import t
from dashboard.i18n.numbers import format_number, format_percent
from dashboard.models import Debate
from dashboard.paths import presenter_path, projection_path
from dashboard.services import Services
from layouts.components import aria, empty_state
from views.actors import territory_name
from views.common import domain_labels

TOP = 3
SURVEY_ACTOR = "citoyens"  # the survey side the comparison sets beside each room


@dataclass(frozen=True)
class RoomLine:
    """One debate as the list and the comparison show it."""

    debate: Debate
    joined: int
    voted: int
    innovation: float | None       # the room's share saying yes (percent)
    priorities: tuple[str, ...]    # the room's most named domains
    survey_innovation: float | None
    survey_priorities: tuple[str, ...]


def form_payload(title: str | None, region: str | None, held_on: str | None,
                 questions: Sequence[str] | None, scored: Sequence[str] | None,
                 charts: Sequence[str] | None = None) -> dict[str, Any]:
    """The creation form's values as the API's JSON body, so that `store.parse_spec` checks
    both the same way (questions in the order the debate asks them; the deck is the chosen
    chart slides, then a question and a results slide per question)."""
    chosen = [q for q in analytics.QUESTIONS if q in (questions or [])]
    payload: dict[str, Any] = {"title": title or "", "region": region or "",
                               "questions": chosen}
    if held_on:
        payload["date"] = held_on
    if analytics.SCORES in chosen:
        payload["scored_domains"] = list(scored or [])
    if charts is not None and chosen:
        payload["deck"] = default_deck(chosen, charts)
    return payload


def created_message(debate: Debate, lang: str) -> html.Div:
    return html.Div([html.P(t("debates_created", lang, title=debate.title, code=debate.code)),
                     _links(debate.code, lang)], role="status")


def refused_message(error: Refused, lang: str) -> html.P:
    return html.P(t("debates_refused", lang, message=str(error)), role="alert",
                  className="form-error")


def _top(frame: pd.DataFrame, value: str) -> tuple[str, ...]:
    """The TOP items with the highest `value` (ties in the order given), none at 0."""
    named = frame[frame[value] > 0]
    ordered = named.assign(_order=range(len(named))).sort_values(
        [value, "_order"], ascending=[False, True], kind="stable")
    return tuple(str(item) for item in ordered["item"].head(TOP))


def _survey(svc: Services, region: str) -> tuple[float | None, tuple[str, ...]]:
    """The citizens' share saying alliances are a source of innovation and their most named
    priorities, in the region (France where the region has no answers)."""
    figures = []
    for question in (analytics.INNOVATION, analytics.PRIORITIES):
        frame = data_access.survey_side(svc, region, question).frame
        chosen = frame[(frame["side"] == SURVEY_ACTOR) & (frame["territory"] == region)]
        figures.append(chosen if len(chosen) else
                       frame[(frame["side"] == SURVEY_ACTOR)
                             & (frame["territory"] == analytics.NATIONAL)])
    innovation, priorities = figures
    share = float(innovation["value"].iloc[0]) if len(innovation) else None
    return share, _top(priorities, "value")


def room_lines(svc: Services) -> list[RoomLine]:
    """Every debate, newest first, with its counts and the comparison's figures."""
    lines = []
    domains = svc.reference.domain_slugs
    for debate in store.list_debates(svc.engine):
        with Session(svc.engine) as session:
            debate = session.merge(debate, load=False)
            version = results.debate_version(session, debate)
            state = cached.state(svc, session, debate, version)
            room = cached.room(svc, session, debate, version)
        innovation = (analytics.room_shares(room, analytics.INNOVATION)["share"].iloc[0]
                      if analytics.INNOVATION in debate.questions else None)
        priorities = (_top(analytics.room_shares(room, analytics.PRIORITIES, domains),
                           "share") if analytics.PRIORITIES in debate.questions else ())
        survey_share, survey_top = _survey(svc, debate.region_code)
        voted = int(pd.concat([room.ballots["device"], room.words["device"]]).nunique())
        lines.append(RoomLine(debate, int(state["joined"]), voted,
                              None if innovation is None or pd.isna(innovation)
                              else float(innovation), priorities, survey_share,
                              survey_top))
    return lines


def _links(code: str, lang: str) -> html.Ul:
    return html.Ul([
        html.Li(html.A(t("debates_presenter", lang), href=presenter_path(code))),
        html.Li(html.A(t("debates_projection", lang), href=projection_path(code),
                       target="_blank")),
        html.Li(html.A(t("debates_export", lang), href=f"/api/v1/debates/{code}/export.csv")),
    ], className="debate-links", **aria(label=t("debates_links", lang, code=code)))


def _domains(slugs: Sequence[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(s, s) for s in slugs) or "–"


def debates_table(svc: Services, lines: Sequence[RoomLine], lang: str) -> Any:
    """The debates, each with its links (titles are Dash text, never HTML)."""
    if not lines:
        return empty_state(t("debates_none", lang))
    head = [t(k, lang) for k in ("debates_col_title", "debates_col_region",
                                 "debates_col_date", "debates_col_joined",
                                 "debates_col_voted", "debates_col_links")]
    return html.Table([
        html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
        html.Tbody([html.Tr([
            html.Th(line.debate.title, scope="row"),
            html.Td(territory_name(svc, line.debate.region_code, lang)),
            html.Td(line.debate.held_on.isoformat()),
            html.Td(format_number(line.joined, 0, lang), className="num"),
            html.Td(format_number(line.voted, 0, lang), className="num"),
            html.Td([html.Span(line.debate.code, className="debate-code"),
                     _links(line.debate.code, lang)]),
        ]) for line in lines]),
    ], className="data-table debates-table", id="debates-table")


def comparison_table(svc: Services, lines: Sequence[RoomLine], lang: str) -> Any:
    """Each room beside the survey's citizens of its region: the share for whom alliances
    are a source of innovation, and the most named priority fragilities."""
    if not lines:
        return empty_state(t("debates_none", lang))
    labels = domain_labels(svc.reference, lang)
    head = [t(k, lang) for k in ("debates_col_title", "debates_col_voted",
                                 "debates_col_room_innovation",
                                 "debates_col_survey_innovation",
                                 "debates_col_room_priorities",
                                 "debates_col_survey_priorities")]
    return html.Table([
        html.Caption(t("debates_comparison_caption", lang)),
        html.Thead(html.Tr([html.Th(h, scope="col") for h in head])),
        html.Tbody([html.Tr([
            html.Th(line.debate.title, scope="row"),
            html.Td(format_number(line.voted, 0, lang), className="num"),
            html.Td(format_percent(line.innovation, 0, lang), className="num"),
            html.Td(format_percent(line.survey_innovation, 0, lang), className="num"),
            html.Td(_domains(line.priorities, labels)),
            html.Td(_domains(line.survey_priorities, labels)),
        ]) for line in lines]),
    ], className="data-table comparison-table", id="debates-comparison")


def overview(svc: Services, lang: str) -> tuple[Any, Any]:
    """The list and the comparison, read once."""
    lines = room_lines(svc)
    return debates_table(svc, lines, lang), comparison_table(svc, lines, lang)
