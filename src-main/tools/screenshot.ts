/**
 * `npm run screenshot -- --out DIR [--case CASE | FILE...]`: the real UI (built renderer, real
 * handlers, real SQLite) in Chromium, on a machine without Electron. Writes
 *
 *   empty.png           a new, empty case inviting a drop
 *   import-summary.png  the summary after dropping FILE... (or the sample's input files, plus a
 *                       file that is refused); with --case alone, the case's list of imports
 *   report-light.png    the report (default filters), light theme
 *   report-window.png   the same, only what the window shows when the case opens (for the README)
 *   report-dark.png     the same, dark theme
 *   funnel.png          the section funnel of the default report (checked against computeFunnel)
 *   drilldown.png       the attempts behind the largest row of the report (checked against listAttempts)
 *   filtered.png        one OS, one section, the last 7 days
 *   report-1024x700.png, report-window-1024x700.png, drilldown-1024x700.png
 *                       the report (whole page, and the window), and the drill-down, in a
 *                       1024x700 window (a projector, a split screen)
 *   report-2560x1440.png the report in a 2560x1440 window
 *   screenshots.json    the filters of each picture, the numbers shown and the command line
 *                       that prints the same numbers as JSON (only the files that were imported)
 *
 * Never writes to the given case or files: a case is copied first. Options: --width, --height
 * (default 1280x800, full-page pictures), --tz ZONE (the "computer's" zone; default UTC).
 * Every picture is taken from the top of the page (a full-page picture of a scrolled page would
 * show the sticky header in the middle of it).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openHarness, type Harness } from '../../test/e2e/harness/app';
import { CHROMIUM_ARGS, bundledSampleCase, chromiumPath, rendererDir } from '../../test/e2e/harness/paths';
import { serveRenderer, type RendererServer } from '../../test/e2e/harness/server';
import { listAttempts } from '../drilldown/attempts';
import { computeFunnel } from '../funnel/funnel';
import { computeReport } from '../report/compute-report';
import { reportKey } from '../shared/report-key';
import { SECTIONS, type Platform, type Section } from '../shared/taxonomy';
import type { Report, ReportFilter } from '../shared/report-types';
import { openCase } from '../store/case-file';
import { writeSampleInputs } from './make-sample';

interface Args {
  out: string;
  casePath: string | null;
  files: string[];
  width: number;
  height: number;
  tz: string;
}

const USAGE = 'usage: npm run screenshot -- --out DIR [--case CASE | FILE...] [--width N] [--height N] [--tz ZONE]';

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { out: '', casePath: null, files: [], width: 1280, height: 800, tz: 'UTC' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
      return next;
    };
    if (arg === '--out') args.out = resolve(value());
    else if (arg === '--case') args.casePath = resolve(value());
    else if (arg === '--width') args.width = Number(value());
    else if (arg === '--height') args.height = Number(value());
    else if (arg === '--tz') args.tz = value();
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}. ${USAGE}`);
    else args.files.push(resolve(arg));
  }
  if (!args.out) throw new Error(`--out DIR is required. ${USAGE}`);
  for (const path of [...args.files, ...(args.casePath ? [args.casePath] : [])]) {
    if (!existsSync(path)) throw new Error(`no such file: ${path}`);
  }
  if (!(args.width >= 800 && args.height >= 500)) throw new Error('--width and --height: at least 800x500');
  return args;
}

async function waitForReport(page: Page, report?: Report): Promise<string> {
  const selector = report
    ? `[data-report-status="ready"][data-report-key="${reportKey(report)}"]`
    : '[data-report-status="ready"]';
  try {
    await page.waitForSelector(selector, { timeout: 60_000 });
  } catch (error) {
    // Say what the page shows instead.
    const view = page.getByTestId('report');
    const shown = (await view.count())
      ? `${await view.getAttribute('data-report-status')} ${await view.getAttribute('data-report-key')}`
      : 'no report';
    const notice = (await page.getByRole('alert').allTextContents()).join(' | ');
    throw new Error(
      `waiting for ${report ? reportKey(report) : 'a report'}: the page shows ${shown}${notice ? `; ${notice}` : ''}`,
      { cause: error },
    );
  }
  return (await page.getAttribute('[data-testid="report"]', 'data-report-key')) ?? '';
}

/** The numbers on screen, read back from the page (what a reviewer compares with the CLI). */
async function shownNumbers(page: Page): Promise<Record<string, string>> {
  const text = async (testId: string): Promise<string> => ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const result: Record<string, string> = {
    initiated: await text('rollup-initiated'),
    incomplete: await text('rollup-incomplete'),
    incompleteRate: await text('rollup-rate'),
  };
  for (const table of await page.getByTestId('section-table').all()) {
    result[`section ${await table.getAttribute('data-section')}`] = (
      (await table.getByTestId('section-total').textContent()) ?? ''
    ).trim();
  }
  return result;
}

