"""Demonstration indicator files: regional statistics for the 16 domains, and two INSEE-style
departmental exports, generated deterministically from a fixed seed.

Why: the dashboard must show something meaningful on a fresh machine, before anyone has
imported real statistics, and its tests need stable data. These files play that role. They
are **demonstration values**, not official figures: every indicator imitates a public
statistic (INSEE, DREES, SSMSI, ARCEP, CNAF…), with French regional levels and spreads of
the right order, but the numbers are invented. Each `source` says which statistic it
imitates and ends with « — valeurs de démonstration ».

What: 2 to 4 indicators per domain for the 13 metropolitan regions and France, in 2015 and
2019, so that the index has a most recent year. Overseas regions have values only for
unemployment and poverty, where such figures exist; being far above the metropolitan ones,
they stretch the scale of those two indicators in the (relative) index, so the other
indicators of these domains are metropolitan only and keep the metropolitan contrasts
visible. The regional profiles follow what the seed documents and well-known facts say: in
PACA the highest objective fragility indices are security and digital access (IMPACT-PACA),
then the economic questions, ageing, disability, mobility and education; Hauts-de-France and
Occitanie have high unemployment and poverty; Île-de-France poor housing and a young
population; Centre-Val de Loire and Bourgogne-Franche-Comté few GPs and an old population;
Bretagne and Pays de la Loire low unemployment; Corse ageing, remoteness and poor digital
coverage.

How: hand-set 2019 regional levels, slightly perturbed, and a 2015 value from a national
trend with a regional deviation; France is the population-weighted mean of its regions;
departments vary around their region (known contrasts such as Seine-Saint-Denis, plus noise)
and average back to it. Everything comes from `numpy.random.default_rng(seed)` drawn in a
fixed order and is written with fixed decimals, so two runs give identical bytes, and so do
two machines: the sums behind France and the departments are exact (`math.fsum` over Python
floats, not numpy's reductions, whose SIMD kernels round differently from one CPU to the
next), and `exp` results are rounded to 12 decimals before use, so no CPU-dependent last bit
can move a value across a rounding boundary of the files.

The files are not read by any special path: `dashboard.bootstrap.load_demo` imports them
through the same importers a user runs (long format, and wide exports with the metadata of
their manifest entry). Populations and department names come from the real geography
(`data/geo/territories.csv`), which must exist before this runs.
"""
from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from dashboard.bootstrap import TERRITORIES_FILE

DEMO_SUFFIX = " — valeurs de démonstration"
DEMO_SUFFIX_EN = " — demonstration values"
YEARS = (2015, 2019)
LATEST = YEARS[-1]
#: The 13 metropolitan regions, in the order of every `values` tuple below.
REGIONS = ("11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94")
#: Relative noise on the hand-set 2019 levels (small: the profiles must survive it).
LEVEL_NOISE = 0.004
#: Decimals kept of a transcendental result (exp) before it is used: libm variants may
#: differ in the last bit, never at the 12th decimal.
RAW_DECIMALS = 12
LONG_FILE = "indicators.csv"
LONG_HEADER = ("indicator_code", "indicator_label", "domain", "territory_code", "year",
               "value", "unit", "source", "direction", "indicator_label_en", "source_en")


@dataclass(frozen=True)
class Spec:
    """One indicator: its definition, 2019 levels and 2015/2019 evolution.

    `values` are the 2019 levels of REGIONS, in that order; `overseas` the overseas regions
    that have the statistic. The 2015 value is `change` × the 2019 value + `shift`, plus a
    regional deviation whose standard deviation is `drift` × the indicator's typical level.
    `decimals` < 0 rounds to tens, hundreds.
    """

    code: str
    domain: str
    label: str
    unit: str
    direction: str
    source: str
    decimals: int
    change: float
    values: tuple[float, ...]
    overseas: dict[str, float] = field(default_factory=dict)
    drift: float = 0.02
    shift: float = 0.0

    @property
    def full_source(self) -> str:
        return self.source + DEMO_SUFFIX

    @property
    def label_en(self) -> str:
        return LABELS_EN[self.code]

    @property
    def full_source_en(self) -> str:
        return SOURCES_EN[self.source] + DEMO_SUFFIX_EN


W, B = "higher_is_worse", "higher_is_better"
RP = "INSEE, recensement de la population"
FILOSOFI = "INSEE-DGFiP-Cnaf-Cnav-CCMSA, Filosofi"
SSMSI = "SSMSI, crimes et délits enregistrés par la police et la gendarmerie"
ARCEP = "ARCEP, observatoire du haut et très haut débit"

