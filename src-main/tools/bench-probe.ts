/**
 * The benchmark's probes (`npm run bench`, bench/run.mjs), built with the app so that each runs
 * the same code the app and the command line run. One subcommand per child process; each prints
 * one JSON line on stdout.
 *
 *   generate OUT --events N [--seed S] [--days D] [--end-day YYYY-MM-DD]
 *       the deterministic synthetic event log (synthetic-log.ts)
 *   papaparse FILE
 *       the peer parser: Papa Parse's core parser fed 64 KiB pieces of the decoded file, as the
 *       import feeds it, with nothing else done to the rows (no mapping, validation or storing)
 *   parse FILE
 *       our parser alone: readInput (decode, Papa Parse, column mapping, validation, batches) in
 *       this thread, nothing stored: what validation adds to the raw parse
 *   parse-coded FILE [--strings]
 *       the parse worker's side in this thread, nothing posted: readInputCoded (CSV event logs
 *       read from their bytes, strings coded on the way) and BatchCoder for the rest; with
 *       --strings, readInput and BatchCoder (every row through Papa Parse, strings coded after)
 *   attempts CASE
 *       the attempts step on a built case, each run rolled back: a full rebuild (3 runs), and an
 *       incremental refresh of 1%, 10%, 25% and 50% of the groups (where the full rebuild wins:
 *       attempts/refresh.ts FULL_REBUILD_SHARE)
 *   latency CASE [--filters N] [--seed S]
 *       computeReport over N random filters (date ranges, platforms, sections, time zones), and
 *       after each report the funnel and the findings of the same filter, as the window asks for
 *       them (see latency())
 *   opening CASE
 *       where a report on a stored case spends its time once the code is loaded (medians of 3, ms):
 *       opening read-only without the check, `PRAGMA quick_check` alone, the full open the command
 *       line does (check, pragmas, migrations), and the first report for one platform
 *   responsiveness CASE FILE
 *       imports FILE into CASE with runImportInWorker, the way the window's process does, and
 *       watches this thread's event loop meanwhile (perf_hooks.monitorEventLoopDelay)
 *   idle SECONDS
 *       the control for responsiveness: the same watch in a process that does nothing, run at the
 *       same time. On a busy machine both see delays that come from the machine, not from us.
 *       (The histogram's values include its 10 ms resolution: an idle loop reads ~10-15 ms.)
 */
import { createReadStream } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { rebuildAllAttempts, refreshAttempts } from '../attempts/refresh';
import { readInput, readInputCoded } from '../import/read-input';
import { BatchCoder, CODES_KEPT, rowsOf } from '../store/coded-batch';
import { runImportInWorker } from '../workers/import-in-worker';
import { forgetKeptReads } from '../report/case-reads';
import { computeReport } from '../report/compute-report';
import { computeFunnel } from '../funnel/funnel';
import { computeFindings } from '../findings/compute-findings';
import { gatherFindingsInput } from '../findings/gather';
import type { ReportFilter } from '../shared/report-types';
import { openCase } from '../store/case-file';
import { randomFilters } from './random-filters';
import { writeSyntheticLog } from './synthetic-log';

const DAY_MS = 86_400_000;
const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

async function generate(out: string, values: Record<string, string | undefined>): Promise<unknown> {
  const started = performance.now();
  const counts = await writeSyntheticLog(out, {
    seed: Number(values.seed ?? 1),
    events: Number(values.events),
    days: Number(values.days ?? 30),
    endDay: values['end-day'] ?? '2025-06-30',
  });
  return { ...counts, seconds: (performance.now() - started) / 1000 };
}

