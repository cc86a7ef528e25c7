"""How two spellings of one word are told to be the same (the debate's word cloud, its
hidden words)."""
from __future__ import annotations

import re
import unicodedata


def normalise_word(text: str) -> str:
    """A word as the cloud counts it: Unicode NFC (an accent typed either way is one
    letter), lower case with accents kept (`Écologie` and `écologie` are one word,
    `église` and `eglise` are not), typographic apostrophes made straight, spaces trimmed
    and collapsed, surrounding quotes and punctuation dropped (`« mobilité ! »`)."""
    word = unicodedata.normalize("NFC", text).lower()
    word = word.replace("\u2019", "'").replace("\u02bc", "'")
    word = re.sub(r"\s+", " ", word).strip()
    return word.strip(" \"'«»“”.,;:!?…-–—()[]").strip()
