#!/usr/bin/env node
/**
 * The app's latencies in Chromium with the real handlers (the e2e harness, as built by
 * `npm run build`: out/tools/harness.js), on a stored case:
 *
 *   node bench/ui.mjs CASE [--filters 50] [--seed 1] [--profile]
 *
 * - open to painted: the session opens CASE (as File > Open does: the open, its check, the
 *   session event to the window) until the report view shows a ready report and the next frame
 *   has been painted; median of 3 opens, each in a fresh page.
 * - filter change to painted, p50 / p95 over N random filter changes (a preset, an OS, a section,
 *   clicked as a user clicks), timed inside the page: from just before the click to the frame
 *   after the report view shows the new report (its key) as ready, tables and chart drawn
 *   (the chart draws without animation, in the same commit).
 * - --profile: a CPU profile of the page over the filter changes, summed by function and by
 *   script (what the renderer spends its time on).
 * Prints one JSON line. Never writes to CASE: it works on a copy.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url);
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    filters: { type: 'string', default: '50' },
    seed: { type: 'string', default: '1' },
    opens: { type: 'string', default: '3' },
    profile: { type: 'boolean', default: false },
  },
});
const [casePath] = positionals;
if (!casePath) {
  console.error('usage: node bench/ui.mjs CASE [--filters N] [--seed S] [--opens N] [--profile]');
  process.exit(2);
}
const built = await import(pathToFileURL(join(new URL(root).pathname, 'out/tools/harness.js')).href);

/** The same seed gives the same clicks (a 32-bit linear congruential sequence, top bits). */
function clicks(seed) {
  let state = seed >>> 0;
  return (count) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * count);
  };
}
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];

/**
 * Page side: resolves with performance.now() of the first frame painted after the report view
 * shows a ready report whose key differs from `previous` (a rAF, then a task: past the paint).
 */
const WAIT_PAINTED = `(previous, waitMs) => new Promise((resolve) => {
  // A click that leaves the report as it was (the same range by another name) paints nothing new.
  const timer = setTimeout(() => { observer.disconnect(); resolve({ at: null, key: null }); }, waitMs);
  const ready = () => {
    const view = globalThis.document.querySelector('[data-testid="report"]');
    const key = view && view.getAttribute('data-report-key');
    return view && view.getAttribute('data-report-status') === 'ready' && key && key !== previous ? key : null;
  };
  const done = (key) => {
    clearTimeout(timer);
    requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.now(), key }), 0));
  };
  const observer = new MutationObserver(() => {
    const key = ready();
    if (key) { observer.disconnect(); done(key); }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  const now = ready();
  if (now) { observer.disconnect(); done(now); }
})`;

/** Page side: clicks the element matching `selector` (index `index` among matches) and times it to painted. */
const CLICK_AND_TIME = `async ([selector, index]) => {
  const view = globalThis.document.querySelector('[data-testid="report"]');
  const previous = view ? view.getAttribute('data-report-key') : null;
  const target = globalThis.document.querySelectorAll(selector)[index];
  const waiting = globalThis.__benchWaitPainted(previous, 10000);
  const started = performance.now();
  target.click();
  const { at, key } = await waiting;
  return { ms: at === null ? null : at - started, key };
}`;

/** The clicks a user makes to change the filter, among what the page offers now. */
async function candidates(page) {
  return page.evaluate(() => {
    const list = [];
    for (const days of [7, 14, 30]) {
      const button = globalThis.document.querySelector(`[data-testid="preset-${days}"]`);
      if (button && button.getAttribute('aria-pressed') !== 'true') list.push([`[data-testid="preset-${days}"]`, 0]);
    }
    for (const group of ['filter-platforms', 'filter-sections']) {
      const boxes = [...globalThis.document.querySelectorAll(`[data-testid="${group}"] input[type="checkbox"]`)];
      boxes.forEach((box, i) => {
        if (!box.disabled) list.push([`[data-testid="${group}"] input[type="checkbox"]`, i]);
      });
    }
    return list;
  });
}

async function main() {
  const executablePath = built.chromiumPath();
  if (!executablePath) throw new Error('no Chromium: set CHROMIUM_PATH');
  const browser = await chromium.launch({ executablePath, args: built.CHROMIUM_ARGS });
  const server = await built.serveRenderer(built.rendererDir());
  const work = mkdtempSync(join(tmpdir(), 'enrollscope-ui-bench-'));
  const copy = join(work, 'bench.enrollscope');
  copyFileSync(casePath, copy);
  const result = { case: casePath };
  try {
    // Open to painted: a window with no case, then the session opens the case.
    const opens = [];
    let app;
    for (let i = 0; i < Number(values.opens); i++) {
      await app?.close();
      app = await built.openHarness({ browser, server, userDataDir: join(work, `user-${i}`), sampleCase: null });
      await app.page.waitForLoadState('load');
      await app.page.evaluate(
        `globalThis.__benchWaitPainted = ${WAIT_PAINTED}; globalThis.__benchClick = ${CLICK_AND_TIME};`,
      );
      const waiting = app.page.evaluate(() => globalThis.__benchWaitPainted(null, 60000));
      const started = Date.now();
      app.backend.session.openCase(copy);
      const { at } = await waiting;
      if (at === null) throw new Error('the case opened, but no report was painted within 60 s');
      // Both clocks are the machine's: the page's time origin plus its timestamp, in epoch ms.
      const origin = await app.page.evaluate(() => performance.timeOrigin);
      opens.push(origin + at - started);
    }
    const sortedOpens = [...opens].sort((a, b) => a - b);
    result.openToPaintedMs = { median: quantile(sortedOpens, 0.5), runs: opens };

    const page = app.page;
    const next = clicks(Number(values.seed));
    const cdp = values.profile ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const times = [];
    let unchanged = 0;
    for (let i = 0; times.length < Number(values.filters) && i < 3 * Number(values.filters); i++) {
      const options = await candidates(page);
      const pick = options[next(options.length)];
      const { ms } = await page.evaluate((args) => globalThis.__benchClick(args), pick);
      if (ms === null) unchanged++;
      else times.push(ms);
    }
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      result.profile = summarize(profile);
    }
    const sorted = [...times].sort((a, b) => a - b);
    result.filterChangeMs = {
      filters: times.length,
      unchanged,
      p50: quantile(sorted, 0.5),
      p95: quantile(sorted, 0.95),
      max: sorted.at(-1),
      runs: times.map((t) => Math.round(t)),
    };
    await app.close();
  } finally {
    await server.close();
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Self time by function and by script (ms), the largest first. */
function summarize(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map();
  const byScript = new Map();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id);
    const script = callFrame.url.replace(/^.*\//, '') || callFrame.functionName;
    const name = `${callFrame.functionName || '(anonymous)'} ${script}:${callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us / 1000);
    byScript.set(script, (byScript.get(script) ?? 0) + us / 1000);
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  return { byScript: top(byScript, 8), byFunction: top(byFunction, 25) };
}

main().catch((error) => {
  console.error(`bench/ui: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