async function papaparse(file: string): Promise<unknown> {
  const started = performance.now();
  const parser = new Papa.Parser({ delimiter: ',', newline: '\n', quoteChar: '"' });
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let rows = 0;
  const feed = (input: string, final: boolean): void => {
    const result = parser.parse(input, 0, !final) as { data: string[][]; meta: { cursor: number } };
    rows += result.data.length;
    rest = final ? '' : input.slice(result.meta.cursor);
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let at = 0; at < chunk.length; at += 65_536) {
      feed(rest + decoder.decode(chunk.subarray(at, at + 65_536), { stream: true }), false);
    }
  }
  feed(rest + decoder.decode(), true);
  return { rows: rows - 1, seconds: (performance.now() - started) / 1000 };
}

async function parse(file: string): Promise<unknown> {
  const started = performance.now();
  let rows = 0;
  let records = 0;
  for await (const input of readInput(file)) {
    for await (const batch of input.batches) records += 'count' in batch ? batch.count : batch.rows.length;
    rows += input.rowsRead();
  }
  return { rows, records, seconds: (performance.now() - started) / 1000 };
}

async function parseCoded(file: string, strings: boolean): Promise<unknown> {
  const started = performance.now();
  let rows = 0;
  let records = 0;
  const inputs = strings ? readInput(file) : readInputCoded(file, { kept: CODES_KEPT });
  for await (const input of inputs) {
    const coder = new BatchCoder();
    for await (const batch of input.batches) {
      const coded = coder.code(batch);
      records += rowsOf(coded);
    }
    rows += input.rowsRead();
  }
  return { rows, records, seconds: (performance.now() - started) / 1000 };
}

function attempts(casePath: string): unknown {
  const db = openCase(casePath, { create: false, check: false });
  const timed = (work: () => void): number => {
    const started = performance.now();
    db.exec('BEGIN');
    try {
      work();
    } finally {
      db.exec('ROLLBACK');
    }
    return (performance.now() - started) / 1000;
  };
  try {
    const full = [0, 1, 2].map(() => timed(() => rebuildAllAttempts(db)));
    const groups = db.prepare('SELECT DISTINCT user_id, platform FROM attempts WHERE source = 0').raw().all() as [
      number,
      number,
    ][];
    const incremental = [0.01, 0.1, 0.25, 0.5].map((share) => {
      const some = groups.filter((_, i) => i % Math.round(1 / share) === 0);
      const seconds = timed(() =>
        refreshAttempts(db, { importId: 0, eventGroups: some }, { fullRebuildShare: Number.POSITIVE_INFINITY }),
      );
      return { share, groups: some.length, seconds };
    });
    return { groups: groups.length, fullRebuildSeconds: [...full].sort((a, b) => a - b)[1], incremental };
  } finally {
    db.close();
  }
}

interface Latency {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly slowest: ReportFilter | undefined;
}

