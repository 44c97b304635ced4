import { readFileSync, mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../../src-main/cli/args';
import { COMMANDS, commandUsage, usage } from '../../../src-main/cli/usage';
import { packageVersion } from '../../../src-main/cli/version';
import { runCli } from '../../helpers/run-cli';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('COMMAND --help', () => {
  it("is that command's usage, wherever --help or -h stands before a --, whatever else is given", () => {
    expect(parseCliArgs(['attempts', '--help'])).toEqual({ command: 'help', topic: 'attempts' });
    expect(parseCliArgs(['report', '--db', 'x.enrollscope', '--format', 'nonsense', '-h'])).toEqual({
      command: 'help',
      topic: 'report',
    });
    expect(parseCliArgs(['help', 'funnel'])).toEqual({ command: 'help', topic: 'funnel' });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs([])).toEqual({ command: 'help' });
    // After --, "--help" is a file name.
    expect(parseCliArgs(['imports', '--db', 'c.enrollscope', '--', '--help'])).toMatchObject({
      command: 'imports',
      files: ['--help'],
    });
    expect(() => parseCliArgs(['help', 'nope'])).toThrow(UsageError);
  });

  it('each command has its own usage lines, all of them from the whole usage', () => {
    for (const command of COMMANDS) {
      const text = commandUsage(command);
      expect(text.startsWith(`usage: enrollscope ${command} `), command).toBe(true);
      for (const other of COMMANDS.filter((c) => c !== command))
        expect(text, command).not.toContain(`enrollscope ${other} `);
      for (const line of text.split('\n').slice(1)) expect(usage(), command).toContain(line.trim());
    }
    expect(commandUsage('report')).toContain('--compare previous');
    expect(commandUsage('attempts')).toContain('--user-action NAME');
  });
});

describe('--version', () => {
  it("is package.json's version, found above the running module", () => {
    expect(packageVersion()).toBe(manifest.version);
    const dir = mkdtempSync(join(tmpdir(), 'enrollscope-version-'));
    try {
      mkdirSync(join(dir, 'out', 'main'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'enrollscope', version: '9.8.7' }));
      // A package.json of something else on the way up is not ours.
      writeFileSync(join(dir, 'out', 'package.json'), JSON.stringify({ name: 'other', version: '1.0.0' }));
      expect(packageVersion(join(dir, 'out', 'main', 'cli.js'))).toBe('9.8.7');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the built command prints it, and attempts --help prints usage with exit 0', () => {
    expect(runCli(['--version'])).toEqual({ code: 0, stdout: `enrollscope ${manifest.version}\n`, stderr: '' });
    const help = runCli(['attempts', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe(`${commandUsage('attempts')}\n`);
    expect(help.stderr).toBe('');
  });
});
