/**
 * Arguments of the drill-down, funnel and failures commands (`attempts`, `funnel`, `failures`) and of `report --compare`.
 * The report's own options keep their meaning (args.ts); every problem is a one-line UsageError.
 */
import { parseArgs } from 'node:util';
import type { CompareAgainst } from '../shared/compare-types';
import type { Language } from '../shared/i18n/languages';
import {
  ATTEMPT_OUTCOMES,
  ATTEMPT_SORT_KEYS,
  UNCLASSIFIED,
  type AttemptOutcomeFilter,
  type AttemptSection,
  type AttemptSortKey,
} from '../shared/drilldown-types';
import {
  UNKNOWN_ACTION,
  parseActionName,
  parseUserAction,
  squash,
  type Platform,
  type Section,
  type UserAction,
} from '../shared/taxonomy';
import {
  COMMON_OPTIONS,
  FILTER_OPTIONS,
  UsageError,
  checkDay,
  checkZone,
  formatOf,
  languageOf,
  platformOf,
  sectionOf as reportSectionOf,
} from './arg-values';

interface CommonArgs {
  readonly files: string[];
  readonly db?: string;
  readonly from?: string;
  readonly to?: string;
  readonly tz: string;
  readonly out?: string;
}

export interface AttemptsArgs extends CommonArgs {
  readonly command: 'attempts';
  readonly platforms?: Platform[];
  readonly sections?: Section[];
  /** `--section Unclassified`. */
  readonly section?: AttemptSection;
  readonly actionName?: string;
  readonly screen?: string;
  readonly userAction?: UserAction;
  readonly date?: string;
  readonly outcome: AttemptOutcomeFilter;
  readonly search?: string;
  readonly mask: boolean;
  readonly limit?: number;
  readonly offset: number;
  readonly sort?: { readonly key: AttemptSortKey; readonly direction: 'asc' | 'desc' };
  readonly format: 'json' | 'csv';
}

export interface FunnelArgs extends CommonArgs {
  readonly command: 'funnel';
  readonly platforms?: Platform[];
  /** Which steps to print; the funnel itself always walks the whole flow (spec 7). */
  readonly sections?: Section[];
  readonly format: 'json' | 'text';
  /** `--lang`: the language of `--format text` (English by default); the JSON is English always. */
  readonly language: Language;
}

export interface FailuresArgs extends CommonArgs {
  readonly command: 'failures';
  readonly format: 'json' | 'text';
  /** `--lang`: the language of `--format text`'s headings (English by default); the JSON is English always. */
  readonly language: Language;
}

export type ViewArgs = AttemptsArgs | FunnelArgs | FailuresArgs;
export const VIEW_COMMANDS = ['attempts', 'funnel', 'failures'] as const;
export type ViewCommand = (typeof VIEW_COMMANDS)[number];
export const isViewCommand = (command: string): command is ViewCommand =>
  (VIEW_COMMANDS as readonly string[]).includes(command);

export const VIEW_USAGE = `       enrollscope attempts [FILE...] [--db CASE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         [--platform ios|android]... [--section NAME|Unclassified]... [--tz ZONE]
                         [--action NAME] [--screen TEXT] [--user-action NAME] [--date YYYY-MM-DD]
                         [--outcome incomplete|complete|in-progress|all] [--search TEXT] [--mask]
                         [--sort KEY] [--desc] [--limit N] [--offset N] [--format json|csv] [--out PATH]
       enrollscope funnel [FILE...] [--db CASE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                         [--platform ios|android]... [--tz ZONE] [--format json|text] [--out PATH]
                         [--lang en|de|fr|es|ja]  (text; JSON stays English)
       enrollscope failures [FILE...] [--db CASE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--tz ZONE]
                         [--format json|text] [--out PATH] [--lang en|de|fr|es|ja]  (text; JSON stays English)
       enrollscope report ... --compare previous|YYYY-MM-DD..YYYY-MM-DD   (with --format json or text)`;

/** `--compare previous` or `--compare 2025-05-01..2025-05-14`. */
export function parseCompare(value: string | undefined): CompareAgainst | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'previous') return 'previous';
  const match = /^(\S+?)\.\.(\S+)$/.exec(value.trim());
  if (match === null) throw new UsageError(`--compare ${value}: expected previous or YYYY-MM-DD..YYYY-MM-DD`);
  const from = checkDay('compare', match[1])!;
  const to = checkDay('compare', match[2])!;
  if (from > to) throw new UsageError(`--compare ${value}: the period starts after it ends`);
  return { from, to };
}

