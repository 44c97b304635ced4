/**
 * Builds the bundled sample case, `resources/sample-case.enrollscope` (`npm run sample`): a
 * realistic, synthetic customer (Contoso) over 30 days, both platforms, every section, restarts,
 * timeouts and a few bad rows, imported through the real import (the worker the app uses):
 *
 *   contoso-enrollment-events.csv      the event log (synthetic-log.ts), with a few bad rows
 *   contoso-abandonment-details.csv    abandonment details rows (another group of users, `;`)
 *   contoso-abandonment-summary.json   the Intune reporting envelope: daily summary rows of the
 *                                      7 days before the last, per platform, with `_loc` twins
 *                                      (one day disagrees with the attempts, to show the warning)
 *
 * The log's last day ends mid-afternoon, as a real export's last day does, and no summary row
 * covers it: the report shows it as a partial day, and the default range ends the day before.
 *
 * Deterministic: the same bytes on every run (import times and paths pinned). `--keep DIR` also
 * keeps the input files there. `--out PATH` writes the case elsewhere.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { runImportInWorker } from '../workers/import-in-worker';
import { computeReport } from '../report/compute-report';
import { addDays } from '../shared/calendar-day';
import { CATALOG, PLATFORMS, SECTION_OF_ACTION, type Platform } from '../shared/taxonomy';
import { openCase, setSetting } from '../store/case-file';
import { MASK_KEY_SETTING } from '../store/mask-key';
import { SAMPLE_KEY } from '../app/session';
import { mulberry32 } from './mulberry32';
import { writeSyntheticLog } from './synthetic-log';

export const SAMPLE_END_DAY = '2025-11-14';
/** A day the customer's log collection missed: the report shows it as a gap. */
export const SAMPLE_GAP_DAY = '2025-11-05';
export const SAMPLE_DAYS = 30;
const SEED = 20251114;

