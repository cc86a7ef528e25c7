"""`python -m dashboard …`: see dashboard.cli."""
import sys

from dashboard.cli import run

sys.exit(run())
