"""Debate mode: the room's answers beside the survey's, for one region and one question.

A debate is a survey of one more actor, the room (`ROOM`): its ballots are tidy rows
(device, question, item, value) like the survey's answers, so the same reading applies —
the share of answering devices naming a domain a priority, the mean score of a domain, the
share saying yes. Devices are not weighted (a room is not a sample of anything), so the
room's figures carry n but no confidence interval.

Everything here is plain: dicts and frames in, frames and dataclasses out. Whatever stores
the ballots (the Flask side) hands them over as API-shaped dicts (`ballot_frame`,
`word_frame`); the survey side comes from `item_table` frames (`survey_side`) that
`dashboard.data_access.survey_side` reads through the cache.

Which survey measure answers which room question (and why) is in `SURVEY_MATCH`; the word
cloud has no survey counterpart, and `survey_side` says so with a reason rather than
showing something else in its place.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from dashboard.analytics.perception import Wave
from dashboard.analytics.survey_figures import NATIONAL
from dashboard.frames import as_records
from dashboard.i18n.text import normalise_word
from dashboard.limits import MAX_WORD_CHARS

ROOM = "salle"  # the room, as an actor beside citoyens, entreprises, associations, maires
PRIORITIES, SCORES, INNOVATION, WORD = "priorities", "scores", "innovation", "word"
QUESTIONS = (PRIORITIES, SCORES, INNOVATION, WORD)
MAX_PRIORITIES = 3
SCORE_MIN, SCORE_MAX = 0, 10
INNOVATION_ITEM = "alliances_innovation"  # the one item of the yes/no question

BALLOT_COLUMNS = ["device", "question", "item", "value"]
WORD_COLUMNS = ["device", "word", "hidden"]
SHARE_COLUMNS = ["item", "count", "n", "share"]
MEAN_COLUMNS = ["item", "mean", "n"]
DISTRIBUTION_COLUMNS = ["item", "score", "count"]
WORD_COUNT_COLUMNS = ["word", "count"]
COMPARISON_COLUMNS = ["item", "side", "territory", "value", "n", "ci_low", "ci_high"]

# why a survey side is empty or partial (the views say it in words)
NO_MATCH = "no_matching_question"   # the surveys never asked anything like it
NO_WAVE = "no_survey_wave"          # no wave holding the question has been imported
NO_REGION = "no_region_answers"     # France only: nobody answered in the region


class BallotError(ValueError):
    """A ballot the room may not cast (unknown domain, too many priorities, a score outside
    0-10, a word too long): the API answers 400 with this message."""


@dataclass(frozen=True)
class SurveyMatch:
    """The survey question and measure a room question is compared with."""

    question: str
    measure: str
    per_domain: bool
    unit: str
    why: str


SURVEY_MATCH: Mapping[str, SurveyMatch] = MappingProxyType({
    PRIORITIES: SurveyMatch(
        "priority_domains", "share_priority", True, "percent",
        "the same question: the share of respondents naming each domain a priority "
        "fragility of their territory (respondents could name several; the room up to 3)"),
    SCORES: SurveyMatch(
        "fragility_score", "mean_score", True, "score_0_10",
        "the same 0-10 scale: each actor's mean perceived fragility score of the domain"),
    INNOVATION: SurveyMatch(
        "alliances_innovation", "share_alliances_source_of_innovation", False, "percent",
        "the same yes/no question: alliances are a source of innovation to reduce "
        "fragilities (published: 69 % of citizens, 87 % of mayors, PHARE)"),
})
UNITS: Mapping[str, str] = MappingProxyType({
    **{q: m.unit for q, m in SURVEY_MATCH.items()}, WORD: "count"})


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def empty_ballots() -> pd.DataFrame:
    return _empty(BALLOT_COLUMNS).astype({"value": float})


def empty_words() -> pd.DataFrame:
    return _empty(WORD_COLUMNS).astype({"hidden": bool})


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class Room:
    """One debate's room: its title, the domains it scores (`scores` question), its ballots
    (BALLOT_COLUMNS, one answer per device and question) and its words (WORD_COLUMNS, one
    per device; `hidden` when the presenter removed the word from the cloud)."""

    title: str
    domains: tuple[str, ...] = ()
    ballots: pd.DataFrame = field(default_factory=empty_ballots)
    words: pd.DataFrame = field(default_factory=empty_words)

    @classmethod
    def from_ballots(cls, title: str, ballots: Sequence[Mapping[str, Any]],
                     choices: Collection[str], domains: Sequence[str] = (),
                     hidden: Collection[str] = ()) -> Room:
        """A room from API-shaped ballots in arrival order (see `ballot_frame`)."""
        return cls(title, tuple(domains),
                   ballot_frame(ballots, choices, domains or None),
                   word_frame(ballots, hidden))


# --- ballots ------------------------------------------------------------------------------

def _device(ballot: Mapping[str, Any]) -> str:
    device = ballot.get("device")
    if not isinstance(device, str) or not device:
        raise BallotError("device manquant")
    return device


def _priority_rows(device: str, value: Any, choices: Collection[str]) -> list[dict[str, Any]]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(d, str) for d in value):
        raise BallotError("priorities : une liste de domaines")
    if len(value) > MAX_PRIORITIES:
        raise BallotError(f"priorities : {MAX_PRIORITIES} domaines au plus")
    if len(set(value)) != len(value):
        raise BallotError("priorities : un domaine cité deux fois")
    unknown = [d for d in value if d not in choices]
    if unknown:
        raise BallotError(f"priorities : domaine inconnu {unknown[0]!r}")
    return [{"device": device, "question": PRIORITIES, "item": d, "value": 1.0}
            for d in value]


def _score_rows(device: str, value: Any, scored: Collection[str]) -> list[dict[str, Any]]:
    if not isinstance(value, Mapping):
        raise BallotError("scores : un objet {domaine: note}")
    rows = []
    for domain, score in value.items():
        if domain not in scored:
            raise BallotError(f"scores : domaine inconnu {domain!r}")
        if isinstance(score, bool) or not isinstance(score, int):
            raise BallotError(f"scores : la note de {domain!r} doit être un entier")
        if not SCORE_MIN <= score <= SCORE_MAX:
            raise BallotError(f"scores : la note de {domain!r} doit être entre "
                              f"{SCORE_MIN} et {SCORE_MAX}")
        rows.append({"device": device, "question": SCORES, "item": domain,
                     "value": float(score)})
    return rows


def _innovation_rows(device: str, value: Any) -> list[dict[str, Any]]:
    if not isinstance(value, bool):
        raise BallotError("innovation : true ou false")
    return [{"device": device, "question": INNOVATION, "item": INNOVATION_ITEM,
             "value": 1.0 if value else 0.0}]


def checked_word(value: Any) -> str:
    """The normalised word of a ballot, or BallotError (not text, empty, too long)."""
    if not isinstance(value, str):
        raise BallotError("word : un mot ou une courte expression")
    word = normalise_word(value)
    if not word:
        raise BallotError("word : vide")
    if len(word) > MAX_WORD_CHARS:
        raise BallotError(f"word : {MAX_WORD_CHARS} caractères au plus")
    return word


def ballot_rows(ballot: Mapping[str, Any], choices: Collection[str],
                scored: Collection[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """One API-shaped ballot (`{"device": …, "priorities": [...], "scores": {...},
    "innovation": true, "word": "…"}`, any subset of the questions) checked and turned into
    long rows, by question. `choices`: the domains one may name (the 16); `scored`: the
    domains the room scores (default: any of `choices`). Raises BallotError on the first
    thing wrong, so a bad ballot changes nothing."""
    device = _device(ballot)
    out: dict[str, list[dict[str, Any]]] = {}
    if PRIORITIES in ballot:
        out[PRIORITIES] = _priority_rows(device, ballot[PRIORITIES], choices)
    if SCORES in ballot:
        out[SCORES] = _score_rows(device, ballot[SCORES],
                                  choices if scored is None else scored)
    if INNOVATION in ballot:
        out[INNOVATION] = _innovation_rows(device, ballot[INNOVATION])
    if WORD in ballot:
        out[WORD] = [{"device": device, "word": checked_word(ballot[WORD])}]
    return out


def _latest(ballots: Iterable[Mapping[str, Any]], choices: Collection[str],
            scored: Collection[str] | None) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Each device's last answer to each question: a later ballot replaces the whole earlier
    answer (a new list of priorities, not the old list plus the new one)."""
    latest: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for ballot in ballots:
        for question, rows in ballot_rows(ballot, choices, scored).items():
            latest[(_device(ballot), question)] = rows
    return latest


