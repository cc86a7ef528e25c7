"""The committed demonstration data are what the generator writes, and they tell the
stories the sources tell (where perception and statistics disagree included)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from numpy._core import _multiarray_umath as numpy_core
from sqlalchemy.orm import Session

from dashboard.analytics.fragility import compute_fragility_index
from dashboard.analytics.survey_figures import FigureRequest, compute_figure, regional_estimates
from dashboard.demo.generate import DEMO_DIR, main
from dashboard.reference import load_reference

REF = load_reference()
ROOT = Path(__file__).resolve().parents[1]


def same_files(generated_dir: Path) -> None:
    """Assert that a generated folder holds exactly the committed files, byte for byte."""
    generated = sorted(p.relative_to(generated_dir) for p in generated_dir.rglob("*")
                       if p.is_file())
    committed = sorted(p.relative_to(DEMO_DIR) for p in DEMO_DIR.rglob("*") if p.is_file())
    assert generated == committed
    for relative in generated:
        assert (generated_dir / relative).read_bytes() == (DEMO_DIR / relative).read_bytes(), \
            relative


def test_committed_demo_files_are_exactly_what_the_generator_writes(tmp_path):
    main(tmp_path)
    same_files(tmp_path)


GENERATE_WITH_FEATURES_OFF = """
import json, sys
from pathlib import Path
from numpy._core import _multiarray_umath as core
from dashboard.demo.generate import main
print(json.dumps({f: bool(core.__cpu_features__.get(f)) for f in core.__cpu_dispatch__}))
main(Path(sys.argv[1]))
"""


def test_generator_writes_the_same_bytes_with_numpy_simd_kernels_switched_off(tmp_path):
    """numpy picks SIMD kernels at run time (AVX2, AVX-512…); a float reduction that decides
    a draw would then give other files on another CPU. Emulate an older CPU: switch off
    every dispatched feature this one has, in a fresh interpreter, and compare the bytes."""
    switched_off = [f for f in numpy_core.__cpu_dispatch__ if numpy_core.__cpu_features__.get(f)]
    env = os.environ | {"NPY_DISABLE_CPU_FEATURES": " ".join(switched_off)}
    done = subprocess.run([sys.executable, "-c", GENERATE_WITH_FEATURES_OFF, str(tmp_path)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
                          check=True)
    features_seen = json.loads(done.stdout.splitlines()[0])
    assert not any(features_seen[f] for f in switched_off), features_seen
    same_files(tmp_path)


def test_samples_have_realistic_sizes_per_actor(demo_engine):
    sizes = {}
    with Session(demo_engine) as session:
        for study, year, actor, domain, measure in [
                ("PHARE-Citoyens", 2015, "citoyens", "emploi", "mean_score"),
                ("PHARE-Entreprises", 2015, "entreprises", "", "share_with_partnerships"),
                ("PHARE-Associations", 2015, "associations", "", "share_with_partnerships"),
                ("PHARE-Institutions", 2016, "maires", "", "share_alliances_source_of_innovation")]:
            figure = compute_figure(session, REF, FigureRequest(study, year, actor, "FR", domain,
                                                                measure))
            sizes[actor] = figure.n
    assert all(1000 <= sizes[a] <= 3500 for a in ("citoyens", "entreprises", "associations"))
    assert 250 <= sizes["maires"] <= 350


def test_paca_inhabitants_do_not_rank_digital_access_that_statistics_rank_high(demo_engine):
    with Session(demo_engine) as session:
        index = compute_fragility_index(session)
        perceived = regional_estimates(session, REF, FigureRequest(
            "PHARE-Citoyens", 2015, "citoyens", domain="numerique", measure="mean_score"))
        national = compute_figure(session, REF, FigureRequest(
            "PHARE-Citoyens", 2015, "citoyens", domain="numerique", measure="mean_score"))
    paca = index[(index["territory_code"] == "93")].set_index("domain")["index"]
    assert paca.rank(ascending=False)["numerique"] <= 2
    assert perceived["93"].value < national.value


@pytest.mark.parametrize("actor,study,year", [("citoyens", "PHARE-Citoyens", 2015),
                                              ("entreprises", "PHARE-Entreprises", 2015)])
def test_perceived_scores_vary_between_regions(demo_engine, actor, study, year):
    with Session(demo_engine) as session:
        regional = regional_estimates(session, REF, FigureRequest(
            study, year, actor, domain="securite", measure="mean_score"))
    values = [e.value for e in regional.values()]
    assert len(values) == 13 and max(values) - min(values) > 0.3
