import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { floorProblem, parseNodeVersion } from '../../../scripts/lib/node-floor.mjs';

describe('floorProblem', () => {
  it('the command line and tests: ^20.19 or >= 22.12', () => {
    for (const ok of ['v20.19.0', 'v20.20.2', 'v22.12.0', 'v22.20.1', 'v24.1.0', 'v26.0.0-pre'])
      expect(floorProblem(ok, 'tools'), ok).toBeNull();
    for (const old of ['v18.20.4', 'v20.18.3', 'v21.7.3', 'v22.11.0', 'nonsense'])
      expect(floorProblem(old, 'tools'), old).toContain('needs Node ^20.19.0 || >=22.12.0');
  });

  it('the desktop app: >= 22.12, and says what still works on a Node 20', () => {
    expect(floorProblem('v22.12.0', 'desktop')).toBeNull();
    expect(floorProblem('v23.0.0', 'desktop')).toBeNull();
    const onTwenty = floorProblem('v20.20.2', 'desktop');
    expect(onTwenty).toContain(
      'this is Node v20.20.2; the desktop app (Electron 42 and its downloader need it) needs Node >=22.12.0',
    );
    expect(onTwenty).toContain('the command line and `npm test` work');
    expect(floorProblem('v18.0.0', 'desktop')).not.toContain('`npm test` work');
  });

  it('parses versions with and without the v', () => {
    expect(parseNodeVersion('22.12.0')).toEqual({ major: 22, minor: 12, patch: 0 });
    expect(parseNodeVersion('x')).toBeNull();
  });
});

describe('scripts/node-floor.mjs', () => {
  const script = fileURLToPath(new URL('../../../scripts/node-floor.mjs', import.meta.url));
  it('passes quietly on this Node for the tools, and stops the desktop app with the message where Node is older', () => {
    expect(execFileSync(process.execPath, [script, 'tools'], { encoding: 'utf8' })).toBe('');
    const desktop = spawnSync(process.execPath, [script, 'desktop'], { encoding: 'utf8' });
    expect(desktop.status).toBe(floorProblem(process.version, 'desktop') === null ? 0 : 1);
    expect(desktop.stderr.trim()).toBe(floorProblem(process.version, 'desktop') ?? '');
  });
});
