"""The presenter's remote (/debat/<code>/presentateur, a laptop or a phone): the slide on
screen and the next one, speaker notes, who has joined and voted, and the buttons that
drive the evening. Builds only: a button's effect is `dashboard.debates.remote.act` (one
transaction each through the store, each moving the debate's version, which the projector
polls)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dash import html
from sqlalchemy.orm import Session

from dashboard.analytics import debate as analytics
from dashboard.debates.room import hidden_words
from dashboard.i18n.labels import count_key, t
from dashboard.i18n.numbers import format_number
from dashboard.paths import projection_path
from dashboard.services import Services
from layouts import ids
from layouts.components import aria
from views import live
from views.slides import QUESTION, RESULTS, SlideSpec


def slide_name(spec: SlideSpec, lang: str) -> str:
    """A slide as the remote lists it: 'Résultats — priorities' reads badly, so a slide's
    kind and, for question and results slides, the question's short name."""
    kind = t(f"slide_kind_{spec.kind}", lang)
    if spec.kind in (QUESTION, RESULTS) and spec.question:
        return f"{kind} : {t(f'question_short_{spec.question}', lang)}"
    return kind


def _position(item: live.Live, lang: str) -> html.Div:
    specs = item.specs
    index = item.index(None)
    after = specs[index + 1] if index + 1 < len(specs) else None
    return html.Div([
        html.H2(t("presenter_current", lang, n=index + 1, total=len(specs))),
        html.P(slide_name(specs[index], lang), className="presenter-slide",
               id=ids.PRESENTER_CURRENT),
        html.P([t("presenter_next", lang), " ",
                html.Span(slide_name(after, lang) if after else t("presenter_last", lang),
                          id=ids.PRESENTER_NEXT)]),
        html.H3(t("presenter_notes", lang)),
        html.P(specs[index].notes(lang) or "–", className="presenter-notes"),
    ], className="presenter-card")


def _counts(state: Mapping[str, Any], lang: str) -> html.Div:
    voted = state.get("voted", {})
    return html.Div([
        html.H2(t("presenter_counts", lang)),
        html.P(t(count_key("presenter_joined", state.get("joined", 0), lang),
                 lang, n=format_number(state.get("joined", 0), 0, lang)),
               id=ids.PRESENTER_JOINED),
        html.Ul([html.Li(t("presenter_voted", lang, question=t(f"question_short_{q}", lang),
                           n=format_number(n, 0, lang)))
                 for q, n in voted.items()], id=ids.PRESENTER_VOTED),
    ], className="presenter-card")


def _voting(item: live.Live, lang: str) -> html.Div:
    debate = item.debate
    rows = []
    for question in debate.questions:
        is_open = debate.question_state.get(question) == "open"
        name = t(f"question_short_{question}", lang)
        rows.append(html.Li([
            html.Span(t("presenter_voting_open" if is_open else "presenter_voting_closed",
                        lang, question=name)),
            html.Button(t("presenter_close" if is_open else "presenter_open", lang),
                        id=ids.presenter_voting(question, "close" if is_open else "open"),
                        className="button", type="button"),
        ]))
    revealed = debate.results_revealed
    return html.Div([
        html.H2(t("presenter_voting", lang)),
        html.Ul(rows, className="presenter-list"),
        html.P(t("presenter_revealed" if revealed else "presenter_hidden", lang),
               id=ids.PRESENTER_REVEALED),
        html.Button(t("presenter_hide_results" if revealed else "presenter_reveal", lang),
                    id=ids.PRESENTER_REVEAL, className="button", type="button"),
    ], className="presenter-card")


def _words(svc: Services, item: live.Live, lang: str) -> html.Div | None:
    """The cloud's words, each with a button that removes it (and the removed ones, with
    one that puts it back). Words are Dash text: whatever a phone sent is never HTML."""
    if analytics.WORD not in item.debate.questions:
        return None
    counts = analytics.word_counts(live.room_of(svc, item))
    with Session(svc.engine) as session:
        removed = hidden_words(session, session.merge(item.debate, load=False))
    shown = [html.Li([html.Span(f"{word} ({format_number(count, 0, lang)})"),
                      html.Button(t("presenter_remove_word", lang),
                                  id=ids.presenter_word(str(word), "hide"),
                                  className="button", type="button",
                                  **aria(label=t("presenter_remove_word_named", lang,
                                                 word=str(word))))])
             for word, count in zip(counts["word"], counts["count"], strict=True)]
    hidden = [html.Li([html.Span(word, className="word-removed"),
                       html.Button(t("presenter_restore_word", lang),
                                   id=ids.presenter_word(word, "show"), className="button",
                                   type="button",
                                   **aria(label=t("presenter_restore_word_named", lang,
                                                  word=word)))])
              for word in removed]
    return html.Div([
        html.H2(t("presenter_words", lang)),
        html.Ul(shown, className="presenter-list") if shown else
        html.P(t("debate_waiting", lang)),
        *([html.H3(t("presenter_removed_words", lang)),
           html.Ul(hidden, className="presenter-list")] if hidden else []),
    ], className="presenter-card")


def _join(code: str, lang: str) -> html.Section:
    """How phones join (to read out, or to show on a second screen), and the projector."""
    join = live.join_of(code)
    return html.Section([
        html.H2(t("presenter_join", lang)),
        html.P([t("debate_join_code", lang), " ", html.Strong(code, className="join-code-small")]),
        html.P(html.A(join.url, href=join.url, id="presenter-join-url")),
        html.Img(src=join.qr_svg_url, alt=t("debate_qr_alt", lang, url=join.url),
                 className="presenter-qr", width="200", height="200"),
        html.P(html.A(t("debates_projection", lang), href=projection_path(code),
                      target="_blank")),
    ], className="presenter-card presenter-join")


def panel(svc: Services, item: live.Live, lang: str) -> list[Any]:
    """Everything on the remote that changes with the debate, then how to join."""
    parts = (_position(item, lang), _counts(live.state(svc, item), lang),
             _voting(item, lang), _words(svc, item, lang), _join(item.debate.code, lang))
    return [part for part in parts if part is not None]


def poll(svc: Services, code: str, key: str | None,
         lang: str) -> tuple[list[Any], str] | None:
    """The panel and its key (the debate's version), or None when nothing changed."""
    item = live.read(svc, code)
    if item.version == key:
        return None
    return panel(svc, item, lang), item.version
