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
    # --- shell ---
    "skip": {"fr": "Aller au contenu", "en": "Skip to content"},
    "nav_label": {"fr": "Navigation principale", "en": "Main navigation"},
    "nav_carte": {"fr": "Carte", "en": "Map"},
    "nav_acteurs": {"fr": "Regards croisés", "en": "Actors compared"},
    "nav_pratiques": {"fr": "Pratiques partenariales", "en": "Partnership practices"},
    "nav_initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "nav_methodologie": {"fr": "Méthodologie", "en": "Methodology"},
    "switch_lang": {"fr": "English", "en": "Français"},
    "switch_lang_title": {"fr": "Switch to English", "en": "Passer en français"},
    "not_found": {"fr": "Page introuvable : {path}", "en": "Page not found: {path}"},
    "back_home": {"fr": "Retour à la carte", "en": "Back to the map"},
    "demo_short": {"fr": "Données de démonstration", "en": "Demonstration data"},
    "footer": {"fr": "Territoires — d'après les études PHARE et IMPACT de l'Observatoire des "
                     "partenariats. Géographie : IGN, INSEE (Licence Ouverte 2.0).",
               "en": "Territoires — after the Observatoire des partenariats' PHARE and IMPACT "
                     "studies. Geography: IGN, INSEE (Licence Ouverte 2.0)."},
    # --- charts ---
    "download_csv": {"fr": "Télécharger les données (CSV)", "en": "Download the data (CSV)"},
    "show_table": {"fr": "Voir les données du graphique", "en": "Show the chart's data"},
    "source": {"fr": "Source", "en": "Source"},
    "no_data": {"fr": "Aucune donnée pour {what} — importez des données "
                      "(python -m dashboard import-survey / import-indicators).",
                "en": "No data for {what} — import data "
                      "(python -m dashboard import-survey / import-indicators)."},
    "france": {"fr": "France", "en": "France"},
    "region": {"fr": "Région", "en": "Region"},
    "value": {"fr": "Valeur", "en": "Value"},
    "rank": {"fr": "Rang", "en": "Rank"},
    "ci": {"fr": "IC 95 %", "en": "95% CI"},
    "n": {"fr": "n", "en": "n"},
    # --- map page ---
    "map_title": {"fr": "Carte des fragilités", "en": "Map of fragilities"},
    "map_intro": {"fr": "Choisissez un domaine (ou un axe, ou un indicateur) et une lecture : "
                        "l'indice de fragilité calculé sur les statistiques, la fragilité perçue "
                        "par un acteur, ou l'écart entre les deux. Cliquez une région pour "
                        "ouvrir sa fiche.",
                  "en": "Choose a domain (or an axis, or an indicator) and a lens: the "
                        "fragility index computed from statistics, the fragility perceived by "
                        "an actor, or the gap between them. Click a region to open its profile."},
    "control_domain": {"fr": "Domaine ou axe", "en": "Domain or axis"},
    "control_indicator": {"fr": "Indicateur (facultatif)", "en": "Indicator (optional)"},
    "control_lens": {"fr": "Lecture", "en": "Lens"},
    "control_actor": {"fr": "Acteur", "en": "Actor"},
    "control_wave": {"fr": "Vague d'enquête", "en": "Survey wave"},
    "control_classes": {"fr": "Classes de la légende", "en": "Legend classes"},
    "lens_index": {"fr": "Indice de fragilité (statistiques)",
                   "en": "Fragility index (statistics)"},
    "lens_perception": {"fr": "Fragilité perçue", "en": "Perceived fragility"},
    "lens_gap": {"fr": "Écart perception − statistiques", "en": "Gap perception − statistics"},
    "classes_quantile": {"fr": "Quantiles", "en": "Quantiles"},
    "classes_equal": {"fr": "Intervalles égaux", "en": "Equal intervals"},
    "axis_option": {"fr": "Axe {label}", "en": "{label} axis"},
    "unit_index_0_10": {"fr": "Indice 0-10", "en": "Index 0-10"},
    "unit_score_0_10": {"fr": "Note 0-10", "en": "Score 0-10"},
    "unit_gap": {"fr": "Écart (points)", "en": "Gap (points)"},
    "map_chart_title": {"fr": "{lens} — {subject}, par région",
                        "en": "{lens} — {subject}, by region"},
    "ranking_title": {"fr": "Classement des régions — {subject}",
                      "en": "Regions ranked — {subject}"},
    "source_index": {"fr": "Indice composite de fragilité (méthode : Méthodologie), "
                           "indicateurs {year}",
                     "en": "Composite fragility index (method: Methodology), "
                           "indicators {year}"},
    "source_survey": {"fr": "{study} {year}, n = {n}", "en": "{study} {year}, n = {n}"},
    "source_gap": {"fr": "{study} {year} (n = {n}) et indice composite",
                   "en": "{study} {year} (n = {n}) and composite index"},
    "source_indicator": {"fr": "{source}, {year}", "en": "{source}, {year}"},
    "open_region": {"fr": "Ouvrir la fiche de la région", "en": "Open the region's profile"},
    # --- page: region ---
    # --- page: domaine ---
    # --- page: acteurs ---
    # --- page: pratiques ---
    # --- page: initiatives ---
    # --- page: methodologie ---
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


def term_label(term: object, lang: str = "fr", short: bool = False) -> str:
    """A vocabulary term (domain, actor, axis…) in the interface's language."""
    prefix = "short" if short and getattr(term, "short_fr", "") else "label"
    return str(getattr(term, f"{prefix}_{'en' if lang == 'en' else 'fr'}"))
