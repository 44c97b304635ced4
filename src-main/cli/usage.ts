/**
 * The command line's usage, whole (`enrollscope --help`) and per command (`enrollscope attempts
 * --help`, `enrollscope help attempts`), cut from the one usage text so the two never differ.
 */
import { CHECK_USAGE } from './check-command';
import { VIEW_USAGE } from './view-args';

export const COMMANDS = ['report', 'imports', 'attempts', 'funnel', 'failures', 'check'] as const;
export type CommandName = (typeof COMMANDS)[number];
export const isCommandName = (value: string): value is CommandName => (COMMANDS as readonly string[]).includes(value);

const REPORT_USAGE = `usage: enrollscope report [FILE...] [--db CASE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         [--platform ios|android]... [--section NAME]... [--tz ZONE]
                         [--format json|csv|text] [--out PATH] [--mask-users]
                         [--format pdf --out PATH [--paper a4|letter] [--landscape]
                          [--customer NAME] [--consultant NAME] [--browser PATH]]
                         [--lang en|de|fr|es|ja]  (text, CSV headers and PDF; JSON stays English)
       enrollscope imports [FILE...] --db CASE [--format json|text] [--out PATH] [--mask-users]
                         [--lang en|de|fr|es|ja]  (text; JSON stays English)`;

const ALL = `${REPORT_USAGE}\n${VIEW_USAGE}\n${CHECK_USAGE}`;

/** The whole usage, as `enrollscope --help` prints it. */
export function usage(): string {
  return ALL;
}

/** The lines of one command (every block that starts `enrollscope COMMAND`), led by "usage:". */
export function commandUsage(command: CommandName): string {
  const blocks: string[][] = [];
  let current: string[] | null = null;
  for (const line of ALL.split('\n')) {
    const start = /^(?:usage:)?\s*enrollscope (\S+)/.exec(line);
    if (start) {
      current = start[1] === command ? [] : null;
      if (current) blocks.push(current);
    }
    current?.push(line.replace(/^usage: {0,1}/, '').replace(/^ {7}/, ''));
  }
  const lines = blocks.flat();
  return lines.map((line, index) => (index === 0 ? `usage: ${line}` : `       ${line}`)).join('\n');
}