const csvField = (value: string): string => (/[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * Abandonment details rows as an Intune export would list them: frontline workers on shared
 * iPads and Android phones, a non-catalog combination, and two rows the import must skip.
 */
export function detailsCsv(endDay: string, days: number, seed: number): string {
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const header = [
    'abandonmentDateTime',
    'userPrincipalName',
    'deviceName',
    'platform',
    'enrollmentSection',
    'actionName',
    'screenOrFlow',
    'userAction',
  ];
  const lines = [header.join(';')];
  const userActionText: Record<string, string> = {
    Cancel: 'Cancel',
    Postpone: 'Postpone',
    Ignore: 'Ignore',
    'Decline All': 'DeclineAll',
    'Exceeded 30 minutes': 'Took > 30 minutes',
    'Closed app': 'ClosedApp',
  };
  const first = addDays(endDay, -(days - 1));
  for (let i = 0; i < 96; i++) {
    const day = addDays(first, Math.floor(rng() * days));
    if (day === SAMPLE_GAP_DAY) continue;
    const minutes = 7 * 60 + Math.floor(rng() * 10 * 60);
    const time = `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(Math.floor(rng() * 60)).padStart(2, '0')}Z`;
    const user = `frontline${String(1 + Math.floor(rng() * 40)).padStart(3, '0')}@contoso.example`;
    const platform: Platform = rng() < 0.5 ? 'iOS/iPadOS' : 'Android';
    const rows = CATALOG.filter((row) => row.platform === 'iOS/Android' || row.platform === platform);
    const row = pick(rows);
    const device =
      platform === 'iOS/iPadOS'
        ? `SHARED-IPAD-${String(1 + Math.floor(rng() * 25)).padStart(2, '0')}`
        : `FLW-GALAXY-${String(100 + Math.floor(rng() * 60))}`;
    lines.push(
      [
        time,
        user,
        device,
        platform === 'iOS/iPadOS' ? 'iPadOS' : 'Android',
        SECTION_OF_ACTION[row.actionName],
        row.actionName,
        row.screen,
        userActionText[row.userAction]!,
      ]
        .map(csvField)
        .join(';'),
    );
  }
  // Observed combinations outside the catalog (they get their own table rows).
  lines.push(
    [
      `${addDays(endDay, -2)}T09:14:05Z`,
      'frontline007@contoso.example',
      'FLW-GALAXY-131',
      'Android',
      'Compliance/Activation',
      'Compliance',
      'Device compliance check cancelled from the notification',
      'Cancel',
    ]
      .map(csvField)
      .join(';'),
  );
  lines.push(
    [
      `${addDays(endDay, -5)}T15:40:51Z`,
      'frontline019@contoso.example',
      'SHARED-IPAD-04',
      'iPadOS',
      'Compliance/Activation',
      'Compliance',
      'Device compliance check cancelled from the notification',
      'Cancel',
    ]
      .map(csvField)
      .join(';'),
  );
  lines.push(
    [
      `${addDays(endDay, -1)}T11:02:33Z`,
      'frontline022@contoso.example',
      'SHARED-IPAD-11',
      'iPadOS',
      'Setup Checklist',
      'EnrollmentWrapUp',
      '',
      'ClosedApp',
    ]
      .map(csvField)
      .join(';'),
  );
  // Rows outside the report: skipped with their line numbers.
  lines.push(
    [
      `${addDays(endDay, -3)}T10:00:00Z`,
      'frontline031@contoso.example',
      'CONTOSO-LT-0042',
      'Windows',
      'Setup Checklist',
      'EnrollmentWrapUp',
      '',
      'Cancel',
    ]
      .map(csvField)
      .join(';'),
  );
  lines.push(
    [
      `${addDays(endDay, -4)}T13:21:00Z`,
      'frontline012@contoso.example',
      'SHARED-IPAD-07',
      'iPadOS',
      'Setup Checklist',
      'SetupAssistant',
      '',
      'Cancel',
    ]
      .map(csvField)
      .join(';'),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/** The Intune reporting envelope of daily summary rows (platform codes with `_loc` labels). */
export function summaryEnvelope(
  rows: readonly { date: string; platform: Platform; initiated: number; incomplete: number }[],
): string {
  const code: Record<Platform, number> = { 'iOS/iPadOS': 2, Android: 3 };
  return `${JSON.stringify(
    {
      TotalRowCount: rows.length,
      Schema: [
        { Column: 'Date', PropertyType: 'String' },
        { Column: 'Platform', PropertyType: 'Int32' },
        { Column: 'Platform_loc', PropertyType: 'String' },
        { Column: 'InitiatedCount', PropertyType: 'Int64' },
        { Column: 'IncompleteCount', PropertyType: 'Int64' },
      ],
      Values: rows.map((row) => [
        row.date,
        code[row.platform],
        row.platform === 'iOS/iPadOS' ? 'iOS/iPadOS' : 'Android',
        row.initiated,
        row.incomplete,
      ]),
    },
    null,
    1,
  )}\n`;
}

export interface Options {
  out: string;
  keep: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  let out = resolve('resources', 'sample-case.enrollscope');
  let keep: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' && argv[i + 1]) out = resolve(argv[++i]!);
    else if (arg === '--keep' && argv[i + 1]) keep = resolve(argv[++i]!);
    else throw new Error(`make-sample: unknown argument ${arg} (use --out PATH, --keep DIR)`);
  }
  return { out, keep };
}

/** Writes the sample's input files into `dir`; returns their paths in import order. */
export async function writeSampleInputs(dir: string): Promise<{ log: string; details: string }> {
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'contoso-enrollment-events.csv');
  await writeSyntheticLog(log, {
    seed: SEED,
    events: 24_000,
    days: SAMPLE_DAYS,
    endDay: SAMPLE_END_DAY,
    users: 640,
    badRowRate: 0.003,
  });
  const lines = readFileSync(log, 'utf8').split('\n');
  writeFileSync(log, lines.filter((line) => !line.startsWith(`${SAMPLE_GAP_DAY}T`)).join('\n'));
  const details = join(dir, 'contoso-abandonment-details.csv');
  writeFileSync(details, detailsCsv(SAMPLE_END_DAY, SAMPLE_DAYS, SEED + 1));
  return { log, details };
}

async function importOrFail(casePath: string, paths: string[]): Promise<void> {
  const outcomes = await runImportInWorker(casePath, paths);
  for (const outcome of outcomes) {
    if (outcome.status !== 'imported') {
      throw new Error(
        `make-sample: ${outcome.file} was not imported: ${outcome.status === 'refused' ? outcome.reason : 'cancelled'}`,
      );
    }
    const { record } = outcome;
    const skipped = Object.entries(record.skipped).map(([reason, n]) => `${n} ${reason}`);
    console.log(
      `  ${record.file}: ${record.format}, ${record.imported}/${record.rows} rows${skipped.length ? `, skipped ${skipped.join(', ')}` : ''}`,
    );
  }
}

/**
 * The same bytes on every run: an import record holds when it was imported and (in older schemas)
 * where the file was read from, a temporary folder; both are pinned to values of the sample's own.
 */
function pinImportRecords(db: ReturnType<typeof openCase>): void {
  const importedAt = (id: number): string => `${addDays(SAMPLE_END_DAY, 1)}T09:00:0${id}.000Z`;
  const ids = db.prepare('SELECT id FROM imports ORDER BY id').pluck().all() as number[];
  for (const id of ids) db.prepare('UPDATE imports SET imported_at = ? WHERE id = ?').run(importedAt(id), id);
  const columns = db.prepare("SELECT name FROM pragma_table_info('imports')").pluck().all() as string[];
  if (columns.includes('source_path')) db.exec('UPDATE imports SET source_path = file_name');
}

export async function makeSample(options: Options): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'enrollscope-sample-'));
  try {
    const inputs = options.keep ?? join(work, 'inputs');
    const { log, details } = await writeSampleInputs(inputs);
    const casePath = join(work, basename(options.out));
    openCase(casePath, { create: true }).close();
    console.log(`make-sample: importing into ${casePath}`);
    await importOrFail(casePath, [log, details]);

    // The summary states what the attempts show for the 7 days before the last (UTC), plus the
    // attempts no row shows (the summary knows more), and one day that disagrees with the attempts.
    const db = openCase(casePath, { create: false });
    const rng = mulberry32(SEED + 2);
    const rows: { date: string; platform: Platform; initiated: number; incomplete: number }[] = [];
    for (let back = 7; back >= 1; back--) {
      const date = addDays(SAMPLE_END_DAY, -back);
      for (const platform of PLATFORMS) {
        const { rollup } = computeReport(db, { from: date, to: date, platforms: [platform], tz: 'UTC' });
        const mismatch = back === 3 && platform === 'Android' ? 3 : 0;
        rows.push({
          date,
          platform,
          initiated: (rollup.initiated ?? 0) + 1 + Math.floor(rng() * 4),
          incomplete: rollup.incomplete + mismatch,
        });
      }
    }
    db.close();
    const summary = join(inputs, 'contoso-abandonment-summary.json');
    writeFileSync(summary, summaryEnvelope(rows));
    await importOrFail(casePath, [summary]);

    const finished = openCase(casePath, { create: false });
    // The sample's customer works in UTC: a remembered zone, so every machine shows the same report.
    setSetting(finished, 'tz', 'UTC');
    setSetting(finished, 'customer', 'Contoso (synthetic sample)');
    setSetting(finished, SAMPLE_KEY, 'true');
    // No masking key in the bundled file: every copy makes its own when first opened, so data a user
    // imports into their copy is never masked with a key everyone has.
    finished.prepare('DELETE FROM settings WHERE key = ?').run(MASK_KEY_SETTING);
    pinImportRecords(finished);
    finished.pragma('wal_checkpoint(TRUNCATE)');
    finished.pragma('journal_mode = DELETE');
    finished.exec('VACUUM');
    finished.close();

    mkdirSync(dirname(options.out), { recursive: true });
    copyFileSync(casePath, options.out);
    console.log(`make-sample: wrote ${options.out} (${(statSync(options.out).size / 1024).toFixed(0)} KiB)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const invokedDirectly = process.argv[1] !== undefined && /make-sample\.(js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  makeSample(parseArgs(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
