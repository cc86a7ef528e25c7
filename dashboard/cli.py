"""The command line: `python -m dashboard <command>`.

Every command exits 0 on success and non-zero on any error, printing the file, row, column
and reason of a refused import (never a traceback).
"""
from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from dashboard.accounts import ROLES, set_password, sync_admin_account
from dashboard.admin.service import list_datasets, set_active
from dashboard.bootstrap import database_is_empty, init_database, load_demo
from dashboard.db import make_engine
from dashboard.importers.detect import WIDE_META_FIELDS, detect
from dashboard.importers.errors import ImportRejected
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import import_indicators, import_surveys, validate_file
from dashboard.settings import Settings, documented_settings

EXIT_OK, EXIT_REJECTED, EXIT_DATABASE, EXIT_USAGE = 0, 1, 3, 2


def prepare_database(settings: Settings, progress: bool = False) -> None:
    """Migrate and load reference data; on an empty database, load the demonstration data."""
    engine = make_engine(settings.database_url)
    init_database(engine)
    _sync_admin(engine, settings)
    if settings.load_demo_if_empty and database_is_empty(engine):
        print("Première exécution : chargement des données de démonstration…", file=sys.stderr)
        for report in load_demo(engine, progress=progress):
            print(report.summary(), file=sys.stderr)
    engine.dispose()


def _sync_admin(engine: Engine, settings: Settings) -> None:
    """The ADMIN_PASSWORD account, hashed when the database is prepared."""
    with Session(engine) as session, session.begin():
        sync_admin_account(session, settings)