def ballot_frame(ballots: Iterable[Mapping[str, Any]], choices: Collection[str],
                 scored: Collection[str] | None = None) -> pd.DataFrame:
    """API-shaped ballots in arrival order as BALLOT_COLUMNS, one answer per device and
    question (the last one). An empty list of priorities withdraws the device's priorities.
    Words are left to `word_frame`."""
    rows = [row for (_, question), answer in _latest(ballots, choices, scored).items()
            if question != WORD for row in answer]
    if not rows:
        return empty_ballots()
    return pd.DataFrame.from_records(rows, columns=BALLOT_COLUMNS).astype({"value": float})


def word_frame(ballots: Iterable[Mapping[str, Any]],
               hidden: Collection[str] = ()) -> pd.DataFrame:
    """Each device's last word (WORD_COLUMNS), normalised; words the presenter removed
    (`hidden`, compared once normalised) are kept but flagged, so the room's n stays the
    number of devices that answered."""
    removed = {normalise_word(w) for w in hidden}
    latest: dict[str, str] = {}
    for ballot in ballots:
        if WORD in ballot:
            latest[_device(ballot)] = checked_word(ballot[WORD])
    if not latest:
        return empty_words()
    return pd.DataFrame({"device": list(latest), "word": list(latest.values()),
                         "hidden": [w in removed for w in latest.values()]})


