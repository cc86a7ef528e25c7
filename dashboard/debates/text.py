"""What a presenter or a phone may type into a debate (titles, words, notes, a region's
code): text shown on the room's screen must show as typed.

Refused: control characters (a NUL also makes PostgreSQL refuse the string, a 500), format
characters (the right-to-left override U+202E turns a word around on the projector,
zero-width ones make two identical-looking words), lone surrogates, unassigned code points,
and floods of combining marks (« Zalgo » text that overflows its line). Notes may hold line
breaks and tabs. Each caller refuses with its own field (reason `bad_characters`).
"""
from __future__ import annotations

import unicodedata

from dashboard.limits import MAX_COMBINING_MARKS

BAD_CHARACTERS = "bad_characters"  # the refusals' reason
LINE_BREAKS = frozenset("\n\r\t")


def character_problem(text: str, multiline: bool = False) -> str | None:
    """What is wrong with `text`'s characters (French, naming the character), or None."""
    run = 0
    for position, char in enumerate(unicodedata.normalize("NFC", text), start=1):
        category = unicodedata.category(char)
        if category.startswith("C") and not (multiline and char in LINE_BREAKS):
            return f"caractère invisible ou de contrôle U+{ord(char):04X} en position {position}"
        run = run + 1 if category.startswith("M") else 0
        if run > MAX_COMBINING_MARKS:
            return (f"plus de {MAX_COMBINING_MARKS} signes diacritiques sur une lettre "
                    f"(position {position})")
    return None
