"""Build `assets/vendor/plotly-custom.min.js`: plotly.js with only the trace types the
dashboard draws, so a first visit does not download the full 4.8 MB plotly.min.js.

    python scripts/build_plotly_bundle.py           # rebuild the committed bundle
    python scripts/build_plotly_bundle.py --check   # rebuild in a temporary folder, compare

Why each step:
- The plotly.js version is the one the installed plotly package ships (and so the one Dash's
  dcc.Graph would load): figures are built by that plotly.py, and a bundle of another version
  could draw them differently. The script refuses to build when the two differ; then update
  `scripts/plotly_bundle/package.json` and its lock file (`npm install --package-lock-only`).
- `npm ci` installs from `scripts/plotly_bundle/package-lock.json` (exact versions, integrity
  hashes), in a temporary folder, with install scripts off: nothing in the project changes but
  the output, and two runs produce the same bytes.
- `scripts/plotly_bundle/build.mjs` bundles `plotly.js/lib/core` plus one `lib/<trace>` module
  per trace type in TRACES with esbuild, and writes a header recording the plotly.js and
  esbuild versions, the trace list, this command and plotly.js's MIT licence; the licences of
  the other bundled packages go to `plotly-custom.LICENSES.txt` beside it.

Add a trace type here when a figure starts using one (tests/test_frontend.py fails until then).
Needs node and npm (Debian's `nodejs` and `npm`) and the npm registry; not needed to run the app.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILDER = ROOT / "scripts" / "plotly_bundle"
VENDOR = ROOT / "assets" / "vendor"
BUNDLE = VENDOR / "plotly-custom.min.js"
NOTICES = VENDOR / "plotly-custom.LICENSES.txt"
# The trace types the figure builders use (go.Choropleth, go.Scattergeo, go.Bar, go.Scatter,
# go.Heatmap). No locale: numbers are formatted by layout.separators and hover templates.
TRACES = ("bar", "choropleth", "heatmap", "scatter", "scattergeo")
COMMAND = "python scripts/build_plotly_bundle.py"


def plotly_py_version() -> str:
    """The plotly.js version bundled with the installed plotly package."""
    from plotly.offline import get_plotlyjs_version  # type: ignore[import-untyped]

    return str(get_plotlyjs_version())


def pinned_version() -> str:
    """The plotly.js version the builder's package.json pins."""
    manifest = json.loads((BUILDER / "package.json").read_text(encoding="utf-8"))
    return str(manifest["dependencies"]["plotly.js"])


def run(command: list[str], cwd: Path) -> None:
    """Run one build step, showing it, and stop on its failure."""
    print("+", " ".join(command), flush=True)
    subprocess.run(command, cwd=cwd, check=True)


def build(out_dir: Path) -> tuple[Path, Path]:
    """Install the locked packages in a temporary folder and build the bundle into out_dir."""
    with tempfile.TemporaryDirectory(prefix="plotly-bundle-") as tmp:
        work = Path(tmp)
        for name in ("package.json", "package-lock.json", "build.mjs"):
            shutil.copy(BUILDER / name, work / name)
        run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            work)
        installed = json.loads((work / "node_modules" / "plotly.js" / "package.json")
                               .read_text(encoding="utf-8"))["version"]
        if installed != pinned_version():
            raise SystemExit(f"npm installed plotly.js {installed}, not {pinned_version()}")
        bundle, notices = out_dir / BUNDLE.name, out_dir / NOTICES.name
        run(["node", "build.mjs", "--traces", ",".join(TRACES), "--out", str(bundle),
             "--notices", str(notices), "--command", COMMAND], work)
    return bundle, notices


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="build in a temporary folder and compare with the committed files")
    args = parser.parse_args(argv)
    if pinned_version() != plotly_py_version():
        raise SystemExit(f"plotly (Python) ships plotly.js {plotly_py_version()} but "
                         f"scripts/plotly_bundle/package.json pins {pinned_version()}: "
                         "update the pin and the lock file first")
    if args.check:
        with tempfile.TemporaryDirectory(prefix="plotly-bundle-out-") as tmp:
            pairs = zip(build(Path(tmp)), (BUNDLE, NOTICES), strict=True)
            differ = [committed.name for fresh, committed in pairs
                      if not committed.exists() or fresh.read_bytes() != committed.read_bytes()]
        if differ:
            print("differs from the committed file:", ", ".join(differ))
            return 1
        print("the committed bundle is what the script builds")
        return 0
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="plotly-bundle-out-") as tmp:
        for fresh, target in zip(build(Path(tmp)), (BUNDLE, NOTICES), strict=True):
            shutil.copy(fresh, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
