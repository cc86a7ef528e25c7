"""Typed ways to read pandas frames as this project builds them.

pandas-stubs types what it cannot know in general: a column label is any `Hashable`, and
`frame.loc[label]` is a row or, when labels repeat, a frame. The project's frames have string
column labels and, where rows are looked up by label, unique ones; these helpers say so once.
"""
from __future__ import annotations

from typing import Any, cast

import pandas as pd


def as_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """`frame.to_dict("records")`: one dict per row, keyed by the (string) column names."""
    return cast(list[dict[str, Any]], frame.to_dict("records"))


def row_at(frame: pd.DataFrame, label: str) -> pd.Series | None:
    """The row labelled `label` of a frame indexed by unique labels, or None without one."""
    if label not in frame.index:
        return None
    row = frame.loc[label]
    assert isinstance(row, pd.Series), f"several rows are labelled {label!r}"
    return row
