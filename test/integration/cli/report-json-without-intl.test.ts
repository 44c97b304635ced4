/**
 * A report on a stored case as JSON starts no Intl (no formatter, no locale check): its texts are
 * fixed English, and ICU's first use costs every such process 10-15 ms of CPU. The text output
 * still formats through Intl. The built command line, a real case on disk, Intl counted in the
 * child process by a preloaded module.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/shared/findings-types';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const counter = fileURLToPath(new URL('../../helpers/intl-uses.mjs', import.meta.url));

/** The command's output and the Intl uses it made (`NumberFormat 2` lines). */
function withIntlCounted(args: readonly string[], usesFile: string): { stdout: string; uses: string } {
  const result = runCli(args, {
    env: { NODE_OPTIONS: `--import ${counter}`, ENROLLSCOPE_INTL_USES_FILE: usesFile },
  });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return { stdout: result.stdout, uses: readFileSync(usesFile, 'utf8') };
}

describe('enrollscope report --db CASE: JSON without Intl', () => {
  const temp = useTempDir();

  it('writes the JSON with its findings and guidance texts and never starts Intl; text does', () => {
    const db = join(temp(), 'planted.enrollscope');
    const file = writeEventLog(join(temp(), 'planted.csv'), plannedEvents(plantedMonth()));
    expect(runCli(['imports', file, '--db', db]).code).toBe(0);
    const range = ['--from', '2025-05-15', '--to', '2025-05-28'];

    const json = withIntlCounted(['report', '--db', db, ...range], join(temp(), 'json-uses.txt'));
    const report = JSON.parse(json.stdout) as { findings: Finding[] };
    // The numbers' texts are there (counts with separators, percentages), written without Intl.
    expect(report.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['where-users-stop', 'rate-change']));
    expect(report.findings.every((f) => f.text.length > 20)).toBe(true);
    expect(json.uses).toBe('');

    const text = withIntlCounted(['report', '--db', db, ...range, '--format', 'text'], join(temp(), 'text-uses.txt'));
    expect(text.stdout).toContain('Findings');
    expect(text.uses).toMatch(/NumberFormat/);
  });
});