def _read_password(from_stdin: bool) -> str:
    """From standard input (one line, for scripts) or typed twice without echo."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Mot de passe : ")
        if getpass.getpass("Mot de passe (à nouveau) : ") != password:
            raise SystemExit("Les deux mots de passe diffèrent : rien n'a été écrit.")
    if len(password) < 8:
        raise SystemExit("Mot de passe trop court (8 caractères au moins) : rien n'a été "
                         "écrit.")
    return password


def _create_user(engine: Engine, args: argparse.Namespace) -> None:
    password = _read_password(args.password_stdin)
    with Session(engine) as session, session.begin():
        created = set_password(session, args.name, password, args.role)
    print(f"Compte « {args.name} » ({args.role}) "
          f"{'créé' if created else 'mis à jour'}.")


def _wide_meta(args: argparse.Namespace) -> IndicatorDef | None:
    """The metadata of a wide export — recognised from the file itself unless `--format`
    says — from the options (all of them required)."""
    if (args.format or detect(args.path).format) != "wide":
        return None
    missing = [f"--{n.replace('_', '-')}" for n in WIDE_META_FIELDS
               if getattr(args, n) in (None, "")]
    if missing:
        raise SystemExit(f"{args.path.name} : export large (Code;Libellé;valeur) ; "
                         f"option(s) manquante(s) : {', '.join(missing)}")
    return IndicatorDef(code=args.indicator_code, label=args.indicator_label,
                        domain=args.domain, unit=args.unit, direction=args.direction,
                        source=args.source, label_en=args.indicator_label_en,
                        source_en=args.source_en)


def _datasets(engine: Engine, args: argparse.Namespace) -> int:
    """List the dataset versions (newest first), after switching one when asked."""
    target = args.activate if args.activate is not None else args.deactivate
    if target is not None:
        try:
            set_active(engine, target, args.activate is not None)
        except KeyError:
            print(f"Aucune version de données n° {target}.", file=sys.stderr)
            return EXIT_REJECTED
    for d in list_datasets(engine):
        print(f"{d.id:>5}  {'actif  ' if d.active else 'inactif'}  {d.kind:<10}  "
              f"{d.imported_at:%Y-%m-%d %H:%M}  {d.imported_by:<16}  {d.row_count:>7} lignes  "
              f"{d.file_name}{'  (démonstration)' if d.is_demo else ''}")
    return EXIT_OK


def command_line_user() -> str:
    """`imported_by` of a command-line import: "cli:" and the operating-system user."""
    try:
        return f"cli:{getpass.getuser()}"[:80]
    except (KeyError, OSError):  # no user name in this environment
        return "cli"


def _add_wide_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("long", "wide"),
                        help="long (colonnes indicator_code…direction) ou wide (export INSEE / "
                             "Observatoire des territoires : Code;Libellé;valeur) ; par "
                             "défaut : reconnu d'après le fichier")
    group = parser.add_argument_group("métadonnées d'un export large")
    group.add_argument("--indicator-code")
    group.add_argument("--indicator-label")
    group.add_argument("--domain")
    group.add_argument("--year", type=int)
    group.add_argument("--unit")
    group.add_argument("--direction", choices=("higher_is_worse", "higher_is_better"))
    group.add_argument("--source")
    group.add_argument("--indicator-label-en", default="",
                       help="libellé en anglais (facultatif : sinon les pages anglaises "
                            "montrent le français)")
    group.add_argument("--source-en", default="", help="source en anglais (facultatif)")
    group.add_argument("--level", choices=("region", "department"),
                       help="niveau des codes (par défaut : déduit des codes)")


def build_parser() -> argparse.ArgumentParser:
    settings_help = "\n".join(f"  {env}: {text}" for env, text in documented_settings())
    parser = argparse.ArgumentParser(
        prog="python -m dashboard", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Territoires : base de données, imports et données de démonstration.",
        epilog=f"Variables d'environnement :\n{settings_help}")
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init-db", help="créer / migrer le schéma et charger les référentiels")
    init.add_argument("--load-demo-if-empty", action="store_true",
                      help="charger les données de démonstration si la base est vide")
    sub.add_parser("load-demo", help="charger les données de démonstration (data/demo)")
    ind = sub.add_parser("import-indicators", help="importer un fichier d'indicateurs")
    ind.add_argument("path", type=Path)
    _add_wide_options(ind)
    srv = sub.add_parser("import-survey", help="importer des microdonnées d'enquête")
    srv.add_argument("paths", type=Path, nargs="+")
    srv.add_argument("--questions", type=Path,
                     help="catalogue de questions supplémentaire (mêmes colonnes que "
                          "data/reference/questions.csv)")
    val = sub.add_parser("validate", help="vérifier un fichier sans rien écrire")
    val.add_argument("path", type=Path)
    val.add_argument("--questions", type=Path)
    _add_wide_options(val)
    versions = sub.add_parser("datasets", help="lister les versions de données (imports), en "
                                               "activer ou désactiver une")
    switch = versions.add_mutually_exclusive_group()
    switch.add_argument("--activate", type=int, metavar="ID", help="réactiver la version ID")
    switch.add_argument("--deactivate", type=int, metavar="ID",
                        help="désactiver la version ID (ce qu'elle remplaçait revient)")
    user = sub.add_parser("create-user", help="ajouter un compte (ou changer son mot de passe)")
    user.add_argument("name")
    user.add_argument("--role", choices=ROLES, default="presenter",
                      help="presenter (débats, par défaut) ou admin")
    user.add_argument("--password-stdin", action="store_true",
                      help="lire le mot de passe sur l'entrée standard (une ligne)")
    gen = sub.add_parser("generate-demo", help="régénérer les fichiers de data/demo")
    gen.add_argument("--out", type=Path, help="dossier de sortie (défaut : data/demo)")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = Settings.from_env()
    logging.basicConfig(level=settings.log_level, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    engine = make_engine(settings.database_url)
    try:
        if args.command == "init-db":
            init_database(engine)
            _sync_admin(engine, settings)
            print("Base prête.")
            if args.load_demo_if_empty and database_is_empty(engine):
                for report in load_demo(engine, progress=True):
                    print(report.summary())
        elif args.command == "load-demo":
            init_database(engine)
            for report in load_demo(engine, progress=True):
                print(report.summary())
        elif args.command == "import-indicators":
            report = import_indicators(engine, args.path, wide=_wide_meta(args),
                                       year=args.year, level=args.level,
                                       imported_by=command_line_user())
            print(report.summary())
        elif args.command == "import-survey":
            for report in import_surveys(engine, args.paths, questions=args.questions,
                                         progress=True, imported_by=command_line_user()):
                print(report.summary())
        elif args.command == "validate":
            wide = _wide_meta(args) if detect(args.path).kind == "indicators" else None
            print(validate_file(engine, args.path, questions=args.questions,
                                wide=wide, year=args.year, level=args.level))
        elif args.command == "datasets":
            return _datasets(engine, args)
        elif args.command == "create-user":
            _create_user(engine, args)
        elif args.command == "generate-demo":
            from dashboard.demo.generate import main as generate

            generate(args.out) if args.out else generate()
    except ImportRejected as rejected:
        print("Fichier refusé, rien n'a été écrit :", file=sys.stderr)
        print(rejected.report(), file=sys.stderr)
        return EXIT_REJECTED
    except sa_exc.OperationalError as exc:
        print(f"Base de données inaccessible ({settings.database_url.split('@')[-1]}) : "
              f"{exc.orig}", file=sys.stderr)
        return EXIT_DATABASE
    finally:
        engine.dispose()
    return EXIT_OK