def hide_word(words: pd.DataFrame, word: str) -> pd.DataFrame:
    """The words with every device's `word` (normalised) removed from the cloud."""
    return words.assign(hidden=words["hidden"] | (words["word"] == normalise_word(word)))


# --- the room's figures -------------------------------------------------------------------

def _answers(room: Room, question: str) -> pd.DataFrame:
    return room.ballots[room.ballots["question"] == question]


def room_n(room: Room, question: str) -> int:
    """How many devices answered the question (a word the presenter hid still counts: the
    device did answer)."""
    if question == WORD:
        return int(room.words["device"].nunique())
    if question not in QUESTIONS:
        raise ValueError(f"question inconnue : {question!r}")
    return int(_answers(room, question)["device"].nunique())


def room_shares(room: Room, question: str, items: Sequence[str] = ()) -> pd.DataFrame:
    """SHARE_COLUMNS: for `priorities`, each domain's count of devices naming it and its
    share (percent) of the devices that answered; for `innovation`, the yes count and share.
    `items` lists the domains to report (those nobody named get 0); by default the named
    ones, in the order given, then first named."""
    if question not in (PRIORITIES, INNOVATION):
        raise ValueError(f"room_shares : priorities ou innovation, pas {question!r}")
    answers = _answers(room, question)
    n = room_n(room, question)
    yes = answers[answers["value"] > 0]
    counts = yes.groupby("item", sort=False)["device"].nunique()
    wanted = list(items) if items else ([INNOVATION_ITEM] if question == INNOVATION else [])
    order = list(dict.fromkeys([*wanted, *(str(i) for i in counts.index)]))
    found = [int(counts.get(item, 0)) for item in order]
    return pd.DataFrame({"item": order, "count": found, "n": [n] * len(order),
                         "share": [100.0 * c / n if n else np.nan for c in found]},
                        columns=SHARE_COLUMNS)


def _scored_items(room: Room) -> list[str]:
    named = _answers(room, SCORES)["item"].astype(str)
    return list(dict.fromkeys([*room.domains, *named]))


def room_means(room: Room) -> pd.DataFrame:
    """MEAN_COLUMNS: each scored domain's mean score and the number of devices scoring it
    (NaN mean where nobody has yet)."""
    scores = _answers(room, SCORES)
    grouped = scores.groupby("item")["value"]
    means, sizes = grouped.mean(), grouped.size()
    items = _scored_items(room)
    return pd.DataFrame({"item": items,
                         "mean": [float(means.get(i, np.nan)) for i in items],
                         "n": [int(sizes.get(i, 0)) for i in items]}, columns=MEAN_COLUMNS)


def room_distribution(room: Room) -> pd.DataFrame:
    """DISTRIBUTION_COLUMNS: how many devices gave each score 0-10 to each scored domain
    (every score listed, zeros included, so a chart's scale never moves)."""
    scores = _answers(room, SCORES)
    counts = scores.groupby(["item", "value"]).size()
    records = [{"item": item, "score": score,
                "count": int(counts.get((item, float(score)), 0))}
               for item in _scored_items(room) for score in range(SCORE_MIN, SCORE_MAX + 1)]
    return pd.DataFrame.from_records(records, columns=DISTRIBUTION_COLUMNS)