# `values` order: IdF, CVL, BFC, Normandie, HdF, Grand Est, PdL, Bretagne, N.-Aquitaine,
# Occitanie, ARA, PACA, Corse (REGIONS).
SPECS: tuple[Spec, ...] = (
    # — emploi
    Spec("taux_chomage", "emploi", "Taux de chômage localisé (4e trimestre)", "percent", W,
         "INSEE, taux de chômage localisés", 1, 1.26,
         (7.3, 7.6, 6.9, 7.9, 10.0, 7.9, 6.5, 6.5, 7.4, 9.6, 6.9, 9.1, 8.0),
         {"01": 21.0, "02": 15.0, "03": 17.9, "04": 21.3}, drift=0.03),
    Spec("part_chomeurs_longue_duree", "emploi",
         "Part des demandeurs d'emploi inscrits depuis un an ou plus (cat. A, B, C)",
         "percent", W, "Pôle emploi-DARES, statistiques du marché du travail", 1, 0.96,
         (43.5, 48.0, 47.0, 48.5, 50.0, 49.0, 44.0, 45.0, 46.0, 47.0, 44.5, 49.5, 38.5)),
    Spec("taux_emploi_15_64", "emploi", "Taux d'emploi des 15-64 ans", "percent", B, RP, 1,
         0.98, (67.8, 65.5, 66.0, 64.8, 60.5, 63.0, 68.0, 67.2, 65.5, 61.8, 68.0, 61.2, 61.0),
         drift=0.008),
    Spec("taux_chomage_15_24", "emploi", "Taux de chômage des 15-24 ans (au sens du recensement)",
         "percent", W, RP, 1, 1.1,
         (22.5, 26.0, 24.5, 27.5, 31.0, 28.5, 21.5, 23.0, 26.5, 30.0, 22.0, 27.5, 26.0)),
    # — niveau_de_vie
    Spec("revenu_median", "niveau_de_vie", "Médiane du niveau de vie annuel", "euros", B,
         FILOSOFI, -1, 0.935,
         (23860, 21590, 21380, 21150, 20180, 21570, 21540, 21680, 21260, 20630, 22520, 21100,
          20630), drift=0.008),
    Spec("rapport_interdecile", "niveau_de_vie", "Rapport interdécile du niveau de vie (D9/D1)",
         "ratio", W, FILOSOFI, 2, 1.0,
         (4.45, 3.05, 2.95, 3.05, 3.35, 3.20, 2.80, 2.75, 3.05, 3.35, 3.30, 3.80, 3.60),
         drift=0.01),
    # — pauvrete
    Spec("taux_pauvrete", "pauvrete", "Taux de pauvreté au seuil de 60 % du niveau de vie médian",
         "percent", W, FILOSOFI, 1, 1.01,
         (15.6, 13.3, 13.0, 13.8, 17.9, 14.6, 10.9, 10.9, 13.5, 17.2, 12.7, 17.1, 18.3),
         {"01": 34.5, "02": 28.6, "04": 36.1}),
    Spec("part_population_couverte_rsa", "pauvrete",
         "Part de la population couverte par le RSA", "percent", W,
         "CNAF-CCMSA, allocataires du revenu de solidarité active", 1, 1.03,
         (7.0, 6.2, 5.9, 7.2, 9.5, 6.8, 4.6, 4.5, 6.4, 8.7, 5.0, 8.3, 6.2)),
    Spec("dossiers_surendettement_pour_100000", "pauvrete",
         "Dossiers de surendettement déposés pour 100 000 habitants de 15 ans ou plus",
         "pour_100000", W, "Banque de France, enquête typologique sur le surendettement", 0,
         1.5, (190, 300, 290, 330, 380, 300, 260, 255, 250, 280, 230, 250, 160), drift=0.04),
    Spec("part_population_bas_revenus", "pauvrete",
         "Part de la population couverte par une prestation CAF sous le seuil de bas revenus",
         "percent", W, "CNAF, allocataires à bas revenus", 1, 1.02,
         (16.0, 14.5, 14.0, 16.5, 21.0, 16.0, 11.5, 11.5, 14.5, 20.0, 13.0, 19.0, 17.0)),
    # — mal_logement
    Spec("part_logements_suroccupes", "mal_logement",
         "Part des résidences principales suroccupées", "percent", W, RP, 1, 0.98,
         (19.9, 3.9, 3.7, 4.2, 5.3, 4.8, 3.3, 2.8, 4.2, 6.8, 6.0, 9.8, 8.5)),
    Spec("demandes_logement_social_pour_1000", "mal_logement",
         "Demandes de logement social en attente pour 1 000 habitants", "pour_1000", W,
         "SNE, système national d'enregistrement de la demande de logement social", 1, 0.92,
         (60, 21, 18, 23, 28, 23, 23, 21, 22, 27, 27, 37, 23), drift=0.03),
    # — diversite_handicap
    Spec("part_allocataires_aah", "diversite_handicap",
         "Part des allocataires de l'AAH parmi les 20-64 ans", "percent", W,
         "CNAF-CCMSA, allocataires de l'allocation aux adultes handicapés", 2, 0.92,
         (2.30, 3.30, 3.40, 3.50, 3.90, 3.20, 2.90, 3.30, 3.50, 3.80, 2.90, 3.30, 3.50)),
    Spec("places_adultes_handicapes_pour_1000", "diversite_handicap",
         "Places d'accueil pour adultes handicapés pour 1 000 adultes de 20 à 59 ans",
         "pour_1000", B, "DREES, FINESS-STATISS", 1, 0.97,
         (2.7, 5.6, 5.4, 6.2, 4.3, 4.6, 5.8, 6.3, 5.5, 4.9, 4.8, 3.8, 3.9)),
    # — vieillissement
    Spec("part_75_ans_plus", "vieillissement", "Part des 75 ans ou plus dans la population",
         "percent", W, RP, 1, 0.97,
         (6.9, 10.6, 11.0, 10.2, 8.2, 9.4, 9.7, 10.6, 11.4, 10.6, 9.1, 10.5, 11.2),
         drift=0.01),
    Spec("indice_vieillissement", "vieillissement",
         "Indice de vieillissement (65 ans ou plus pour 100 jeunes de moins de 20 ans)",
         "indice", W, RP, 1, 0.92,
         (57, 95, 102, 91, 72, 85, 85, 100, 110, 97, 79, 96, 120), drift=0.01),
    # — lien_social
    Spec("part_menages_une_personne", "lien_social", "Part des ménages d'une seule personne",
         "percent", W, RP, 1, 0.97,
         (38.5, 36.5, 37.5, 35.8, 33.8, 36.8, 34.8, 37.2, 37.0, 37.6, 36.4, 37.9, 35.0),
         drift=0.01),
    Spec("part_75_ans_plus_seuls", "lien_social",
         "Part des personnes de 75 ans ou plus vivant seules", "percent", W, RP, 1, 0.99,
         (43.5, 38.0, 39.0, 39.5, 38.0, 38.5, 36.0, 37.0, 38.0, 37.5, 38.0, 39.5, 35.5),
         drift=0.01),
    Spec("associations_pour_1000", "lien_social", "Associations actives pour 1 000 habitants",
         "pour_1000", B, "INJEP, répertoire national des associations", 1, 0.97,
         (19, 22, 24, 20, 17, 21, 22, 24, 25, 26, 23, 26, 29)),
    # — education
    Spec("part_sans_diplome", "education",
         "Part des non-diplômés parmi les 15 ans ou plus non scolarisés", "percent", W, RP, 1,
         1.12, (18.6, 22.0, 21.8, 23.0, 26.0, 22.3, 19.8, 18.0, 21.0, 20.8, 19.2, 21.0, 23.0),
         drift=0.015),
    Spec("part_jeunes_decrocheurs", "education",
         "Part des 16-25 ans non scolarisés et sans diplôme (décrocheurs)", "percent", W, RP,
         1, 1.08, (7.5, 9.0, 8.6, 9.4, 10.0, 9.2, 6.9, 6.3, 8.4, 9.8, 7.4, 9.2, 10.6)),
    # — sante
    Spec("medecins_generalistes_pour_100000", "sante",
         "Médecins généralistes pour 100 000 habitants", "pour_100000", B,
         "DREES, répertoire partagé des professionnels de santé (RPPS)", 0, 1.03,
         (138, 118, 126, 128, 140, 143, 132, 150, 160, 165, 148, 182, 155)),
    Spec("esperance_vie", "sante", "Espérance de vie à la naissance", "annees", B,
         "INSEE, statistiques de l'état civil", 1, 0.996,
         (84.1, 82.2, 82.3, 81.8, 80.9, 82.1, 83.4, 82.3, 83.0, 83.4, 83.6, 83.3, 83.4),
         drift=0.002),
    Spec("mortalite_prematuree_pour_100000", "sante",
         "Décès avant 65 ans pour 100 000 habitants de moins de 65 ans", "pour_100000", W,
         "INSERM-CépiDc, causes médicales de décès", 0, 1.05,
         (165, 220, 212, 235, 262, 225, 190, 222, 200, 190, 178, 195, 200)),
    # — securite
    Spec("atteintes_biens_pour_1000", "securite",
         "Atteintes aux biens enregistrées pour 1 000 habitants", "pour_1000", W, SSMSI, 1,
         1.08, (43.5, 26.0, 24.0, 25.5, 31.0, 27.0, 24.5, 22.0, 27.5, 34.0, 31.5, 44.8, 21.5)),
    Spec("violences_physiques_pour_1000", "securite",
         "Violences physiques enregistrées pour 1 000 habitants", "pour_1000", W, SSMSI, 2,
         0.85, (5.0, 3.5, 3.2, 3.9, 4.6, 3.9, 2.9, 2.8, 3.3, 4.0, 3.5, 4.9, 3.0)),
    Spec("cambriolages_pour_1000_logements", "securite",
         "Cambriolages de logements enregistrés pour 1 000 logements", "pour_1000", W, SSMSI,
         1, 1.12, (10.5, 7.5, 6.5, 6.0, 8.0, 7.0, 6.5, 5.5, 7.5, 11.0, 10.0, 12.5, 5.0),
         drift=0.03),
    # — mobilite
    Spec("part_actifs_voiture", "mobilite",
         "Part des actifs occupés se rendant au travail en voiture", "percent", W, RP, 1,
         1.0, (40.5, 81.5, 80.5, 80.8, 79.8, 79.5, 81.0, 82.2, 82.5, 81.0, 75.8, 74.0, 83.5),
         drift=0.005),
    Spec("temps_acces_services", "mobilite",
         "Temps d'accès moyen aux équipements de la gamme intermédiaire", "minutes", W,
         "INSEE, base permanente des équipements et distancier Metric", 1, 1.0,
         (3.0, 5.5, 6.5, 5.0, 3.8, 5.0, 4.6, 4.8, 5.8, 6.2, 5.2, 4.8, 9.5), drift=0.01),
    Spec("duree_trajet_domicile_travail", "mobilite",
         "Durée moyenne du trajet domicile-travail (aller)", "minutes", W,
         "INSEE, recensement de la population et distancier Metric", 1, 0.97,
         (34.5, 23.0, 21.5, 22.0, 24.5, 22.5, 22.5, 21.0, 22.0, 23.0, 24.0, 25.5, 25.0),
         drift=0.01),
    # — numerique
    Spec("couverture_tres_haut_debit", "numerique",
         "Part des locaux éligibles au très haut débit (30 Mbit/s ou plus)", "percent", B,
         ARCEP, 1, 0.72,
         (90.0, 52.0, 53.0, 58.0, 74.0, 63.0, 56.0, 50.0, 49.0, 55.0, 64.0, 47.0, 38.0),
         drift=0.06),
    Spec("couverture_4g_territoire", "numerique",
         "Part du territoire couverte en 4G par tous les opérateurs", "percent", B,
         "ARCEP, Mon réseau mobile", 1, 0.6,
         (97.0, 88.0, 79.0, 90.0, 95.0, 85.0, 92.0, 93.0, 84.0, 76.0, 74.0, 65.0, 62.0),
         drift=0.06),
    Spec("part_non_internautes", "numerique",
         "Part des 15 ans ou plus n'ayant pas utilisé internet dans l'année", "percent", W,
         "INSEE, enquête sur les technologies de l'information et de la communication", 1,
         1.25, (11.0, 16.0, 16.5, 16.5, 16.0, 15.0, 14.0, 14.5, 16.0, 16.0, 13.5, 17.6, 17.2)),
    # — culture_loisirs
    Spec("equipements_culturels_pour_100000", "culture_loisirs",
         "Équipements culturels (cinémas, bibliothèques, musées, salles de spectacle) pour "
         "100 000 habitants", "pour_100000", B,
         "Ministère de la Culture-DEPS, atlas régional de la culture", 1, 0.98,
         (34, 46, 52, 43, 30, 43, 44, 47, 50, 48, 42, 36, 55)),
    Spec("part_licencies_sportifs", "culture_loisirs",
         "Part de la population titulaire d'une licence sportive", "percent", B,
         "INJEP-MEDES, recensement des licences sportives", 1, 1.01,
         (21.5, 25.0, 25.0, 24.0, 20.5, 24.0, 28.0, 27.0, 25.0, 24.0, 26.0, 22.0, 22.5)),
    Spec("temps_acces_cinema", "culture_loisirs", "Temps d'accès moyen au cinéma le plus proche",
         "minutes", W, "INSEE, base permanente des équipements et distancier Metric", 1, 1.0,
         (3.0, 12.0, 13.0, 10.0, 8.0, 10.0, 10.0, 9.0, 12.0, 12.0, 10.0, 9.0, 18.0),
         drift=0.01),
    # — environnement
    Spec("part_surfaces_artificialisees", "environnement",
         "Part des surfaces artificialisées", "percent", W, "SDES, Corine Land Cover", 1,
         0.97, (22.0, 6.6, 5.6, 8.0, 11.5, 6.6, 10.2, 10.5, 6.9, 6.1, 7.1, 7.5, 2.6),
         drift=0.005),
    Spec("jours_depassement_ozone", "environnement",
         "Jours de dépassement du seuil de protection de la santé pour l'ozone", "jours", W,
         "Atmo France, associations agréées de surveillance de la qualité de l'air", 0, 1.0,
         (10, 10, 12, 3, 4, 15, 3, 1, 6, 15, 25, 40, 12), drift=0.25),
    # — transition_energetique
    Spec("part_energies_renouvelables", "transition_energetique",
         "Part des énergies renouvelables dans la consommation finale d'énergie", "percent", B,
         "SDES, bilans énergétiques régionaux", 1, 0.82,
         (5.5, 17.0, 21.5, 12.5, 11.0, 16.5, 15.5, 14.5, 25.0, 23.5, 23.0, 12.0, 25.5)),
    Spec("part_menages_vulnerabilite_energetique", "transition_energetique",
         "Part des ménages en vulnérabilité énergétique pour le logement", "percent", W,
         "INSEE-SDES, vulnérabilité énergétique des ménages", 1, 1.02,
         (9.0, 17.5, 19.0, 16.0, 16.0, 17.5, 12.0, 15.0, 15.0, 14.0, 14.5, 11.0, 18.0)),
    Spec("emissions_ges_par_habitant", "transition_energetique",
         "Émissions de gaz à effet de serre par habitant", "tco2e", W,
         "Citepa et observatoires régionaux de l'énergie et du climat", 1, 1.08,
         (3.6, 7.0, 7.5, 10.0, 10.5, 11.0, 7.5, 8.0, 6.5, 6.0, 6.8, 9.0, 7.0)),
    # — developpement_economique
    Spec("evolution_emploi_salarie", "developpement_economique",
         "Évolution annuelle moyenne de l'emploi salarié privé sur cinq ans", "pourcent_par_an",
         B, "URSSAF-ACOSS et INSEE, estimations d'emploi", 2, 1.0,
         (1.3, 0.3, 0.0, 0.4, 0.5, 0.2, 1.2, 1.0, 1.0, 1.4, 1.2, 1.0, 1.9), drift=0.25,
         shift=-0.7),
    Spec("taux_creation_entreprises", "developpement_economique",
         "Taux de création d'entreprises", "percent", B,
         "INSEE, répertoire des entreprises et des établissements (Sirene)", 1, 0.8,
         (17.2, 12.6, 11.3, 12.2, 13.4, 12.1, 12.0, 11.6, 13.6, 16.0, 14.0, 16.6, 15.0)),
    Spec("taux_survie_entreprises_5_ans", "developpement_economique",
         "Taux de survie des entreprises à 5 ans", "percent", B,
         "INSEE, système d'information sur les nouvelles entreprises (SINE)", 1, 0.98,
         (56.5, 62.0, 63.5, 63.0, 58.5, 60.5, 66.0, 66.5, 61.5, 57.5, 62.5, 55.0, 55.5),
         drift=0.01),
)
#: The indicators' names in English (the files carry both: `?lang=en` shows these).
LABELS_EN: dict[str, str] = {
    "taux_chomage": "Localised unemployment rate (4th quarter)",
    "part_chomeurs_longue_duree": "Share of jobseekers registered for a year or more "
                                  "(categories A, B, C)",
    "taux_emploi_15_64": "Employment rate of people aged 15-64",
    "taux_chomage_15_24": "Unemployment rate of people aged 15-24 (census definition)",
    "revenu_median": "Median annual standard of living",
    "rapport_interdecile": "Interdecile ratio of the standard of living (D9/D1)",
    "taux_pauvrete": "Poverty rate at 60% of the median standard of living",
    "part_population_couverte_rsa": "Share of the population covered by the RSA (minimum "
                                    "income)",
    "dossiers_surendettement_pour_100000": "Over-indebtedness cases filed per 100,000 people "
                                           "aged 15 or over",
    "part_population_bas_revenus": "Share of the population covered by a CAF benefit below "
                                   "the low-income threshold",
    "part_logements_suroccupes": "Share of overcrowded main residences",
    "demandes_logement_social_pour_1000": "Pending social housing applications per 1,000 "
                                          "inhabitants",
    "part_allocataires_aah": "Share of people aged 20-64 receiving the AAH (disabled adults' "
                             "allowance)",
    "places_adultes_handicapes_pour_1000": "Places in care facilities for disabled adults per "
                                           "1,000 adults aged 20 to 59",
    "part_75_ans_plus": "Share of people aged 75 or over in the population",
    "indice_vieillissement": "Ageing index (people aged 65 or over per 100 young people under "
                             "20)",
    "part_menages_une_personne": "Share of one-person households",
    "part_75_ans_plus_seuls": "Share of people aged 75 or over living alone",
    "associations_pour_1000": "Active associations per 1,000 inhabitants",
    "part_sans_diplome": "Share of people aged 15 or over, out of school, with no "
                         "qualification",
    "part_jeunes_decrocheurs": "Share of people aged 16-25 out of school with no "
                               "qualification (early school leavers)",
    "medecins_generalistes_pour_100000": "General practitioners per 100,000 inhabitants",
    "esperance_vie": "Life expectancy at birth",
    "mortalite_prematuree_pour_100000": "Deaths before 65 per 100,000 inhabitants under 65",
    "atteintes_biens_pour_1000": "Recorded property offences per 1,000 inhabitants",
    "violences_physiques_pour_1000": "Recorded physical violence per 1,000 inhabitants",
    "cambriolages_pour_1000_logements": "Recorded household burglaries per 1,000 dwellings",
    "part_actifs_voiture": "Share of employed people who drive to work",
    "temps_acces_services": "Average access time to intermediate-range facilities",
    "duree_trajet_domicile_travail": "Average home-to-work journey time (one way)",
    "couverture_tres_haut_debit": "Share of premises eligible for very high-speed broadband "
                                  "(30 Mbit/s or more)",
    "couverture_4g_territoire": "Share of the territory covered by 4G from every operator",
    "part_non_internautes": "Share of people aged 15 or over who did not use the internet in "
                            "the year",
    "equipements_culturels_pour_100000": "Cultural facilities (cinemas, libraries, museums, "
                                         "performance venues) per 100,000 inhabitants",
    "part_licencies_sportifs": "Share of the population holding a sports licence",
    "temps_acces_cinema": "Average access time to the nearest cinema",
    "part_surfaces_artificialisees": "Share of artificialised land",
    "jours_depassement_ozone": "Days above the health protection threshold for ozone",
    "part_energies_renouvelables": "Share of renewable energy in final energy consumption",
    "part_menages_vulnerabilite_energetique": "Share of households in energy vulnerability "
                                              "for housing",
    "emissions_ges_par_habitant": "Greenhouse gas emissions per inhabitant",
    "evolution_emploi_salarie": "Average annual change in private salaried employment over "
                                "five years",
    "taux_creation_entreprises": "Business creation rate",
    "taux_survie_entreprises_5_ans": "Five-year business survival rate",
}
#: The statistics the indicators imitate, in English (producers' names and acronyms kept).
SOURCES_EN: dict[str, str] = {
    "ARCEP, Mon réseau mobile": "ARCEP, Mon réseau mobile (mobile coverage maps)",
    "ARCEP, observatoire du haut et très haut débit": "ARCEP, high and very high-speed "
                                                      "broadband observatory",
    "Atmo France, associations agréées de surveillance de la qualité de l'air":
        "Atmo France, approved air quality monitoring associations",
    "Banque de France, enquête typologique sur le surendettement":
        "Banque de France, typological survey of over-indebtedness",
    "CNAF, allocataires à bas revenus": "CNAF, low-income benefit recipients",
    "CNAF-CCMSA, allocataires de l'allocation aux adultes handicapés":
        "CNAF-CCMSA, recipients of the disabled adults' allowance",
    "CNAF-CCMSA, allocataires du revenu de solidarité active":
        "CNAF-CCMSA, recipients of the RSA (minimum income)",
    "Citepa et observatoires régionaux de l'énergie et du climat":
        "Citepa and regional energy and climate observatories",
    "DREES, FINESS-STATISS": "DREES, FINESS-STATISS",
    "DREES, répertoire partagé des professionnels de santé (RPPS)":
        "DREES, shared directory of health professionals (RPPS)",
    "INJEP, répertoire national des associations": "INJEP, national register of associations",
    "INJEP-MEDES, recensement des licences sportives": "INJEP-MEDES, census of sports licences",
    "INSEE, base permanente des équipements et distancier Metric":
        "INSEE, permanent database of facilities and Metric distance calculator",
    "INSEE, enquête sur les technologies de l'information et de la communication":
        "INSEE, survey on information and communication technologies",
    "INSEE, recensement de la population": "INSEE, population census",
    "INSEE, recensement de la population et distancier Metric":
        "INSEE, population census and Metric distance calculator",
    "INSEE, répertoire des entreprises et des établissements (Sirene)":
        "INSEE, register of businesses and establishments (Sirene)",
    "INSEE, statistiques de l'état civil": "INSEE, civil registration statistics",
    "INSEE, système d'information sur les nouvelles entreprises (SINE)":
        "INSEE, information system on new businesses (SINE)",
    "INSEE, taux de chômage localisés": "INSEE, localised unemployment rates",
    "INSEE-DGFiP-Cnaf-Cnav-CCMSA, Filosofi": "INSEE-DGFiP-Cnaf-Cnav-CCMSA, Filosofi",
    "INSEE-SDES, vulnérabilité énergétique des ménages":
        "INSEE-SDES, household energy vulnerability",
    "INSERM-CépiDc, causes médicales de décès": "INSERM-CépiDc, medical causes of death",
    "Ministère de la Culture-DEPS, atlas régional de la culture":
        "Ministry of Culture-DEPS, regional atlas of culture",
    "Pôle emploi-DARES, statistiques du marché du travail":
        "Pôle emploi-DARES, labour market statistics",
    "SDES, Corine Land Cover": "SDES, Corine Land Cover",
    "SDES, bilans énergétiques régionaux": "SDES, regional energy balances",
    "SNE, système national d'enregistrement de la demande de logement social":
        "SNE, national register of social housing applications",
    "SSMSI, crimes et délits enregistrés par la police et la gendarmerie":
        "SSMSI, crimes and offences recorded by the police and gendarmerie",
    "URSSAF-ACOSS et INSEE, estimations d'emploi": "URSSAF-ACOSS and INSEE, employment "
                                                   "estimates",
}
SPEC_BY_CODE = {s.code: s for s in SPECS}


