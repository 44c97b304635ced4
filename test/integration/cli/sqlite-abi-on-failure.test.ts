/**
 * bin/enrollscope.js checks SQLite's native module only when loading it fails (`npm start` leaves
 * it built for Electron's ABI): --help never loads it, and a command that fails to load it switches
 * it back for Node (scripts/sqlite-abi.mjs) and runs again. Run on a copy of the project whose
 * better-sqlite3 is its own (a module that is not a library for this machine, a real dlopen
 * failure), with the ready-made Node build in its own cache: the real node_modules is never touched.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { completedAttempt, writeEventLog } from '../../helpers/event-log';
import { useTempDir } from '../../helpers/temp-dir';

const project = fileURLToPath(new URL('../../..', import.meta.url));
const temp = useTempDir('enrollscope-sqlite-abi-');

/** A copy of the project's command line whose better_sqlite3.node is 8 KiB of noise. */
function projectWithForeignSqlite(): { root: string; binary: string } {
  const root = join(temp(), 'project');
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const part of ['bin', 'out/main', 'scripts', 'package.json'])
    cpSync(join(project, part), join(root, part), { recursive: true });
  for (const entry of readdirSync(join(project, 'node_modules'))) {
    if (entry !== 'better-sqlite3' && entry !== '.cache')
      symlinkSync(join(project, 'node_modules', entry), join(root, 'node_modules', entry));
  }
  const sqlite = join(root, 'node_modules', 'better-sqlite3');
  for (const part of ['package.json', 'lib'])
    cpSync(join(project, 'node_modules', 'better-sqlite3', part), join(sqlite, part), { recursive: true });
  const working = join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const cached = join(
    root,
    'node_modules',
    '.cache',
    'enrollscope-sqlite',
    `node-${process.versions.modules}-${process.arch}`,
  );
  mkdirSync(cached, { recursive: true });
  copyFileSync(working, join(cached, 'better_sqlite3.node'));
  const binary = join(sqlite, 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(join(sqlite, 'build', 'Release'), { recursive: true });
  writeFileSync(binary, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256)));
  return { root, binary };
}

const run = (root: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [join(root, 'bin', 'enrollscope.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: join(root, 'xdg'), ...env },
    timeout: 120_000,
  });

describe('SQLite built for another runtime', () => {
  it('--help does not load SQLite: usage, exit 0, the module left as it is', () => {
    const { root, binary } = projectWithForeignSqlite();
    const before = readFileSync(binary);
    const help = run(root, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^usage: enrollscope report/);
    expect(readFileSync(binary).equals(before)).toBe(true);
  });

  it('a report switches it back for Node and runs again, once', () => {
    const { root, binary } = projectWithForeignSqlite();
    const log = writeEventLog(
      join(root, 'events.csv'),
      completedAttempt('ana@contoso.example', 'iOS', '2025-06-03T09:00:00Z'),
    );
    const report = run(root, ['report', log, '--format', 'json']);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(JSON.parse(report.stdout).rollup.initiated).toBe(1);
    expect(
      readFileSync(binary).equals(
        readFileSync(join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')),
      ),
    ).toBe(true);
  });

  it('when switching did not help, the failure is one line, exit 1, no second try', () => {
    const { root } = projectWithForeignSqlite();
    const log = writeEventLog(
      join(root, 'events.csv'),
      completedAttempt('ana@contoso.example', 'iOS', '2025-06-03T09:00:00Z'),
    );
    const report = run(root, ['report', log], { ENROLLSCOPE_SQLITE_SWITCHED: '1' });
    expect(report.status).toBe(1);
    expect(report.stdout).toBe('');
    expect(report.stderr).toMatch(/^enrollscope: unexpected error: .*better_sqlite3\.node: invalid ELF header\n$/);
  });
});
