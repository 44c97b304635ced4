/**
 * A report on a stored case as JSON starts no Intl (no formatter, no locale check) and loads no
 * other language's catalogs: its texts are fixed English, and ICU's first use costs every such
 * process 10-15 ms of CPU, the four other catalogs ~5 ms. The text output still formats through
 * Intl, in the language asked. The built command line, a real case on disk, Intl uses and loaded
 * modules recorded in the child process by preloaded modules.
 */
import { readFileSync } from 'node:fs';
import { CATALOGS } from '../../../src-main/shared/i18n/messages';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/shared/findings-types';
import { writeEventLog } from '../../helpers/event-log';
import { plannedEvents, plantedMonth } from '../../helpers/findings-case';
import { runCli } from '../../helpers/run-cli';
import { useTempDir } from '../../helpers/temp-dir';

const counter = fileURLToPath(new URL('../../helpers/intl-uses.mjs', import.meta.url));
const loadRecorder = fileURLToPath(new URL('../../helpers/loaded-modules.mjs', import.meta.url));

/** The source of every module the command loaded. */
function loadedSources(args: readonly string[], listFile: string): string[] {
  const result = runCli(args, {
    env: { NODE_OPTIONS: `--import ${loadRecorder}`, ENROLLSCOPE_LOADED_MODULES_FILE: listFile },
  });
  expect(result.code).toBe(0);
  const urls = readFileSync(listFile, 'utf8').trim().split('\n');
  return urls.filter((url) => url.startsWith('file:')).map((url) => readFileSync(fileURLToPath(url), 'utf8'));
}

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

  it('loads no catalogs of other languages for JSON; --lang de text loads the German ones', () => {
    const db = join(temp(), 'planted.enrollscope');
    const file = writeEventLog(join(temp(), 'planted.csv'), plannedEvents(plantedMonth()));
    expect(runCli(['imports', file, '--db', db]).code).toBe(0);
    // The start of a German message, found in no other catalog.
    const german = CATALOGS.de.common['findings.whereUsersStop']!.split(' {')[0]!;
    expect(german).toBe('Abbruchstelle Nr.');

    const json = loadedSources(['report', '--db', db], join(temp(), 'json-modules.txt'));
    expect(json.some((source) => source.includes('reportWithFindings'))).toBe(true);
    expect(json.some((source) => source.includes(german))).toBe(false);

    const text = loadedSources(['report', '--db', db, '--format', 'text', '--lang', 'de'], join(temp(), 'de.txt'));
    expect(text.some((source) => source.includes(german))).toBe(true);
  });
});