@dataclass(frozen=True)
class WideExport:
    """A departmental export in the INSEE / Observatoire des territoires shape.

    `contrasts` are known departmental deviations from the region (× multiplier) applied
    before the noise (`spread`, log-scale) and the rescaling that makes the departments of a
    region average (population-weighted) to the regional value.
    """

    file: str
    indicator: str
    title: str
    column: str
    notes: tuple[str, ...]
    spread: float
    contrasts: dict[str, float]


WIDE_EXPORTS = (
    WideExport(
        "taux_pauvrete_departements_2019.csv", "taux_pauvrete",
        "Taux de pauvreté au seuil de 60 % du niveau de vie médian en 2019 - départements",
        "Taux de pauvreté 2019 (%)",
        ("Source : Insee-DGFiP-Cnaf-Cnav-CCMSA, Fichier localisé social et fiscal (Filosofi) "
         "2019 - valeurs de démonstration, pas des chiffres officiels.",
         "nd : non disponible."),
        0.12,
        {"75": 1.05, "77": 0.75, "78": 0.65, "91": 0.8, "92": 0.7, "93": 2.0, "94": 1.1,
         "95": 1.2, "13": 1.2, "84": 1.15, "83": 0.85, "05": 0.8, "11": 1.3, "66": 1.25,
         "30": 1.15, "34": 1.1, "31": 0.8, "12": 0.8, "59": 1.1, "02": 1.05, "60": 0.8,
         "74": 0.6, "01": 0.65, "73": 0.7, "42": 1.05, "08": 1.3, "10": 1.15, "67": 0.85,
         "23": 1.3, "47": 1.15, "64": 0.85, "85": 0.85, "35": 0.9}),
    WideExport(
        "taux_chomage_departements_2019.csv", "taux_chomage",
        "Taux de chômage localisé au 4e trimestre 2019 - départements",
        "Taux de chômage T4 2019 (%)",
        ("Source : Insee, taux de chômage localisés - valeurs de démonstration, pas des "
         "chiffres officiels.",
         "nd : non disponible (Mayotte n'est pas couverte par les taux localisés)."),
        0.08,
        {"77": 0.9, "78": 0.8, "91": 0.85, "92": 0.85, "93": 1.45, "95": 1.15, "13": 1.1,
         "84": 1.15, "05": 0.8, "11": 1.3, "66": 1.35, "30": 1.25, "34": 1.2, "31": 0.85,
         "12": 0.75, "48": 0.65, "59": 1.1, "02": 1.1, "60": 0.9, "74": 0.8, "01": 0.75,
         "15": 0.65, "08": 1.25, "10": 1.15, "67": 0.9, "76": 1.1, "50": 0.8, "85": 0.85,
         "53": 0.8, "35": 0.85, "39": 0.7, "18": 1.1}),
)


