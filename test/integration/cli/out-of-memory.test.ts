/**
 * The command line stores in its own main thread, where reaching the heap limit would be a V8
 * abort with a stack trace. A real process with a tiny heap: the store's heap watch
 * (store/heap-watch.ts) refuses the file in one line, exit code 1, the case unchanged. The file is
 * small enough to be parsed in that same thread (no parse worker), so the refusal can only come
 * from the store's own watch; the same file imports with a normal heap.
 */
import { spawnSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import { IN_THREAD_BYTES } from '../../../src-main/workers/parse-in-worker';
import { caseSnapshot } from '../../helpers/case-snapshot';
import { eventLogCsv } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const bin = fileURLToPath(new URL('../../../bin/enrollscope.js', import.meta.url));
const temp = useTempDir('enrollscope-cli-oom-');

/** 60,000 events of as many users, devices and screens (~6 MB: parsed in the storing thread). */
function manyUsers(path: string): void {
  const lines = ['timestamp,userPrincipalName,deviceId,platform,event,actionName,screen'];
  for (let i = 0; i < 60_000; i++) {
    const time = new Date(Date.UTC(2025, 5, 2) + i * 1000).toISOString();
    lines.push(`${time},user${i}@contoso.example,dev-${i},${i % 2 ? 'iOS' : 'Android'},start,,Screen text ${i}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const run = (heapMb: number, ...args: string[]) =>
  spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, '--max-semi-space-size=1', bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the command line near its heap limit', () => {
  it('refuses the file in one line, exit code 1, the case unchanged', async () => {
    const dir = temp();
    const casePath = join(dir, 'case.enrollscope');
    const first = join(dir, 'first.csv');
    writeFileSync(
      first,
      eventLogCsv([
        { time: '2025-06-01T08:00:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'start' },
        { time: '2025-06-01T08:01:00Z', user: 'ann@contoso.example', platform: 'iOS', event: 'complete' },
      ]),
    );
    const big = join(dir, 'many-users.csv');
    manyUsers(big);
    expect(statSync(big).size).toBeLessThan(IN_THREAD_BYTES); // parsed in the storing thread
    const db = openCase(casePath);
    let before;
    try {
      await importFiles(db, [first]);
      before = caseSnapshot(db);
    } finally {
      db.close();
    }

    // Without the watch, this heap ends in a V8 abort (exit 134, FATAL ERROR and a native stack).
    const refused = run(24, 'report', '--db', casePath, big, '--format', 'json');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(
      /^enrollscope: many-users\.csv: the import ran out of memory after [\d,]+ rows of this file: nothing of it was stored; split it into smaller files, or close other programs, and import it again\n$/,
    );
    expect(refused.stderr).not.toMatch(/FATAL|stack|heap|\n {4}at /i);

    const after = openCase(casePath);
    try {
      expect(caseSnapshot(after)).toEqual(before);
    } finally {
      after.close();
    }

    // The same file and command with room to spare: imported (the heap, not the file, was refused).
    const imported = run(256, 'imports', '--db', casePath, big, '--format', 'json');
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toHaveLength(2);
  }, 120_000);
});
