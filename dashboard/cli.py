"""The command line: `python -m dashboard <command>`.

Every command exits 0 on success and non-zero on any error, printing the file, row, column
and reason of a refused import (never a traceback).
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import exc as sa_exc

from dashboard.bootstrap import database_is_empty, init_database, load_demo
from dashboard.db import make_engine
from dashboard.importers.errors import ImportRejected
from dashboard.importers.indicators import IndicatorDef
from dashboard.importers.service import import_indicators, import_surveys, validate_file
from dashboard.settings import Settings, documented_settings

EXIT_OK, EXIT_REJECTED, EXIT_DATABASE, EXIT_USAGE = 0, 1, 3, 2


def prepare_database(settings: Settings, progress: bool = False) -> None:
    """Migrate and load reference data; on an empty database, load the demonstration data."""
    engine = make_engine(settings.database_url)
    init_database(engine)
    if settings.load_demo_if_empty and database_is_empty(engine):
        print("Première exécution : chargement des données de démonstration…", file=sys.stderr)
        for report in load_demo(engine, progress=progress):
            print(report.summary(), file=sys.stderr)
    engine.dispose()


def _wide_meta(args: argparse.Namespace) -> IndicatorDef | None:
    if args.format != "wide":
        return None
    needed = ("indicator_code", "indicator_label", "domain", "year", "unit", "direction",
              "source")
    missing = [f"--{n.replace('_', '-')}" for n in needed if getattr(args, n) in (None, "")]
    if missing:
        raise SystemExit(f"export large : option(s) manquante(s) : {', '.join(missing)}")
    return IndicatorDef(code=args.indicator_code, label=args.indicator_label,
                        domain=args.domain, unit=args.unit, direction=args.direction,
                        source=args.source)


def _add_wide_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("long", "wide"), default="long",
                        help="long (colonnes indicator_code…direction) ou wide (export INSEE / "
                             "Observatoire des territoires : Code;Libellé;valeur)")
    group = parser.add_argument_group("métadonnées d'un export large (--format wide)")
    group.add_argument("--indicator-code")
    group.add_argument("--indicator-label")
    group.add_argument("--domain")
    group.add_argument("--year", type=int)
    group.add_argument("--unit")
    group.add_argument("--direction", choices=("higher_is_worse", "higher_is_better"))
    group.add_argument("--source")
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
                                       year=args.year, level=args.level)
            print(report.summary())
        elif args.command == "import-survey":
            for report in import_surveys(engine, args.paths, questions=args.questions,
                                         progress=True):
                print(report.summary())
        elif args.command == "validate":
            print(validate_file(engine, args.path, questions=args.questions,
                                wide=_wide_meta(args), year=args.year, level=args.level))
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