function summarize(times: readonly number[], filters: readonly ReportFilter[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const max = sorted.at(-1) ?? 0;
  return {
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    maxMs: max,
    slowest: filters[times.indexOf(max)],
  };
}

/**
 * The window's work after a filter change over N random filters: the report, then the funnel and
 * the findings of the same filter (report-views.ts), each timed. What the case reads are kept
 * between calls (report/case-reads.ts) is forgotten before each filter, so every click counts as
 * one on days nothing has read yet (the report's own row measures what it always did).
 * `funnelAlone` and `findingsAlone`: each with nothing kept before it (the command line's case).
 */
function latency(casePath: string, values: Record<string, string | undefined>): unknown {
  const db = openCase(casePath, { create: false, check: false, readonly: true });
  try {
    const first = computeReport(db, {}); // the report the app shows on opening the case (warms up)
    computeFindings(gatherFindingsInput(db, {}));
    computeFunnel(db, {});
    const lastDay = first.range.to;
    const firstDay = day(Date.parse(`${lastDay}T00:00:00Z`) - 29 * DAY_MS);
    const filters = randomFilters(Number(values.filters ?? 100), Number(values.seed ?? 1), firstDay, lastDay);
    const times = { report: [] as number[], funnel: [] as number[], findings: [] as number[] };
    const alone = { funnel: [] as number[], findings: [] as number[] };
    const timed = (work: () => unknown): number => {
      const started = performance.now();
      work();
      return performance.now() - started;
    };
    for (const filter of filters) {
      forgetKeptReads(db);
      times.report.push(timed(() => computeReport(db, filter)));
      times.funnel.push(timed(() => computeFunnel(db, filter)));
      times.findings.push(timed(() => computeFindings(gatherFindingsInput(db, filter))));
      forgetKeptReads(db);
      alone.funnel.push(timed(() => computeFunnel(db, filter)));
      forgetKeptReads(db);
      alone.findings.push(timed(() => computeFindings(gatherFindingsInput(db, filter))));
    }
    return {
      filters: filters.length,
      ...summarize(times.report, filters),
      funnel: summarize(times.funnel, filters),
      findings: summarize(times.findings, filters),
      funnelAlone: summarize(alone.funnel, filters),
      findingsAlone: summarize(alone.findings, filters),
    };
  } finally {
    db.close();
  }
}

function opening(casePath: string): unknown {
  const ms = (work: () => void): number => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const median3 = (work: () => void): number => [ms(work), ms(work), ms(work)].sort((a, b) => a - b)[1]!;
  const readOnly = () => openCase(casePath, { create: false, check: false, readonly: true });
  const openReadOnlyMs = median3(() => readOnly().close());
  const quickCheckMs = median3(() => {
    const db = readOnly();
    try {
      db.pragma('quick_check(10)');
    } finally {
      db.close();
    }
  });
  const openFullMs = median3(() => openCase(casePath, { create: false }).close());
  const firstReportMs = median3(() => {
    const db = readOnly();
    try {
      computeReport(db, { platforms: ['Android'] });
    } finally {
      db.close();
    }
  });
  return {
    openReadOnlyMs: openReadOnlyMs,
    quickCheckMs: quickCheckMs - openReadOnlyMs,
    openFullMs,
    firstReportMs: firstReportMs - openReadOnlyMs,
  };
}

async function responsiveness(casePath: string, file: string): Promise<unknown> {
  // The window's process opens (and checks) the case first, then hands the import to the worker.
  openCase(casePath).close();
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  let progressMessages = 0;
  histogram.enable();
  const started = performance.now();
  const outcomes = await runImportInWorker(casePath, [file], { onProgress: () => progressMessages++ });
  const seconds = (performance.now() - started) / 1000;
  histogram.disable();
  return {
    status: outcomes.map((o) => o.status).join(','),
    seconds,
    progressMessages,
    maxDelayMs: histogram.max / 1e6,
    p99DelayMs: histogram.percentile(99) / 1e6,
    meanDelayMs: histogram.mean / 1e6,
  };
}

async function idle(seconds: number): Promise<unknown> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  histogram.disable();
  return { seconds, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
}

async function main(argv: string[]): Promise<void> {
  const { values: parsed, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      events: { type: 'string' },
      seed: { type: 'string' },
      days: { type: 'string' },
      'end-day': { type: 'string' },
      filters: { type: 'string' },
      strings: { type: 'boolean' },
    },
  });
  const { strings, ...values } = parsed;
  const [command, first, second] = positionals;
  let result: unknown;
  if (command === 'generate' && first) result = await generate(first, values);
  else if (command === 'papaparse' && first) result = await papaparse(first);
  else if (command === 'parse' && first) result = await parse(first);
  else if (command === 'parse-coded' && first) result = await parseCoded(first, strings === true);
  else if (command === 'attempts' && first) result = attempts(first);
  else if (command === 'latency' && first) result = latency(first, values);
  else if (command === 'opening' && first) result = opening(first);
  else if (command === 'responsiveness' && first && second) result = await responsiveness(first, second);
  else if (command === 'idle' && first) result = await idle(Number(first));
  else
    throw new Error(
      'usage: bench-probe generate|papaparse|parse|parse-coded|attempts|latency|opening|responsiveness|idle ... (see the file comment)',
    );
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench-probe: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
