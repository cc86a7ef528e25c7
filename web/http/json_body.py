"""The one JSON reader of request bodies, with a depth limit: every JSON endpoint reads
through it, the debate API directly and Dash's callbacks through the app's JSON provider
(`request.get_json` asks `app.json.loads`).

Python's parser recurses once per nested array or object: a 2 KB body of 1,900 `[` raises
RecursionError (a 500) in it, or later in whatever walks the result. The depth is counted
on the text first, strings left out, so nothing deep is ever parsed.
"""
from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from flask import Flask
from flask.json.provider import DefaultJSONProvider

from dashboard.debates.questions import Refused
from dashboard.limits import MAX_JSON_DEPTH

# a JSON string (escapes included): what it holds is text, not nesting
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class TooDeep(ValueError):
    """A ValueError, as the parser's own errors are: `request.get_json` turns it into a
    400 like any unreadable body."""


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in a JSON text (0 for a scalar)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)


def loads(data: str | bytes, **kwargs: Any) -> Any:
    """json.loads (with its keyword arguments), refusing (TooDeep) a text nested deeper
    than MAX_JSON_DEPTH. Bytes are decoded as json.loads decodes them (UTF-8, -16 or -32,
    told by the first bytes)."""
    text = (data.decode(json.detect_encoding(data), "surrogatepass")
            if isinstance(data, bytes | bytearray) else data)
    depth = json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise TooDeep(f"JSON imbriqué sur {depth} niveaux ({MAX_JSON_DEPTH} au plus)")
    return json.loads(text, **kwargs)


def json_body(data: bytes) -> Any:
    """A request body decoded, or Refused (400, reason `too_deep` or `bad_json`)."""
    try:
        return loads(data)
    except TooDeep as error:
        raise Refused(400, "too_deep", str(error), "") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise Refused(400, "bad_json", f"JSON illisible ({error})", "") from None


class LimitedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, reading with the depth limit (writing is unchanged)."""

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        return loads(s, **kwargs)


def init_json(server: Flask) -> None:
    server.json = LimitedJSONProvider(server)