def word_counts(room: Room) -> pd.DataFrame:
    """WORD_COUNT_COLUMNS: each visible word and how many devices gave it, most given first
    (ties in alphabetical order, so the cloud is the same on every machine)."""
    shown = room.words[~room.words["hidden"].astype(bool)]
    if shown.empty:
        return _empty(WORD_COUNT_COLUMNS).astype({"count": int})
    counts = shown.groupby("word").size().rename("count").reset_index()
    counts["count"] = counts["count"].astype(int)
    return counts.sort_values(["count", "word"], ascending=[False, True],
                              kind="stable").reset_index(drop=True)[WORD_COUNT_COLUMNS]


# --- the survey side ----------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """Where one side's figures come from: the room or an actor's survey wave, with its n in
    the region and in France (the largest over the items: respondents who answered)."""

    side: str
    study: str
    year: int
    n: int | None
    n_france: int | None
    demo: bool


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class SurveySide:
    """The survey's figures for a region and a room question (COMPARISON_COLUMNS, `side` the
    actor, `territory` the region or FR), the waves they come from, and why it is empty or
    France-only (`reason`, one of NO_MATCH, NO_WAVE, NO_REGION; None when complete)."""

    question: str
    region: str
    frame: pd.DataFrame
    sources: tuple[Source, ...] = ()
    reason: str | None = None

    @property
    def measure(self) -> str | None:
        match = SURVEY_MATCH.get(self.question)
        return match.measure if match else None


def no_survey(question: str, region: str, reason: str) -> SurveySide:
    """An empty survey side that says why."""
    return SurveySide(question, region, _empty(COMPARISON_COLUMNS), (), reason)


def _largest_n(frame: pd.DataFrame) -> int | None:
    sizes = pd.to_numeric(frame["n"], errors="coerce").dropna()
    return int(sizes.max()) if len(sizes) else None


def survey_side(question: str, region: str, tables: Mapping[Wave, pd.DataFrame],
                actors: Sequence[str] = ()) -> SurveySide:
    """The survey's side of a room question from `item_table`-shaped frames (territory_code,
    item, value, n, ci_low, ci_high), one per actor's wave (the newest asking the question):
    the region's rows and France's, actors in `actors` order."""
    if question not in SURVEY_MATCH:
        return no_survey(question, region, NO_MATCH)
    if not tables:
        return no_survey(question, region, NO_WAVE)
    order = {a: i for i, a in enumerate(actors)}
    territories = list(dict.fromkeys((region, NATIONAL)))
    parts, sources = [], []
    for wave in sorted(tables, key=lambda w: order.get(w.actor, len(order))):
        table = tables[wave]
        chosen = table[table["territory_code"].isin(territories)]
        if chosen.empty:
            continue
        parts.append(pd.DataFrame({
            "item": chosen["item"].astype(str), "side": wave.actor,
            "territory": chosen["territory_code"].astype(str),
            "value": chosen["value"].astype(float), "n": chosen["n"].astype(float),
            "ci_low": pd.to_numeric(chosen["ci_low"], errors="coerce"),
            "ci_high": pd.to_numeric(chosen["ci_high"], errors="coerce")}))
        sources.append(Source(
            wave.actor, wave.study, wave.year,
            _largest_n(chosen[chosen["territory_code"] == region]),
            _largest_n(chosen[chosen["territory_code"] == NATIONAL]), wave.demo))
    if not parts:
        return no_survey(question, region, NO_WAVE)
    frame = pd.concat(parts, ignore_index=True)[COMPARISON_COLUMNS]
    regional = region == NATIONAL or bool((frame["territory"] == region).any())
    return SurveySide(question, region, frame, tuple(sources),
                      None if regional else NO_REGION)


def figure_tables(figures: pd.DataFrame, waves: Mapping[str, Wave],
                  region: str) -> dict[Wave, pd.DataFrame]:
    """`profile.actor_figures` rows (one measure per actor, region beside France, FIGURE
    columns) as `item_table`-shaped frames with one item, INNOVATION_ITEM, so that the
    yes/no question reads like the per-domain ones."""
    tables = {}
    for record in as_records(figures):
        wave = waves.get(str(record["actor"]))
        if wave is None:
            continue
        rows = [(region, INNOVATION_ITEM, record["value"], record["n"], record["ci_low"],
                 record["ci_high"]),
                (NATIONAL, INNOVATION_ITEM, record["france"], record["n_france"], None, None)]
        table = pd.DataFrame([row for row in rows if not pd.isna(row[2])],
                             columns=["territory_code", "item", "value", "n", "ci_low",
                                      "ci_high"])
        tables[wave] = table.drop_duplicates("territory_code")
    return tables


# --- the comparison the results slide draws -----------------------------------------------

def series_key(side: str, territory: str) -> str:
    """`citoyens:53`, `citoyens:FR`, `salle:53`: how charts and labels name a series."""
    return f"{side}:{territory}"


@dataclass(frozen=True)
class Series:
    """One side in one territory, with its n (None where unknown)."""

    side: str
    territory: str
    n: int | None

    @property
    def key(self) -> str:
        return series_key(self.side, self.territory)


@dataclass(frozen=True, eq=False)  # frames do not compare to one bool
class Comparison:
    """A room question's results beside the survey's: `frame` (COMPARISON_COLUMNS: the room's
    rows with `side` ROOM and `territory` the region, then each actor's in the region and in
    France), the room's score distribution (`scores`) or word counts (`word`), the number of
    devices that answered, the survey's sources and why its side is missing (`reason`)."""

    question: str
    region: str
    title: str
    unit: str
    frame: pd.DataFrame
    room_n: int
    sources: tuple[Source, ...] = ()
    reason: str | None = None
    distribution: pd.DataFrame = field(default_factory=lambda: _empty(DISTRIBUTION_COLUMNS))
    words: pd.DataFrame = field(default_factory=lambda: _empty(WORD_COUNT_COLUMNS))

    @property
    def waiting(self) -> bool:
        """No vote yet: every figure shows its empty state."""
        return self.room_n == 0

    @property
    def items(self) -> list[str]:
        return list(dict.fromkeys(self.frame["item"].astype(str)))

    @property
    def survey(self) -> pd.DataFrame:
        return self.frame[self.frame["side"] != ROOM]

    @property
    def room(self) -> pd.DataFrame:
        return self.frame[self.frame["side"] == ROOM]

    def series(self) -> list[Series]:
        """Every series a chart draws, the room first, then each actor in the region and in
        France, with the n its label gives."""
        out = [Series(ROOM, self.region, self.room_n)]
        for source in self.sources:
            for territory, n in ((self.region, source.n), (NATIONAL, source.n_france)):
                rows = self.frame[(self.frame["side"] == source.side)
                                  & (self.frame["territory"] == territory)]
                if len(rows) and not any(s.key == series_key(source.side, territory)
                                         for s in out):
                    out.append(Series(source.side, territory, n))
        return out