const OPTIONS = {
  attempts: {
    ...FILTER_OPTIONS,
    action: { type: 'string' },
    screen: { type: 'string' },
    'user-action': { type: 'string' },
    date: { type: 'string' },
    outcome: { type: 'string' },
    search: { type: 'string' },
    mask: { type: 'boolean' },
    'mask-users': { type: 'boolean' },
    sort: { type: 'string' },
    desc: { type: 'boolean' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  funnel: { ...FILTER_OPTIONS, lang: { type: 'string' } },
  failures: { ...COMMON_OPTIONS, lang: { type: 'string' } },
} as const;

const sectionOf = (value: string): Section => reportSectionOf(value, ', "Unclassified"');

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim())) throw new UsageError(`--${flag} ${value}: expected a whole number`);
  return Number(value.trim());
}

export function parseViewArgs(command: ViewCommand, rest: readonly string[]): ViewArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: OPTIONS[command] });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  const str = (name: string): string | undefined => values[name] as string | undefined;
  const list = (name: string): string[] | undefined => values[name] as string[] | undefined;
  const { positionals } = parsed;
  if (positionals.length === 0 && values.db === undefined) throw new UsageError('give FILE(s) to import, or --db CASE');
  const from = checkDay('from', str('from'));
  const to = checkDay('to', str('to'));
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const tz = checkZone(str('tz'));
  const common: CommonArgs = { files: positionals, db: str('db'), from, to, tz, out: str('out') };

  if (command === 'failures') {
    return { ...common, command, format: formatOf(str('format'), ['json', 'text']), language: languageOf(str('lang')) };
  }
  if (command === 'funnel') {
    return {
      ...common,
      command,
      platforms: list('platform')?.map(platformOf),
      sections: list('section')?.map(sectionOf),
      format: formatOf(str('format'), ['json', 'text']),
      language: languageOf(str('lang')),
    };
  }

  // attempts
  const sectionTexts = list('section');
  const unclassified = sectionTexts?.some((s) => squash(s) === squash(UNCLASSIFIED)) ?? false;
  if (unclassified && sectionTexts!.length > 1) {
    throw new UsageError(
      '--section Unclassified: give it alone (unclassified attempts count only without a section filter)',
    );
  }
  const actionText = str('action');
  let actionName: string | undefined;
  if (actionText !== undefined) {
    actionName = actionText.trim() === UNKNOWN_ACTION ? UNKNOWN_ACTION : parseActionName(actionText);
    if (actionName === undefined)
      throw new UsageError(`--action ${actionText}: not an action name of the taxonomy (or ${UNKNOWN_ACTION})`);
  }
  const userActionText = str('user-action');
  let userAction: UserAction | undefined;
  if (userActionText !== undefined) {
    userAction = parseUserAction(userActionText);
    if (userAction === undefined) {
      throw new UsageError(
        `--user-action ${userActionText}: expected Cancel, Postpone, Ignore, Decline All, Exceeded 30 minutes or Closed app`,
      );
    }
  }
  const outcomeText = str('outcome');
  const outcome =
    outcomeText === undefined ? 'incomplete' : ATTEMPT_OUTCOMES.find((o) => squash(o) === squash(outcomeText));
  if (outcome === undefined)
    throw new UsageError(`--outcome ${outcomeText}: expected incomplete, complete, in-progress or all`);
  const date = checkDay('date', str('date'));
  if (date !== undefined && ((from !== undefined && date < from) || (to !== undefined && date > to))) {
    throw new UsageError(`--date ${date} is outside --from/--to`);
  }
  const sortText = str('sort');
  if (sortText !== undefined && !(ATTEMPT_SORT_KEYS as readonly string[]).includes(sortText)) {
    throw new UsageError(`--sort ${sortText}: expected one of ${ATTEMPT_SORT_KEYS.join(', ')}`);
  }
  if (values.desc === true && sortText === undefined) throw new UsageError('--desc needs --sort KEY');
  return {
    ...common,
    command,
    platforms: list('platform')?.map(platformOf),
    sections: unclassified ? undefined : sectionTexts?.map(sectionOf),
    section: unclassified ? UNCLASSIFIED : undefined,
    actionName,
    screen: str('screen'),
    userAction,
    date,
    outcome,
    search: str('search'),
    mask: values.mask === true || values['mask-users'] === true,
    limit: wholeNumber('limit', str('limit')),
    offset: wholeNumber('offset', str('offset')) ?? 0,
    sort:
      sortText === undefined
        ? undefined
        : { key: sortText as AttemptSortKey, direction: values.desc === true ? 'desc' : 'asc' },
    format: formatOf(str('format'), ['json', 'csv']),
  };
}
