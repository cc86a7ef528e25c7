"""The deck: an ordered list of slides `{kind, question?, notes}`. Chart slides show the
dashboard's own views for the debate's region; each question has a question slide (the
room votes) and a results slide (the room beside the survey)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dashboard.debates.questions import QUESTIONS, Refused
from dashboard.debates.text import character_problem
from dashboard.limits import MAX_NOTES_CHARS, MAX_SLIDES

CHART_SLIDES: tuple[tuple[str, str], ...] = (
    ("title", "Accueillez la salle, présentez le déroulé et affichez le code pour voter : "
              "chacun répond depuis son téléphone, sans compte."),
    ("map", "La carte situe la région parmi les autres : commencez par ce que les "
            "statistiques disent de ses fragilités."),
    ("fragilities", "Les 16 fragilités de la région, de la plus forte à la plus faible, "
                    "selon l'indice calculé sur les statistiques publiques."),
    ("perception", "Ce que les habitants, les entreprises, les associations et les maires "
                   "perçoivent, face aux statistiques : où les regards divergent-ils ?"),
    ("coconstruction", "Où en est la co-construction dans la région, et sur quels domaines "
                       "les acteurs souhaitent-ils agir ensemble ?"),
    ("practices", "Les pratiques partenariales des structures de la région : mécénat, "
                  "pratiques responsables, coopération économique, innovation sociétale."),
)
QUESTION_NOTES = {
    "priorities": ("Demandez à chacun de choisir jusqu'à 3 fragilités prioritaires. Laissez "
                   "une minute, puis fermez le vote.",
                   "Révélez : la salle face aux citoyens, entreprises, associations et maires "
                   "de la région. Qu'est-ce qui surprend ?"),
    "scores": ("Chacun note de 0 à 10 la fragilité de la région sur les domaines affichés, "
               "avec le curseur de son téléphone.",
               "Comparez la note moyenne de la salle à celle de chaque acteur dans l'enquête, "
               "avec le nombre de réponses de chaque côté."),
    "innovation": ("Les alliances entre acteurs sont-elles source d'innovation pour réduire "
                   "les fragilités ? Oui ou non.",
                   "La part de oui dans la salle face à celle des acteurs de la région."),
    "word": ("Un mot ou une courte expression pour le principal défi de la région "
             "(40 caractères au plus).",
             "Le nuage de mots de la salle. Un mot déplacé se masque depuis la vue "
             "présentateur."),
}
SLIDE_KINDS = tuple(kind for kind, _ in CHART_SLIDES) + ("question", "results")


CHART_KINDS = tuple(kind for kind, _ in CHART_SLIDES)


def default_deck(questions: Sequence[str],
                 charts: Sequence[str] = CHART_KINDS) -> list[dict[str, Any]]:
    """The chart slides among `charts` (in the dashboard's order, whatever the order given),
    then a question slide and a results slide per question."""
    slides: list[dict[str, Any]] = [{"kind": kind, "notes": notes}
                                    for kind, notes in CHART_SLIDES if kind in charts]
    for question in questions:
        ask, show = QUESTION_NOTES[question]
        slides.append({"kind": "question", "question": question, "notes": ask})
        slides.append({"kind": "results", "question": question, "notes": show})
    return slides


def _refuse(message: str) -> Refused:
    return Refused(400, "bad_deck", message, "deck")


def check_deck(deck: Any, questions: Sequence[str]) -> list[dict[str, Any]]:
    """A deck given by the presenter, checked slide by slide (kinds known, questions asked,
    notes text), or Refused naming the slide."""
    if not isinstance(deck, list) or not deck:
        raise _refuse("« deck » doit être une liste non vide de diapositives")
    if len(deck) > MAX_SLIDES:
        raise _refuse(f"« deck » : {MAX_SLIDES} diapositives au plus ({len(deck)} reçues)")
    slides = []
    for position, slide in enumerate(deck, start=1):
        if not isinstance(slide, dict) or slide.get("kind") not in SLIDE_KINDS:
            raise _refuse(f"diapositive {position} : « kind » doit être l'un de "
                          f"{', '.join(SLIDE_KINDS)}")
        kind = slide["kind"]
        question = slide.get("question")
        if kind in ("question", "results"):
            if question not in QUESTIONS or question not in questions:
                raise _refuse(f"diapositive {position} : « question » doit être une question "
                              f"du débat ({', '.join(questions)})")
        elif question is not None:
            raise _refuse(f"diapositive {position} : une diapositive « {kind} » n'a pas de "
                          "question")
        notes = slide.get("notes", "")
        if not isinstance(notes, str) or len(notes) > MAX_NOTES_CHARS:
            raise _refuse(f"diapositive {position} : « notes » doit être un texte de "
                          f"{MAX_NOTES_CHARS} caractères au plus")
        problem = character_problem(notes, multiline=True)
        if problem:
            raise _refuse(f"diapositive {position} : « notes » : {problem}")
        slides.append({"kind": kind, **({"question": question} if question else {}),
                       "notes": notes})
    return slides
