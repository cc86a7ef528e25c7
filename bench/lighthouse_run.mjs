// Runs Lighthouse on a list of pages in one Chromium, for bench/lighthouse.py.
//
//   node bench/lighthouse_run.mjs JOBS.json
//
// JOBS.json: {"chromeFlags": [...], "maxWaitForLoad": ms,
//             "jobs": [{"label", "url", "preset": "desktop"|"mobile"}]}.
// Prints one JSON line per job: scores (performance, accessibility), the metrics the goals
// name, the accessibility audits that failed, whether the page settled in time. Lighthouse
// clears the cache before every job: each is a first visit.
//
// Lean, because a default run of bench/lighthouse.py must stay near 5 minutes on a shared
// 2-core machine: only the two categories the goals check, none of the performance
// category's weight-0 diagnostics (they do not enter the score; total-byte-weight is kept,
// the goals name it), no full-page screenshot (not scored either). The scores are the
// ones a full run computes from the same trace.
// Chromium is CHROME_PATH (the system one; nothing is downloaded). The Node API rather than
// the CLI, because the loopback-only host-resolver rule holds spaces, which the CLI's
// --chrome-flags would split.
import fs from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { defaultConfig, desktopConfig } from "lighthouse";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: spec.chromeFlags,
});
const KEEP = new Set(["total-byte-weight"]);
const skipAudits = defaultConfig.categories.performance.auditRefs
  .filter(ref => ref.weight === 0 && !KEEP.has(ref.id)).map(ref => ref.id);
const metric = (lhr, id) => lhr.audits[id] ? lhr.audits[id].numericValue : null;
try {
  for (const job of spec.jobs) {
    const flags = { port: chrome.port, output: "json", logLevel: "error",
                    onlyCategories: ["performance", "accessibility"], skipAudits,
                    disableFullPageScreenshot: true };
    if (spec.maxWaitForLoad) { flags.maxWaitForLoad = spec.maxWaitForLoad; }
    const started = Date.now();
    const config = job.preset === "desktop" ? desktopConfig : undefined;
    let line;
    try {
      const { lhr } = await lighthouse(job.url, flags, config);
      line = {
        label: job.label, preset: job.preset, url: job.url,
        performance: lhr.categories.performance.score,
        accessibility: lhr.categories.accessibility.score,
        tbt: metric(lhr, "total-blocking-time"),
        lcp: metric(lhr, "largest-contentful-paint"),
        fcp: metric(lhr, "first-contentful-paint"),
        si: metric(lhr, "speed-index"),
        cls: metric(lhr, "cumulative-layout-shift"),
        bytes: metric(lhr, "total-byte-weight"),
        error: lhr.runtimeError ? lhr.runtimeError.code : null,
        // Lighthouse gave up waiting for network and CPU quiet: scored on what it saw
        settled: !lhr.runWarnings.some(w => /too slowly/.test(w)),
        warnings: lhr.runWarnings,
        a11yFailed: lhr.categories.accessibility.auditRefs
          .filter(ref => ref.weight > 0 && lhr.audits[ref.id].score !== null
                  && lhr.audits[ref.id].score < 1)
          .map(ref => ref.id),
      };
    } catch (err) {
      line = { label: job.label, preset: job.preset, url: job.url, error: String(err) };
    }
    line.seconds = (Date.now() - started) / 1000;
    process.stdout.write(JSON.stringify(line) + "\n");
  }
} finally {
  await chrome.kill();
}
