import { describe, expect, it } from 'vitest';
import {
  STARTUP_FAILED_TITLE,
  failStartup,
  runStartup,
  startupFailureText,
  userDataOverride,
  type StartupDeps,
} from '../../../src-main/app/startup';

function recorder(options: { boxThrows?: boolean } = {}) {
  const calls: string[] = [];
  const deps: StartupDeps = {
    showErrorBox: (title, content) => {
      calls.push(`box ${title}: ${content.split('\n')[0]}`);
      if (options.boxThrows) throw new Error('no display');
    },
    exit: (code) => void calls.push(`exit ${code}`),
    log: (message) => void calls.push(`log ${message}`),
  };
  return { deps, calls };
}

describe('runStartup', () => {
  it('a throw inside start: logged, an error box with its first line, exit 1', async () => {
    const { deps, calls } = recorder();
    const started = await runStartup(() => {
      throw new Error('EACCES: permission denied, mkdir /profile\n    at stack');
    }, deps);
    expect(started).toBe(false);
    expect(calls).toEqual([
      `log ${STARTUP_FAILED_TITLE}:`,
      `box ${STARTUP_FAILED_TITLE}: EACCES: permission denied, mkdir /profile`,
      'exit 1',
    ]);
  });

  it('a rejection after an await inside start ends the same way', async () => {
    const { deps, calls } = recorder();
    expect(
      await runStartup(async () => {
        await Promise.resolve();
        throw 'not an Error';
      }, deps),
    ).toBe(false);
    expect(calls.at(-1)).toBe('exit 1');
    expect(calls[1]).toBe(`box ${STARTUP_FAILED_TITLE}: not an Error`);
  });

  it('a start that works exits nothing', async () => {
    const { deps, calls } = recorder();
    expect(await runStartup(async () => undefined, deps)).toBe(true);
    expect(calls).toEqual([]);
  });

  it('exits 1 even when the error box itself fails', () => {
    const { deps, calls } = recorder({ boxThrows: true });
    expect(() => failStartup(new Error('x'), deps)).toThrow('no display');
    expect(calls.at(-1)).toBe('exit 1');
  });

  it('the text survives errors whose message cannot be read', () => {
    const hostile = Object.create(null) as object;
    expect(startupFailureText(hostile).split('\n')[0]).toBe('unexpected error');
    expect(startupFailureText(new Error('')).split('\n')[0]).toBe('unexpected error');
  });
});

describe('userDataOverride', () => {
  it('is read only when the app is not packaged', () => {
    const env = { ENROLLSCOPE_USER_DATA: '/tmp/profile' };
    expect(userDataOverride(env, false)).toBe('/tmp/profile');
    expect(userDataOverride(env, true)).toBeNull();
    expect(userDataOverride({ ENROLLSCOPE_USER_DATA: '' }, false)).toBeNull();
    expect(userDataOverride({}, false)).toBeNull();
  });
});