@dataclass(frozen=True)
class Geography:
    """What the generator needs from the real territories file."""

    region_population: dict[str, int]
    departments: tuple[tuple[str, str, str, int], ...]  # (code, name, region, population)


def read_geography(path: Path = TERRITORIES_FILE) -> Geography:
    """Region populations and departments (INSEE order) from the geography build."""
    if not path.exists():
        raise FileNotFoundError(f"{path} introuvable : la géographie (data/geo) doit être "
                                "construite avant les données de démonstration")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    regions = {r["code"]: int(r["population"]) for r in rows if r["level"] == "region"}
    departments = tuple(sorted(
        ((r["code"], r["name"], r["parent_code"], int(r["population"]))
         for r in rows if r["level"] == "department"), key=lambda d: _department_order(d[0])))
    return Geography(regions, departments)


def _department_order(code: str) -> tuple[int, str]:
    """INSEE order: 01 … 19, 2A, 2B, 21 … 95, 971 …"""
    return (20, code) if code in {"2A", "2B"} else (int(code), "")


def write_indicator_files(out_dir: Path, seed: int = 2015, *,
                          territories: Path = TERRITORIES_FILE) -> list[dict[str, object]]:
    """Write the demonstration indicator files into out_dir and return their manifest entries.

    `territories` is the real geography (populations weight France and the departments).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    geo = read_geography(territories)
    rng = np.random.default_rng(seed)
    values = regional_values(rng, geo)
    _write_long(out_dir / LONG_FILE, values)
    manifest: list[dict[str, object]] = [{"path": LONG_FILE, "format": "long"}]
    for export in WIDE_EXPORTS:
        spec = SPEC_BY_CODE[export.indicator]
        regional = {code: v for (ind, code, year), v in values.items()
                    if ind == spec.code and year == LATEST}
        _write_wide(out_dir / export.file, export, spec, geo,
                    department_values(rng, geo, export, regional))
        manifest.append({"path": export.file, "format": "wide", "indicator_code": spec.code,
                         "indicator_label": spec.label, "domain": spec.domain,
                         "year": LATEST, "unit": spec.unit, "direction": spec.direction,
                         "source": spec.full_source, "indicator_label_en": spec.label_en,
                         "source_en": spec.full_source_en})
    return manifest


def regional_values(rng: np.random.Generator,
                    geo: Geography) -> dict[tuple[str, str, int], float]:
    """(indicator, territory, year) → value, rounded, for the regions and France (`FR`)."""
    out: dict[tuple[str, str, int], float] = {}
    for spec in SPECS:
        levels = dict(zip(REGIONS, spec.values, strict=True)) | spec.overseas
        by_year: dict[int, dict[str, float]] = {year: {} for year in YEARS}
        typical = math.fsum(abs(v) for v in levels.values()) / len(levels)
        for code, level in levels.items():
            latest = level + rng.normal(0, LEVEL_NOISE * typical)
            earlier = latest * spec.change + spec.shift + rng.normal(0, spec.drift * typical)
            by_year[LATEST][code] = _round(spec, latest)
            by_year[YEARS[0]][code] = _round(spec, earlier)
        for year, regional in by_year.items():
            national = _weighted_mean([(v, geo.region_population[c])
                                       for c, v in regional.items()])
            out[(spec.code, "FR", year)] = _round(spec, national)
            out.update({(spec.code, code, year): v for code, v in regional.items()})
    return out


def department_values(rng: np.random.Generator, geo: Geography, export: WideExport,
                      regional: dict[str, float]) -> dict[str, float | None]:
    """Department → value around its region's (None where the region has no value)."""
    spec = SPEC_BY_CODE[export.indicator]
    noise = rng.normal(0, export.spread, len(geo.departments))
    raw = {code: round(export.contrasts.get(code, 1.0) * math.exp(float(e)), RAW_DECIMALS)
           for (code, _, _, _), e in zip(geo.departments, noise, strict=True)}
    out: dict[str, float | None] = {}
    for region in sorted({d[2] for d in geo.departments}):
        members = [(code, pop) for code, _, reg, pop in geo.departments if reg == region]
        if region not in regional:
            out.update({code: None for code, _ in members})
            continue
        mean = _weighted_mean([(raw[c], pop) for c, pop in members])
        out.update({c: _round(spec, regional[region] * raw[c] / mean) for c, _ in members})
    return out


