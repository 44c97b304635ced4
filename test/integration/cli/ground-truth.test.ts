/**
 * End to end against an independent account of the same data: the synthetic generator knows the
 * attempts it meant to write (checked against a separate reference sessionizer in its own tests).
 * The command line, reading the file it wrote (bad rows included), must report exactly those.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTIONS } from '../../../src-main/shared/taxonomy';
import { syntheticAttempts, writeSyntheticLog, type SyntheticOptions } from '../../../src-main/tools/synthetic-log';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

interface Row {
  actionName: string;
  screen: string;
  userAction: string;
  count: number;
  byPlatform: Record<string, number>;
}

describe('the command line against the generator ground truth', () => {
  const temp = useTempDir();

  it.each<Partial<SyntheticOptions>>([
    { seed: 11, format: 'csv', delimiter: ';' },
    { seed: 12, format: 'ndjson' },
  ])('reports exactly the attempts the generator wrote (%o)', async (variant) => {
    const options: SyntheticOptions = {
      seed: 1,
      events: 20_000,
      days: 20,
      endDay: '2025-03-31',
      badRowRate: 0.02,
      ...variant,
    };
    const file = join(temp(), `log.${options.format}`);
    const written = await writeSyntheticLog(file, options);
    const truth = syntheticAttempts(options);

    const result = runCli(['report', file, '--from', '2025-03-01', '--to', '2025-04-02']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout);

    const incomplete = truth.filter((a) => a.outcome === 'incomplete');
    expect(report.rollup).toEqual({
      initiated: truth.length,
      incomplete: incomplete.length,
      incompleteRate: incomplete.length / truth.length,
      inProgress: truth.filter((a) => a.outcome === 'in progress').length,
      unclassified: incomplete.filter((a) => a.section === null).length,
      fromSummary: 0,
    });
    const [record] = report.imports;
    expect(record.rows).toBe(written.rows);
    expect(Object.values(record.skipped as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(written.badRows);

    for (const section of SECTIONS) {
      const table = report.sections.find((s: { section: string }) => s.section === section);
      const expected = new Map<string, number>();
      for (const a of incomplete.filter((x) => x.section === section)) {
        const key = `${a.actionName}|${a.screen}|${a.userAction}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const actual = new Map<string, number>(
        (table.rows as Row[])
          .filter((r) => r.count > 0)
          .map((r) => [`${r.actionName}|${r.screen}|${r.userAction}`, r.count]),
      );
      expect(actual).toEqual(expected);
      expect(table.incomplete).toBe([...expected.values()].reduce((a, b) => a + b, 0));
      const dailyTotal = report.daily.reduce((sum: number, day: Record<string, number>) => sum + day[section]!, 0);
      expect(dailyTotal).toBe(table.incomplete);
    }
  });
});
