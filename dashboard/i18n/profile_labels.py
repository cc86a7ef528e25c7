"""The sentences of a region's profile (its summary and the perception gaps written out,
`dashboard.analytics.profile`), French first; merged into `dashboard.i18n.labels.LABELS`."""
from __future__ import annotations

PROFILE_LABELS: dict[str, dict[str, str]] = {
    "profile_top_actor": {
        "fr": "{actor} ({study} {year}) : les fragilités les plus fortement perçues sont "
              "{items}.",
        "en": "{actor} ({study} {year}): the most strongly perceived fragilities are {items}."},
    "profile_top_index": {
        "fr": "Selon les statistiques (indice de fragilité, {year}), les domaines les plus "
              "fragiles de la région sont {items}.",
        "en": "According to the statistics (fragility index, {year}), the region's most "
              "fragile domains are {items}."},
    "profile_gaps": {
        "fr": "Les plus grands écarts entre perception et statistiques : {items}.",
        "en": "The largest gaps between perception and statistics: {items}."},
    "profile_gap_item": {"fr": "{domain} (indice {index}, {actor} {score} — {reading})",
                         "en": "{domain} (index {index}, {actor} {score} — {reading})"},
    "profile_gap_line": {"fr": "{domain} : indice {index}, {actor} {score} — {reading}",
                         "en": "{domain}: index {index}, {actor} {score} — {reading}"},
    "profile_not_perceived": {"fr": "la fragilité n'est pas perçue",
                              "en": "the fragility is not perceived"},
    "profile_under_perceived": {"fr": "la fragilité est sous-estimée",
                                "en": "the fragility is underestimated"},
    "profile_over_perceived": {"fr": "la fragilité est ressentie au-delà des statistiques",
                               "en": "the fragility is felt beyond what the statistics show"},
    "profile_above_france": {
        "fr": "Par rapport à la France, l'indice de fragilité est nettement plus élevé pour "
              "{items}.",
        "en": "Compared with France, the fragility index is markedly higher for {items}."},
    "profile_below_france": {
        "fr": "Il est nettement plus faible pour {items}.",
        "en": "It is markedly lower for {items}."},
    "profile_only_below_france": {
        "fr": "Par rapport à la France, l'indice de fragilité est nettement plus faible pour "
              "{items}.",
        "en": "Compared with France, the fragility index is markedly lower for {items}."},
    "profile_near_france": {
        "fr": "L'indice de fragilité reste proche de celui de la France dans tous les domaines "
              "(écart inférieur à {threshold} points).",
        "en": "The fragility index stays close to France's in every domain (less than "
              "{threshold} points apart)."},
    "profile_versus": {"fr": "{value} contre {france}", "en": "{value} against {france}"},
    "profile_no_survey": {
        "fr": "Aucune enquête PHARE ou IMPACT n'a interrogé d'acteurs dans cette région : "
              "la perception des fragilités n'y est pas connue.",
        "en": "No PHARE or IMPACT survey questioned actors in this region: how its "
              "fragilities are perceived is not known."},
    "profile_partial_index": {
        "fr": "Les statistiques ne couvrent que {n} domaines sur 16 dans cette région.",
        "en": "The statistics cover only {n} of the 16 domains in this region."},
    "profile_only_index": {
        "fr": "Les statistiques (indice de fragilité, {year}) ne couvrent qu'un domaine sur 16 "
              "dans cette région : {items}.",
        "en": "The statistics (fragility index, {year}) cover only one of the 16 domains in "
              "this region: {items}."},
    "profile_no_index": {
        "fr": "Aucun indicateur statistique n'est disponible pour cette région.",
        "en": "No statistical indicator is available for this region."},
    "profile_and": {"fr": " et ", "en": " and "},
}