def _weighted_mean(pairs: list[tuple[float, int]]) -> float:
    """Σ w·v / Σ w with an exact sum (`math.fsum`), not numpy's CPU-dependent reduction."""
    return math.fsum(v * w for v, w in pairs) / sum(w for _, w in pairs)


def _round(spec: Spec, value: float) -> float:
    if spec.unit == "percent":
        value = min(max(value, 0.0), 100.0)
    return round(value, spec.decimals)


def _format(spec: Spec, value: float) -> str:
    return f"{value:.{max(spec.decimals, 0)}f}"


def _write_long(path: Path, values: dict[tuple[str, str, int], float]) -> None:
    """The project's long format: UTF-8, comma-separated, one value per row."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(LONG_HEADER)
        for spec in SPECS:
            codes = ["FR", *REGIONS, *spec.overseas]
            for year in YEARS:
                for code in codes:
                    writer.writerow((spec.code, spec.label, spec.domain, code, year,
                                     _format(spec, values[(spec.code, code, year)]), spec.unit,
                                     spec.full_source, spec.direction, spec.label_en,
                                     spec.full_source_en))


def _write_wide(path: Path, export: WideExport, spec: Spec, geo: Geography,
                values: dict[str, float | None]) -> None:
    """An INSEE-style export: title lines, `Code;Libellé;…`, decimal commas, notes, cp1252."""
    lines = [export.title, "Zone géographique : départements de France", "",
             f"Code;Libellé;{export.column}"]
    for code, name, _, _ in geo.departments:
        value = values[code]
        cell = "nd" if value is None else _format(spec, value).replace(".", ",")
        lines.append(f"{code};{name};{cell}")
    lines += ["", *export.notes]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
