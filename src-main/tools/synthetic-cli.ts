/**
 * Command line for the synthetic log generator:
 *
 *   npx tsx src-main/tools/synthetic-cli.ts OUT [--events N] [--seed N] [--days N]
 *       [--end-day YYYY-MM-DD] [--users N] [--bad-rate R] [--format csv|ndjson]
 *       [--delimiter ,|;|tab||]
 *
 * Prints one JSON line: the options, the counts and the time taken.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { writeSyntheticLog, type SyntheticOptions } from './synthetic-log';

export async function runSyntheticCli(argv: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      events: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      days: { type: 'string', default: '30' },
      'end-day': { type: 'string', default: '2025-06-30' },
      users: { type: 'string' },
      'bad-rate': { type: 'string', default: '0' },
      format: { type: 'string', default: 'csv' },
      delimiter: { type: 'string', default: ',' },
    },
  });
  const out = positionals[0];
  if (out === undefined || positionals.length > 1)
    throw new Error('usage: synthetic-cli OUT [--events N] [--seed N] ...');
  const number = (name: string, text: string): number => {
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n)) throw new Error(`--${name}: not a number: '${text}'`);
    return n;
  };
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  const options: SyntheticOptions = {
    seed: number('seed', values.seed),
    events: number('events', values.events),
    days: number('days', values.days),
    endDay: values['end-day'],
    badRowRate: number('bad-rate', values['bad-rate']),
    format: values.format as SyntheticOptions['format'],
    delimiter: delimiter as SyntheticOptions['delimiter'],
    ...(values.users === undefined ? {} : { users: number('users', values.users) }),
  };
  const started = performance.now();
  const counts = await writeSyntheticLog(out, options);
  const seconds = (performance.now() - started) / 1000;
  return JSON.stringify({
    out,
    ...options,
    ...counts,
    seconds: Number(seconds.toFixed(3)),
    rowsPerSecond: Math.round(counts.rows / seconds),
  });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runSyntheticCli(process.argv.slice(2)).then(
    (line) => console.log(line),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    },
  );
}
