"""Fast bulk inserts for the long tables (answers run to millions of rows).

PostgreSQL gets COPY fed with CSV text that pandas formats in C; SQLite a plain DB-API
executemany over the frame's tuples. Both are an order of magnitude faster than one dict per
row through SQLAlchemy, and both run inside the caller's transaction, so an import stays
all-or-nothing.
"""
from __future__ import annotations

import io

import pandas as pd
from sqlalchemy import insert
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import Table
from tqdm import tqdm

from dashboard.frames import as_records

CHUNK = 200_000


def bulk_insert(session: Session, table: Table, frame: pd.DataFrame, *,
                progress: bool = False, label: str = "") -> int:
    """Insert the rows of `frame` (columns named as the table's) in the session's transaction."""
    if frame.empty:
        return 0
    columns = list(frame.columns)
    connection = session.connection()
    dialect = connection.dialect.name
    driver = connection.connection.driver_connection  # psycopg / sqlite3 connection
    assert driver is not None, "the session's connection is closed"
    text_columns = [c for c in columns if pd.api.types.is_string_dtype(frame[c])
                    or frame[c].dtype == object]
    with tqdm(total=len(frame), desc=label or table.name, unit="lignes", disable=not progress,
              leave=False) as bar:
        for start in range(0, len(frame), CHUNK):
            chunk = frame.iloc[start:start + CHUNK]
            if dialect == "postgresql":
                buffer = io.StringIO()
                chunk.to_csv(buffer, header=False, index=False)
                # FORCE_NOT_NULL: an empty text field is '', not NULL (the item of a yes/no)
                options = "FORMAT csv" + (f", FORCE_NOT_NULL ({', '.join(text_columns)})"
                                          if text_columns else "")
                cursor = driver.cursor()
                with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN "
                                 f"WITH ({options})") as copy:
                    copy.write(buffer.getvalue())
            elif dialect == "sqlite":
                cursor = driver.cursor()
                cursor.executemany(
                    f"INSERT INTO {table.name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    chunk.itertuples(index=False, name=None))
            else:  # any other backend: portable, slower
                connection.execute(insert(table), as_records(chunk))
            bar.update(len(chunk))
    return len(frame)
