"""How numbers are written: French with a comma and narrow no-break spaces, English with
a point and commas ('–' for a missing value)."""
from __future__ import annotations

import math


def format_int(value: int, lang: str = "fr") -> str:
    """12 345 678 in French (narrow no-break space), 12,345,678 in English."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text



def format_number(value: float | None, digits: int = 1, lang: str = "fr") -> str:
    """A number as the interface writes it ('–' when missing)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u202f").replace(".", ",") if lang == "fr" else text
