"""Interface wording in one place, French first (English alongside for the switch)."""
from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"fr": "Territoires — fragilités et co-construction",
                  "en": "Territoires — fragility and co-construction"},
    "demo_banner": {
        "fr": "Données de démonstration : les enquêtes et indicateurs affichés sont générés "
              "pour reproduire les chiffres publiés par l'Observatoire des partenariats ; ce ne "
              "sont pas des résultats d'enquête. Géographie et populations : données publiques "
              "réelles (IGN, INSEE).",
        "en": "Demonstration data: the surveys and indicators shown are generated to reproduce "
              "the figures published by the Observatoire des partenariats; they are not survey "
              "results. Geography and populations: real public data (IGN, INSEE)."},
    "regions": {"fr": "Régions", "en": "Regions"},
    "code": {"fr": "Code", "en": "Code"},
    "name": {"fr": "Nom", "en": "Name"},
    "population": {"fr": "Population", "en": "Population"},
    "area": {"fr": "Superficie (km²)", "en": "Area (km²)"},
    "status": {"fr": "{surveys} enquêtes ({respondents} répondants), {indicators} indicateurs",
               "en": "{surveys} surveys ({respondents} respondents), {indicators} indicators"},
    "api": {"fr": "API JSON", "en": "JSON API"},
    "unavailable": {"fr": "La base de données ne répond pas : réessayez dans un instant.",
                    "en": "The database is not answering: try again in a moment."},
    "empty": {"fr": "Aucune donnée : importez des indicateurs ou des enquêtes "
                    "(python -m dashboard import-indicators / import-survey).",
              "en": "No data: import indicators or surveys "
                    "(python -m dashboard import-indicators / import-survey)."},
}


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The label in the given language (French when missing), formatted with values."""
    entry = LABELS[key]
    return entry.get(lang, entry["fr"]).format(**values)


def format_int(value: int, lang: str = "fr") -> str:
    """12 345 678 in French (narrow no-break space), 12,345,678 in English."""
    text = f"{value:,}"
    return text.replace(",", "\u202f") if lang == "fr" else text


def format_float(value: float, digits: int = 1, lang: str = "fr") -> str:
    text = f"{value:,.{digits}f}"
    if lang == "fr":
        return text.replace(",", "\u202f").replace(".", ",")
    return text