const quote = (text: string): string => (/^[\w./:-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`);

/** The command line that prints the same numbers as JSON; `source` is `--db CASE` or the files. */
function cliCommand(source: string, filter: ReportFilter): string {
  const parts = [
    'npx enrollscope report',
    source,
    '--from',
    filter.from!,
    '--to',
    filter.to!,
    '--tz',
    quote(filter.tz ?? 'UTC'),
  ];
  for (const platform of filter.platforms ?? [])
    parts.push('--platform', platform === 'iOS/iPadOS' ? 'ios' : 'android');
  for (const section of filter.sections ?? []) parts.push('--section', quote(section));
  return parts.join(' ');
}

interface Shot {
  readonly file: string;
  readonly filter?: ReportFilter;
  readonly shown?: Record<string, string>;
  readonly cli?: string;
}

class Session {
  private readonly work = mkdtempSync(join(tmpdir(), 'enrollscope-shots-'));
  readonly userData = join(this.work, 'user-data');
  readonly shots: Shot[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly server: RendererServer,
    private readonly args: Args,
  ) {}

  path(name: string): string {
    return join(this.work, name);
  }

  get outDir(): string {
    return this.args.out;
  }

  open(colorScheme: 'light' | 'dark', size?: { width: number; height: number }): Promise<Harness> {
    return openHarness({
      browser: this.browser,
      server: this.server,
      userDataDir: this.userData,
      sampleCase: null,
      colorScheme,
      timezoneId: this.args.tz,
      viewport: size ?? { width: this.args.width, height: this.args.height },
    });
  }

  /** The whole page, from its top. */
  async shoot(page: Page, file: string, extra: Omit<Shot, 'file'> = {}): Promise<void> {
    await toTop(page);
    await page.screenshot({ path: join(this.args.out, file), fullPage: true, animations: 'disabled' });
    this.shots.push({ file, ...extra });
    console.log(`screenshot: ${join(this.args.out, file)}`);
  }

  /** What the window shows when the page is at its top. */
  async shootWindow(page: Page, file: string, extra: Omit<Shot, 'file'> = {}): Promise<void> {
    await toTop(page);
    await page.screenshot({ path: join(this.args.out, file), animations: 'disabled' });
    this.shots.push({ file, ...extra });
    console.log(`screenshot: ${join(this.args.out, file)}`);
  }

  /** The window from the top down to the bottom of `selector` (at least one window height). */
  async shootTop(page: Page, file: string, selector: string): Promise<void> {
    await toTop(page);
    const box = await page.locator(selector).boundingBox();
    const size = page.viewportSize() ?? { width: this.args.width, height: this.args.height };
    const height = Math.max(size.height, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 16));
    await page.setViewportSize({ width: size.width, height });
    await page.screenshot({ path: join(this.args.out, file), animations: 'disabled' });
    await page.setViewportSize(size);
    this.shots.push({ file });
    console.log(`screenshot: ${join(this.args.out, file)}`);
  }

  dispose(): void {
    rmSync(this.work, { recursive: true, force: true });
  }
}

/**
 * The page scrolled back to its top, the pointer resting outside the content (no hover effects).
 * A full-page picture of a scrolled page shows a blank band with the sticky header in the middle.
 */
async function toTop(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
}

/** The files of a drop that the import summary lists as refused (their names, as it shows them). */
async function refusedFiles(page: Page): Promise<Set<string>> {
  const names = await page
    .locator('[data-testid="import-outcome"][data-status="refused"] .file-name')
    .allTextContents();
  return new Set(names.map((name) => name.trim()));
}

/** A picture of one element; the sticky bars are made static for it (they would cover its top). */
async function shootElement(page: Page, selector: string, path: string): Promise<void> {
  const setSticky = (position: string): Promise<void> =>
    page.evaluate((value) => {
      const doc = (
        globalThis as unknown as {
          document: { querySelectorAll(s: string): ArrayLike<{ style: { position: string } }> };
        }
      ).document;
      for (const element of Array.from(doc.querySelectorAll('.app-header, .active-filters')))
        element.style.position = value;
    }, position);
  await setSticky('static');
  await page.mouse.move(0, 0);
  await page.locator(selector).screenshot({ path, animations: 'disabled' });
  await setSticky('');
  console.log(`screenshot: ${path}`);
}

/**
 * The funnel card and the drill-down of the largest row, each checked against the engine
 * (computeFunnel, listAttempts) for the report's filter before the picture is taken.
 */
async function shootViews(
  session: Session,
  page: Page,
  casePath: string,
  filter: ReportFilter,
  source: string,
  { funnel: withFunnel = true, drillFile = 'drilldown.png' }: { funnel?: boolean; drillFile?: string } = {},
): Promise<void> {
  const db = openCase(casePath, { create: false });
  let funnel: ReturnType<typeof computeFunnel>;
  let report: Report;
  try {
    funnel = computeFunnel(db, filter);
    report = computeReport(db, filter);
  } finally {
    db.close();
  }
  await page.waitForSelector('[data-testid="funnel"][data-funnel-status="ready"]', { timeout: 60_000 });
  if (withFunnel) await shootFunnel(session, page, funnel, filter, source);
  await shootDrillDown(session, page, casePath, report, filter, source, drillFile);
}

async function shootFunnel(
  session: Session,
  page: Page,
  funnel: ReturnType<typeof computeFunnel>,
  filter: ReportFilter,
  source: string,
): Promise<void> {
  const reached = (await page.locator('[data-testid="funnel"] [data-cell="reached"]').allTextContents()).map((t) =>
    Number(t.replace(/\D/g, '')),
  );
  if (reached.join() !== funnel.sections.map((s) => s.reached).join()) {
    throw new Error(
      `the funnel shows ${reached.join('/')}, the engine says ${funnel.sections.map((s) => s.reached).join('/')}`,
    );
  }
  await shootElement(page, '[data-testid="funnel"]', join(session.outDir, 'funnel.png'));
  session.shots.push({
    file: 'funnel.png',
    filter,
    shown: Object.fromEntries(funnel.sections.map((s) => [s.section, `${s.reached} reached, ${s.incomplete} stopped`])),
    cli: cliCommand(source, filter).replace('enrollscope report', 'enrollscope funnel'),
  });
}

/** The drill-down of the largest row of the report, checked against listAttempts. */
async function shootDrillDown(
  session: Session,
  page: Page,
  casePath: string,
  report: Report,
  filter: ReportFilter,
  source: string,
  drillFile: string,
): Promise<void> {
  // The largest row of the report: its count opens its attempts.
  const rows = report.sections.flatMap((table) => table.rows.map((row, index) => ({ table, row, index })));
  const largest = rows.sort((a, b) => b.row.count - a.row.count)[0];
  if (!largest || largest.row.count === 0) return;
  await page
    .locator(`[data-testid="section-table"][data-section="${largest.table.section}"] [data-testid="section-row"]`)
    .nth(largest.index)
    .locator('[data-cell="count"] button')
    .click();
  await page.waitForSelector('[data-testid="drill-dialog"][data-drill-status="ready"]', { timeout: 60_000 });
  const total = Number(await page.getAttribute('[data-testid="drill-dialog"]', 'data-drill-total'));
  const check = openCase(casePath, { create: false });
  try {
    const { row } = largest;
    const page1 = listAttempts(check, {
      ...filter,
      section: largest.table.section,
      actionName: row.actionName,
      screen: row.screen,
      userAction: row.userAction,
      limit: 1,
    });
    if (total !== row.count || page1.total !== row.count) {
      throw new Error(`the drill-down shows ${total} attempts, the row ${row.count}, the engine ${page1.total}`);
    }
  } finally {
    check.close();
  }
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(session.outDir, drillFile), animations: 'disabled' });
  console.log(`screenshot: ${join(session.outDir, drillFile)}`);
  const { row } = largest;
  session.shots.push({
    file: drillFile,
    filter,
    shown: { attempts: String(total) },
    cli: `${cliCommand(source, filter).replace('enrollscope report', 'enrollscope attempts')} --section ${quote(largest.table.section)} --action ${row.actionName} --screen ${quote(row.screen)} --user-action ${quote(row.userAction)}`,
  });
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid="drill-dialog"][data-drill-status="closed"]', { state: 'attached' });
}

/** Checks that the page shows the engine's numbers for its filter; returns that filter. */
async function checkAgainstEngine(page: Page, casePath: string, filter: ReportFilter): Promise<Record<string, string>> {
  const db = openCase(casePath, { create: false });
  let report: Report;
  try {
    report = computeReport(db, filter);
  } finally {
    db.close();
  }
  await waitForReport(page, report);
  const shown = await shownNumbers(page);
  const initiated = Number(shown['initiated']!.replace(/\D/g, ''));
  const incomplete = Number(shown['incomplete']!.replace(/\D/g, ''));
  if (initiated !== report.rollup.initiated || incomplete !== report.rollup.incomplete) {
    throw new Error(
      `the page shows ${initiated}/${incomplete}, the engine says ${report.rollup.initiated}/${report.rollup.incomplete}`,
    );
  }
  return shown;
}

async function run(args: Args): Promise<void> {
  mkdirSync(args.out, { recursive: true });
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH).');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const server = await serveRenderer(rendererDir());
  const session = new Session(browser, server, args);
  try {
    // 1. A new, empty case: the empty state.
    let harness = await session.open('light');
    const emptyCase = session.path('New case.enrollscope');
    let reportCase: string;
    // What the command line is given to print the same numbers.
    let setup: string | undefined;
    let source = args.casePath ? `--db ${quote(args.casePath)}` : args.files.map(quote).join(' ');
    // The given files the case took (the import summary's refused ones left out).
    let imported: readonly string[] = args.files;
    if (args.casePath && args.files.length === 0) {
      harness.dialogs.newCasePaths.push(emptyCase);
      await harness.page.getByRole('button', { name: 'New case' }).click();
      await harness.page.waitForSelector('[data-testid="empty-state"]');
      await session.shoot(harness.page, 'empty.png');
      // 2. The given case (a copy): its imports stand for the import summary.
      reportCase = session.path(basename(args.casePath));
      copyFileSync(args.casePath, reportCase);
      harness.dialogs.casesToOpen.push(reportCase);
      await harness.page.getByRole('button', { name: 'Open case…' }).click();
      await waitForReport(harness.page);
      const imports = harness.page.locator('[data-testid="case-imports"]');
      // Open the skipped rows of each file: the per-file summary a fresh import would show.
      const details = imports.locator('details summary');
      if ((await details.count()) > 0) await details.first().click();
      // The card alone; the sticky header would cover its top in an element picture, so it is
      // made static for the shot (through the CSSOM, which the page's CSP allows).
      const setHeader = (position: string): Promise<void> =>
        harness.page.evaluate((value) => {
          const header = (
            globalThis as unknown as { document: { querySelector(s: string): { style: { position: string } } | null } }
          ).document.querySelector('.app-header');
          if (header) header.style.position = value;
        }, position);
      await setHeader('static');
      await harness.page.mouse.move(0, 0);
      await imports.screenshot({ path: join(args.out, 'import-summary.png'), animations: 'disabled' });
      await setHeader('');
      session.shots.push({ file: 'import-summary.png' });
      console.log(`screenshot: ${join(args.out, 'import-summary.png')}`);
    } else {
      // With --case and files: the files are imported into a copy of the case; else a new case.
      if (args.casePath) {
        reportCase = session.path(basename(args.casePath));
        copyFileSync(args.casePath, reportCase);
      } else {
        reportCase = emptyCase;
      }
      harness.dialogs.newCasePaths.push(emptyCase);
      await harness.page.getByRole('button', { name: 'New case' }).click();
      await harness.page.waitForSelector('[data-testid="empty-state"]');
      await session.shoot(harness.page, 'empty.png');
      if (args.casePath) {
        harness.dialogs.casesToOpen.push(reportCase);
        await harness.page.getByRole('button', { name: 'Open case…' }).click();
        await waitForReport(harness.page);
      }
      let files = args.files;
      if (files.length === 0) {
        const { log, details } = await writeSampleInputs(session.path('inputs'));
        const notes = session.path('inputs/meeting-notes.txt');
        writeFileSync(notes, 'Enrollment workshop, Tuesday: collect the Company Portal logs from the pilot group.\n');
        files = [log, details, notes];
        // A copy: the command line opens --db for writing, and the bundled file stays as shipped.
        source = '--db /tmp/sample.enrollscope';
        setup = 'cp resources/sample-case.enrollscope /tmp/sample.enrollscope';
      }
      await harness.drop(files);
      await harness.page.waitForSelector('[data-testid="import-summary"]', { timeout: 600_000 });
      await session.shootTop(harness.page, 'import-summary.png', '[data-testid="import-summary"]');
      if (args.files.length > 0) {
        // The command line is given what was imported: a refused file would make it fail.
        const refused = await refusedFiles(harness.page);
        imported = args.files.filter((file) => !refused.has(basename(file)) && !refused.has(file));
        if (args.casePath) {
          // A copy again: the command line imports the files into --db.
          const copy = `/tmp/${basename(args.casePath)}`;
          setup = `cp ${quote(args.casePath)} ${quote(copy)}`;
          source = [...imported.map(quote), '--db', quote(copy)].join(' ');
        } else {
          source = imported.map(quote).join(' ');
        }
      }
      if (args.files.length === 0) {
        // The report pictures show the bundled sample case, as a new user first sees it.
        reportCase = session.path('Sample case.enrollscope');
        copyFileSync(bundledSampleCase(), reportCase);
        harness.dialogs.casesToOpen.push(reportCase);
        await harness.page.getByRole('button', { name: 'Open case…' }).click();
      } else {
        await harness.page.getByTestId('dismiss-import').click();
      }
    }

    // 3. The report, light: the default filters (the last 14 days with data, both OS, all sections).
    await waitForReport(harness.page);
    const tz = (await harness.page.getAttribute('[data-testid="tz-input"]', 'value')) ?? args.tz;
    const defaultFilter = await (async (): Promise<ReportFilter> => {
      const db = openCase(reportCase, { create: false });
      try {
        const report = computeReport(db, { tz });
        return { from: report.range.from, to: report.range.to, tz };
      } finally {
        db.close();
      }
    })();
    const shownDefault = await checkAgainstEngine(harness.page, reportCase, defaultFilter);
    await session.shoot(harness.page, 'report-light.png', {
      filter: defaultFilter,
      shown: shownDefault,
      cli: cliCommand(source, defaultFilter),
    });
    await session.shootWindow(harness.page, 'report-window.png', { filter: defaultFilter });
    await shootViews(session, harness.page, reportCase, defaultFilter, source);

    // 4. Filtered: one OS, one section (the one with the most incomplete on that OS), 7 days.
    const page = harness.page;
    await page.getByTestId('preset-7').click();
    const db = openCase(reportCase, { create: false });
    let platform: Platform = 'iOS/iPadOS';
    let section: Section = 'Platform Screens';
    let weekly: ReportFilter;
    try {
      const week = computeReport(db, { tz });
      const from = new Date(`${week.range.to}T00:00:00Z`);
      from.setUTCDate(from.getUTCDate() - 6);
      weekly = { from: from.toISOString().slice(0, 10), to: week.range.to, tz };
      const ios = computeReport(db, { ...weekly, platforms: ['iOS/iPadOS'] });
      const android = computeReport(db, { ...weekly, platforms: ['Android'] });
      const pick = ios.rollup.incomplete >= android.rollup.incomplete ? ios : android;
      platform = pick === ios ? 'iOS/iPadOS' : 'Android';
      section = [...pick.sections].sort((a, b) => b.incomplete - a.incomplete)[0]?.section ?? section;
    } finally {
      db.close();
    }
    const other: Platform = platform === 'iOS/iPadOS' ? 'Android' : 'iOS/iPadOS';
    await page.getByTestId('filter-platforms').getByLabel(other).uncheck();
    for (const name of SECTIONS) {
      if (name !== section) await page.getByTestId('filter-sections').getByLabel(name).uncheck();
    }
    const filtered: ReportFilter = { ...weekly, platforms: [platform], sections: [section] };
    const shownFiltered = await checkAgainstEngine(page, reportCase, filtered);
    await session.shoot(page, 'filtered.png', {
      filter: filtered,
      shown: shownFiltered,
      cli: cliCommand(source, filtered),
    });
    await harness.close();

    // 5. The report, dark: the same case reopened at start (the last case), default filters.
    harness = await session.open('dark');
    await checkAgainstEngine(harness.page, reportCase, defaultFilter);
    await session.shoot(harness.page, 'report-dark.png', {
      filter: defaultFilter,
      shown: shownDefault,
      cli: cliCommand(source, defaultFilter),
    });
    await harness.close();

    // 6. The same report in a small and a large window: the layout at 1024x700 and 2560x1440.
    for (const size of [
      { width: 1024, height: 700 },
      { width: 2560, height: 1440 },
    ]) {
      const name = `${size.width}x${size.height}`;
      harness = await session.open('light', size);
      await checkAgainstEngine(harness.page, reportCase, defaultFilter);
      const shot = { filter: defaultFilter, shown: shownDefault, cli: cliCommand(source, defaultFilter) };
      await session.shoot(harness.page, `report-${name}.png`, shot);
      if (size.width === 1024) {
        await session.shootWindow(harness.page, `report-window-${name}.png`, { filter: defaultFilter });
        await shootViews(session, harness.page, reportCase, defaultFilter, source, {
          funnel: false,
          drillFile: `drilldown-${name}.png`,
        });
      }
      await harness.close();
    }

    const names = imported.map((file) => basename(file)).join(', ');
    const shownCase = args.casePath
      ? `${args.casePath}${imported.length ? `, with ${names} imported` : ''}`
      : args.files.length
        ? `a new case of ${names || 'no file (every file was refused)'}`
        : 'the bundled sample case';
    writeFileSync(
      join(args.out, 'screenshots.json'),
      `${JSON.stringify({ case: shownCase, setup, shots: session.shots }, null, 2)}\n`,
    );
  } finally {
    session.dispose();
    await server.close();
    await browser.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && /screenshot\.(js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  run(args).catch((error: unknown) => {
    console.error(`screenshot: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