def _room_rows(items: list[str], values: list[float], sizes: list[int],
               region: str) -> pd.DataFrame:
    return pd.DataFrame({"item": items, "side": ROOM, "territory": region,
                         "value": values, "n": [float(s) for s in sizes],
                         "ci_low": np.nan, "ci_high": np.nan}, columns=COMPARISON_COLUMNS)


def compare(question: str, room: Room, survey: SurveySide,
            items: Sequence[str] = ()) -> Comparison:
    """The room's answers to `question` beside the survey's (`survey_side` for the same
    region and question). `items` orders the domains (the reference's 16, as a rule);
    for `scores`, only the domains the room scores are compared."""
    if question not in QUESTIONS:
        raise ValueError(f"question inconnue : {question!r}")
    others = survey.frame
    distribution, words = _empty(DISTRIBUTION_COLUMNS), _empty(WORD_COUNT_COLUMNS)
    if question == WORD:
        ours, others, words = _empty(COMPARISON_COLUMNS), others.iloc[0:0], word_counts(room)
    elif question == SCORES:
        means = room_means(room)
        ours = _room_rows(means["item"].tolist(), means["mean"].tolist(),
                          means["n"].tolist(), survey.region)
        others = others[others["item"].isin(means["item"])]
        distribution = room_distribution(room)
    else:
        wanted = list(dict.fromkeys([*items, *others["item"].astype(str)]))
        shares = room_shares(room, question, wanted if question == PRIORITIES else ())
        ours = _room_rows(shares["item"].tolist(), shares["share"].tolist(),
                          shares["n"].tolist(), survey.region)
    frame = pd.concat([ours, others], ignore_index=True) if len(others) else ours
    return Comparison(question=question, region=survey.region, title=room.title,
                      unit=UNITS[question], frame=frame[COMPARISON_COLUMNS].reset_index(drop=True),
                      room_n=room_n(room, question), sources=survey.sources,
                      reason=survey.reason, distribution=distribution, words=words)
