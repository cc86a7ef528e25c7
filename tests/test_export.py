"""CSV exports: what the chart shows, safe to open in a spreadsheet."""
from dashboard.export import neutralise, rows_to_csv


def test_formula_like_text_is_neutralised_but_numbers_are_not():
    assert neutralise("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert neutralise("+33") == "'+33" and neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("-cmd") == "'-cmd"
    assert neutralise(-1.5) == -1.5 and neutralise("Île-de-France") == "Île-de-France"


def test_rows_to_csv_follows_the_columns_and_leaves_missing_cells_empty():
    text = rows_to_csv([{"name": "=danger", "value": -0.5, "n": None}],
                       [("name", "Région"), ("value", "Valeur"), ("n", "n")])
    assert text.startswith("\ufeff")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines == ["Région,Valeur,n", "'=danger,-0.5,"]
