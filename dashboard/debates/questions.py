"""The four questions a room can be asked, and the checks a ballot goes through before
anything is written.

Each question is stored as the survey question whose analytics already exist, so the room
compares with the survey with no new code: `priorities` is `priority_domains` (one 1/0
answer per domain), `scores` is `fragility_score` (0-10 per domain rated), `innovation` is
`alliances_innovation` (yes/no). The word has no numeric answer: it lives in `debate_word`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from dashboard.debates.text import BAD_CHARACTERS, character_problem
from dashboard.i18n.text import normalise_word
from dashboard.limits import MAX_WORD_CHARS

QUESTIONS = ("priorities", "scores", "innovation", "word")
SURVEY_QUESTIONS: Mapping[str, tuple[str, str]] = {  # question → (survey code, kind)
    "priorities": ("priority_domains", "multiple_choice"),
    "scores": ("fragility_score", "score_0_10"),
    "innovation": ("alliances_innovation", "yes_no"),
    "word": ("main_challenge_word", "text"),
}
QUESTION_LABELS: Mapping[str, tuple[str, str]] = {  # question → (French, English)
    "priorities": ("Quelles sont les 3 fragilités prioritaires de la région ?",
                   "Which are the region's 3 priority fragilities?"),
    "scores": ("Quel est le niveau de fragilité de la région (de 0 à 10) ?",
               "How fragile is the region (0 to 10)?"),
    "innovation": ("Les alliances entre acteurs sont-elles source d'innovation pour réduire "
                   "les fragilités ?",
                   "Are alliances between actors a source of innovation to reduce "
                   "fragilities?"),
    "word": ("En un mot : le principal défi de la région ?",
             "In one word: the region's main challenge?"),
}
MAX_PRIORITIES = 3
SCORE_RANGE = range(0, 11)
DEVICE_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


class Refused(Exception):
    """A refused request, with its HTTP status, the field at fault and a machine-readable
    reason beside the French message."""

    def __init__(self, status: int, reason: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.reason = reason
        self.field = field

    def as_dict(self) -> dict[str, Any]:
        return {"error": str(self), "reason": self.reason, "field": self.field or None,
                "status": self.status}


@dataclass(frozen=True)
class Ballot:
    """One device's answers to some of the debate's questions (None: not in this ballot)."""

    device: str
    priorities: tuple[str, ...] | None = None
    scores: Mapping[str, int] | None = None
    innovation: bool | None = None
    word: str | None = None

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(q for q in QUESTIONS if getattr(self, q) is not None)


def _bad(reason: str, message: str, field: str) -> Refused:
    return Refused(400, reason, message, field)


def parse_device(payload: Any) -> str:
    """The device token of a decoded JSON body (a ballot, a hello), or Refused (400)."""
    if not isinstance(payload, dict):
        raise _bad("bad_json", "le corps doit être un objet JSON", "")
    device = payload.get("device")
    if not isinstance(device, str) or not DEVICE_PATTERN.fullmatch(device):
        raise _bad("bad_device", "« device » doit être un jeton de 16 à 64 caractères "
                   "(lettres, chiffres, - ou _)", "device")
    return device


def parse_ballot(payload: Any, asked: Sequence[str], scored_domains: Sequence[str],
                 domains: Sequence[str]) -> Ballot:
    """A Ballot from a decoded JSON body, or Refused (400) naming the field."""
    device = parse_device(payload)
    unknown = sorted(set(payload) - {"device", *QUESTIONS})
    if unknown:
        raise _bad("unknown_field", f"champ inconnu « {unknown[0]} »", unknown[0])
    not_asked = [q for q in QUESTIONS if q in payload and q not in asked]
    if not_asked:
        raise _bad("not_asked", f"ce débat ne pose pas la question « {not_asked[0]} »",
                   not_asked[0])
    ballot = Ballot(
        device=device,
        priorities=_priorities(payload["priorities"], domains) if "priorities" in payload
        else None,
        scores=_scores(payload["scores"], scored_domains, domains) if "scores" in payload
        else None,
        innovation=_innovation(payload["innovation"]) if "innovation" in payload else None,
        word=_word(payload["word"]) if "word" in payload else None)
    if not ballot.questions:
        raise _bad("empty_ballot", "aucune réponse dans le bulletin", "")
    return ballot


def _priorities(value: Any, domains: Sequence[str]) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or \
            not all(isinstance(v, str) for v in value):
        raise _bad("bad_priorities", "« priorities » doit être une liste de 1 à 3 domaines",
                   "priorities")
    if len(value) > MAX_PRIORITIES:
        raise _bad("too_many_priorities",
                   f"au plus {MAX_PRIORITIES} priorités ({len(value)} reçues)", "priorities")
    if len(set(value)) != len(value):
        raise _bad("duplicate_priority", "un domaine est cité deux fois", "priorities")
    for slug in value:
        if slug not in domains:
            raise _bad("unknown_domain", f"domaine inconnu « {slug} »", "priorities")
    return tuple(value)


def _scores(value: Any, scored_domains: Sequence[str],
            domains: Sequence[str]) -> dict[str, int]:
    if not isinstance(value, dict) or not value:
        raise _bad("bad_scores", "« scores » doit être un objet {domaine: note de 0 à 10}",
                   "scores")
    for slug, score in value.items():
        if slug not in domains:
            raise _bad("unknown_domain", f"domaine inconnu « {slug} »", "scores")
        if slug not in scored_domains:
            raise _bad("domain_not_asked", f"ce débat ne fait pas noter « {slug} »", "scores")
        # bool is an int subclass: `true` is not a score
        if type(score) is not int or score not in SCORE_RANGE:
            raise _bad("bad_score", f"la note de « {slug} » doit être un entier de 0 à 10",
                       "scores")
    return dict(value)


def _innovation(value: Any) -> bool:
    if not isinstance(value, bool):
        raise _bad("bad_innovation", "« innovation » doit valoir true ou false", "innovation")
    return value


def _word(value: Any) -> str:
    if not isinstance(value, str):
        raise _bad("bad_word", "« word » doit être un texte", "word")
    word = " ".join(value.split())
    normalised = normalise_word(word)
    if not normalised:  # nothing left once quotes and punctuation are dropped
        raise _bad("empty_word", "le mot est vide", "word")
    # the cloud's spelling may be longer than the word: « İ » lower-cased is « i̇ », 2 characters
    longest = max(len(word), len(normalised))
    if longest > MAX_WORD_CHARS:
        lowered = " une fois en minuscules" if longest > len(word) else ""
        raise _bad("word_too_long",
                   f"{MAX_WORD_CHARS} caractères au plus ({longest} reçus{lowered})", "word")
    problem = character_problem(word)
    if problem:
        raise _bad(BAD_CHARACTERS, f"« word » : {problem}", "word")
    return word
