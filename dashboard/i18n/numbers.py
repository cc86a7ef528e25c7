"""How numbers, percentages and dates are written, from babel's CLDR data rather than by hand:
French with a comma and narrow no-break spaces (12 345,6), a no-break space before the
percent sign (12,5 %) and day/month/year dates; English with a point and commas (12,345.6),
12.5% and ISO dates. A missing number is '–'.

Python rounds, babel writes: babel alone rounds the float's shortest decimal form half to
even (1.05 → 1,0), whereas the interface has always rounded the float's exact binary value
(the float 1.05 is a hair above 1.05 → 1,1; 0.125 is exact, a half → 0,12), so a number is
first rounded by Python's own formatting, then written by babel from that decimal."""
from __future__ import annotations

import math
from copy import copy
from datetime import date, timedelta
from decimal import Decimal
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_timedelta
from babel.numbers import NumberPattern

MISSING = "–"
# English dates stay ISO (2026-12-07): neither the American nor the British order.
DATE_PATTERNS = {"fr": "short", "en": "yyyy-MM-dd"}
Kind = Literal["decimal", "percent"]


@cache
def _locale(lang: str) -> Locale:
    """Babel's locale for a page language (anything but French is written in English),
    parsed once: babel would parse a locale's name again at every number."""
    return Locale.parse("fr_FR" if lang == "fr" else "en")


@cache
def _pattern(lang: str, kind: Kind, digits: int, trim: bool) -> NumberPattern:
    """The locale's own decimal or percent pattern (its grouping, where the sign goes, which
    space precedes it) with `digits` decimals, all of them written unless `trim`."""
    locale = _locale(lang)
    pattern = copy((locale.decimal_formats if kind == "decimal" else locale.percent_formats)[None])
    pattern.frac_prec = (0 if trim else digits, digits)
    return pattern


def _write(number: Decimal, lang: str, kind: Kind = "decimal", digits: int = 0,
           trim: bool = False) -> str:
    return _pattern(lang, kind, digits, trim).apply(number, _locale(lang))


def _rounded(value: float | None, digits: int) -> Decimal | None:
    """`value` rounded as Python rounds a float (its exact binary value, half to even); None
    for None, NaN or an infinity, nothing a reader can be shown as a number."""
    if value is None or not math.isfinite(value):
        return None
    return Decimal(f"{value:.{digits}f}")


def format_int(value: int, lang: str = "fr") -> str:
    """12 345 678 in French (narrow no-break space), 12,345,678 in English; exact however
    large (an int never goes through a float)."""
    return _write(Decimal(int(value)), lang)


def format_number(value: float | None, digits: int = 1, lang: str = "fr",
                  trim: bool = False) -> str:
    """A number as the interface writes it, with `digits` decimals ('–' when missing);
    `trim` drops the decimals that are trailing zeros (17,4 rather than 17,4000)."""
    number = _rounded(value, digits)
    return MISSING if number is None else _write(number, lang, digits=digits, trim=trim)


def format_percent(value: float | None, digits: int = 0, lang: str = "fr",
                   trim: bool = False) -> str:
    """A percentage given in points (12.5 for 12.5 %): '12,5 %' in French (no-break space),
    '12.5%' in English; '–' when missing; `trim` as for `format_number`."""
    number = _rounded(value, digits)
    return MISSING if number is None else _write(number.scaleb(-2), lang, "percent", digits,
                                                 trim)


def percent_suffix(lang: str = "fr") -> str:
    """What follows the number in a percentage ('\u00a0%' in French, '%' in English): the
    charts' tick suffix and hover templates, which plotly formats itself."""
    return format_percent(0, 0, lang).removeprefix("0")


def format_date(day: date, lang: str = "fr") -> str:
    """07/12/2026 in French, 2026-12-07 in English."""
    return babel_format_date(day, DATE_PATTERNS["fr" if lang == "fr" else "en"],
                             locale=_locale(lang))


def format_wait(seconds: int, lang: str = "fr") -> str:
    """'45 secondes', '3 minutes': how long to wait, never rounded down (whoever waits that
    long is let in), so beyond a minute it is counted in whole minutes, rounded up."""
    if seconds >= 60:
        seconds = math.ceil(seconds / 60) * 60
    return format_timedelta(timedelta(seconds=seconds), locale=_locale(lang))
