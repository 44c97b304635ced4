/**
 * The drill-down: the attempts behind a section table row, a chart point or a
 * tile, exactly those the report counted there.
 *
 * The filter is resolved by the report's own resolveFilter (same defaults, zone, range) and the
 * range is the report's days as one span of instants (query.ts). A table row is matched the way
 * section-tables.ts counts rows: each combo goes to its catalog row (row-match.ts: screens
 * compared on letters and digits) when the platform filter shows that row, else to the observed
 * row of its action name, trimmed screen and user action; the combos table is small, so that
 * matching runs in JS and the attempts are then selected by combo id. Each attempt keeps its own
 * screen text in the list.
 *
 * Complete and in-progress attempts have no combo (they are counted in no table row); for them the
 * row shows where the attempt stood: the last event of the attempt that names an action name, read
 * from `events` by primary key for the page's rows only.
 */
import type Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { OUTCOME, SOURCE } from '../attempts/codes';
import { isDate } from '../shared/calendar-day';
import { dayOf } from '../report/day-buckets';
import { ReportInputError } from '../report/errors';
import type { ResolvedFilter } from '../report/resolve-filter';
import { catalogRowOf } from '../report/row-match';
import {
  ATTEMPT_OUTCOMES,
  ATTEMPT_SORT_KEYS,
  UNCLASSIFIED,
  type AttemptOutcome,
  type AttemptOutcomeFilter,
  type AttemptPage,
  type AttemptQuery,
  type AttemptRow,
  type AttemptSection,
  type AttemptSort,
} from '../shared/drilldown-types';
import { pseudonym, type MaskKey } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import {
  CATALOG,
  PLATFORMS,
  SECTIONS,
  UNKNOWN_ACTION,
  actionOfCode,
  parseActionName,
  parsePlatform,
  parseSection,
  parseUserAction,
  platformOfCode,
  namesEverySection,
  squash,
  type Platform,
  type Section,
  type UserAction,
} from '../shared/taxonomy';
import { IMPORT_SPAN, inReadTransaction, platformCodes, resolveSpan, spanOf, type Span } from '../report/span';

export const DEFAULT_LIMIT = 100;

/** A query checked, with the report filter resolved and every lenient value made canonical. */
export interface ResolvedAttemptQuery extends Span {
  readonly filter: ResolvedFilter;
  /** The day asked for (a chart point), else null. */
  readonly date: string | null;
  /** Platforms listed: the filter's, narrowed by `platform`. */
  readonly platforms: readonly Platform[];
  readonly actionName: string | null;
  readonly screen: string | null;
  readonly userAction: UserAction | null;
  readonly section: AttemptSection | null;
  readonly outcome: AttemptOutcomeFilter;
  readonly search: string;
  readonly mask: boolean;
  readonly limit: number;
  readonly offset: number;
  readonly sort: Required<AttemptSort>;
}

const OUTCOME_OF_CODE: readonly AttemptOutcome[] = ['in progress', 'complete', 'incomplete'];
const CODE_OF_OUTCOME: Readonly<Record<AttemptOutcome, number>> = {
  'in progress': OUTCOME.inProgress,
  complete: OUTCOME.complete,
  incomplete: OUTCOME.incomplete,
};

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new ReportInputError(`${name} must be text`);
  return value;
}

function count(value: unknown, name: string, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !(Number.isInteger(value) || value === Infinity) || value < 0) {
    throw new ReportInputError(`${name} must be a whole number of at least 0, not ${String(value)}`);
  }
  return value;
}

function canonicalAction(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === UNKNOWN_ACTION) return UNKNOWN_ACTION;
  const name = parseActionName(value);
  if (name === undefined) throw new ReportInputError(`unknown action name "${value}"`);
  return name;
}

function canonicalUserAction(value: string | undefined): UserAction | null {
  if (value === undefined) return null;
  const action = parseUserAction(value);
  if (action === undefined) {
    throw new ReportInputError(
      `unknown user action "${value}" (expected Cancel, Postpone, Ignore, Decline All, Exceeded 30 minutes or Closed app)`,
    );
  }
  return action;
}

function canonicalSection(value: string | undefined): AttemptSection | null {
  if (value === undefined) return null;
  if (squash(value) === squash(UNCLASSIFIED)) return UNCLASSIFIED;
  const section = parseSection(value);
  if (section === undefined) {
    throw new ReportInputError(`unknown section "${value}" (expected one of: ${SECTIONS.join(', ')}, ${UNCLASSIFIED})`);
  }
  return section;
}

function canonicalOutcome(value: string | undefined): AttemptOutcomeFilter {
  if (value === undefined) return 'incomplete';
  const outcome = ATTEMPT_OUTCOMES.find((o) => squash(o) === squash(value));
  if (outcome === undefined)
    throw new ReportInputError(`unknown outcome "${value}" (expected ${ATTEMPT_OUTCOMES.join(', ')})`);
  return outcome;
}

function canonicalSort(sort: AttemptSort | undefined): Required<AttemptSort> {
  if (sort === undefined || sort === null) return { key: 'started', direction: 'asc' };
  if (typeof sort !== 'object' || !ATTEMPT_SORT_KEYS.includes(sort.key)) {
    throw new ReportInputError(
      `unknown sort key "${String((sort as AttemptSort | null)?.key)}" (expected ${ATTEMPT_SORT_KEYS.join(', ')})`,
    );
  }
  const direction = sort.direction ?? 'asc';
  if (direction !== 'asc' && direction !== 'desc') throw new ReportInputError(`sort direction must be asc or desc`);
  return { key: sort.key, direction };
}

/** Checks a query and resolves its filter exactly as the report does. Throws ReportInputError. */
export function resolveAttemptQuery(db: Database.Database, query: AttemptQuery): ResolvedAttemptQuery {
  const filter = resolveSpan(db, query);
  const date = text(query.date, 'date') ?? null;
  let span: Span = filter;
  if (date !== null) {
    if (!isDate(date)) throw new ReportInputError(`invalid date "${date}" (expected YYYY-MM-DD)`);
    const outside = (query.from !== undefined && date < filter.from) || (query.to !== undefined && date > filter.to);
    if (outside) throw new ReportInputError(`the date ${date} is outside ${filter.from} to ${filter.to}`);
    span = spanOf(date, date, filter.tz);
  }
  const platformText = text(query.platform, 'platform');
  let platforms = filter.platforms;
  if (platformText !== undefined) {
    const platform = parsePlatform(platformText);
    if (platform === undefined)
      throw new ReportInputError(`unknown platform "${platformText}" (expected one of: ${PLATFORMS.join(', ')})`);
    platforms = platforms.filter((p) => p === platform);
  }
  const search = text(query.search, 'search') ?? '';
  return {
    filter,
    lo: span.lo,
    hi: span.hi,
    date,
    platforms,
    actionName: canonicalAction(text(query.actionName, 'actionName')),
    screen: text(query.screen, 'screen') ?? null,
    userAction: canonicalUserAction(text(query.userAction, 'userAction')),
    section: canonicalSection(text(query.section, 'section')),
    outcome: canonicalOutcome(text(query.outcome, 'outcome')),
    search: search.trim().toLowerCase(),
    mask: query.mask === true,
    limit: count(query.limit, 'limit', DEFAULT_LIMIT),
    offset: count(query.offset, 'offset', 0),
    sort: canonicalSort(query.sort),
  };
}

/** The section-table row a combo counts on under the platform filter (section-tables.ts). */
function tableRowKey(actionName: string, screen: string, userAction: string, platforms: readonly Platform[]): string {
  const row = catalogRowOf(actionName, screen, userAction);
  if (row !== undefined && (row.platform === 'iOS/Android' || platforms.includes(row.platform))) {
    return `catalog\u0000${CATALOG.indexOf(row)}`;
  }
  return `observed\u0000${actionName}\u0000${screen.trim()}\u0000${userAction}`;
}

type ComboTuple = [id: number, action: string, screen: string, userAction: string, section: string | null];

/**
 * The combo ids an incomplete attempt must have, or null when any will do. A row, a section or
 * the report's section filter narrow them; unclassified combos count only without a section filter.
 */
function eligibleCombos(db: Database.Database, q: ResolvedAttemptQuery): number[] | null {
  const allSections = namesEverySection(q.filter.sections);
  const rowAsked = q.actionName !== null || q.screen !== null || q.userAction !== null || q.section !== null;
  // 'all' lists every attempt of the range, as Initiated counts them whatever the section filter.
  const sectionFiltered = !allSections && q.outcome !== 'all';
  if (!rowAsked && !sectionFiltered) return null;
  const combos = db.prepare('SELECT id, action, screen, user_action, section FROM combos').raw().all() as ComboTuple[];
  const ids: number[] = [];
  for (const [id, action, comboScreen, userAction, sectionText] of combos) {
    const section = SECTIONS.find((s) => s === sectionText) ?? null;
    if (section === null ? !allSections : !q.filter.sections.includes(section)) continue;
    if (q.section !== null && (q.section === UNCLASSIFIED ? section !== null : section !== q.section)) continue;
    if (q.actionName !== null && action !== q.actionName) continue;
    if (q.userAction !== null && userAction !== q.userAction) continue;
    if (
      q.screen !== null &&
      tableRowKey(action, comboScreen, userAction, q.filter.platforms) !==
        tableRowKey(q.actionName ?? action, q.screen, q.userAction ?? userAction, q.filter.platforms)
    ) {
      continue;
    }
    ids.push(id);
  }
  return ids;
}

/** Ids of the users, devices and imports whose shown text holds the search text. */
function searchIds(
  db: Database.Database,
  needle: string,
  mask: boolean,
): { users: number[]; devices: number[]; imports: number[] } {
  const key = mask ? maskKeyOf(db) : '';
  const shown = (name: string): string => (mask && name !== '' ? pseudonym(name, key) : name).toLowerCase();
  const matching = (sql: string): number[] => {
    const ids: number[] = [];
    for (const row of db.prepare(sql).raw().iterate()) {
      const [id, name] = row as [number, string];
      if (name !== '' && shown(name).includes(needle)) ids.push(id);
    }
    return ids;
  };
  const imports: number[] = [];
  for (const row of db.prepare('SELECT id, file_name FROM imports').raw().iterate()) {
    const [id, file] = row as [number, string];
    if (file.toLowerCase().includes(needle)) imports.push(id);
  }
  return { users: matching('SELECT id, name FROM users'), devices: matching('SELECT id, name FROM devices'), imports };
}

interface Where {
  readonly sql: string;
  readonly params: Record<string, string | number>;
  /** False when nothing can match (no platform, no outcome, no combo). */
  readonly possible: boolean;
}

function whereOf(db: Database.Database, q: ResolvedAttemptQuery): Where {
  const params: Record<string, string | number> = {
    lo: q.lo,
    hi: q.hi,
    platforms: JSON.stringify(platformCodes(q.platforms)),
  };
  const parts = ['a.start_ms >= @lo', 'a.start_ms < @hi', 'a.platform IN (SELECT value FROM json_each(@platforms))'];

  const rowAsked = q.actionName !== null || q.screen !== null || q.userAction !== null || q.section !== null;
  const wanted: AttemptOutcome[] = q.outcome === 'all' ? [...OUTCOME_OF_CODE] : [q.outcome];
  // Rows, sections and Unclassified are incomplete attempts' (the others have no combo).
  const others = rowAsked ? [] : wanted.filter((o) => o !== 'incomplete').map((o) => CODE_OF_OUTCOME[o]);
  const outcomeParts: string[] = [];
  if (others.length > 0) outcomeParts.push(`a.outcome IN (${others.join(', ')})`);
  if (wanted.includes('incomplete')) {
    const combos = eligibleCombos(db, q);
    if (combos === null) outcomeParts.push(`a.outcome = ${OUTCOME.incomplete}`);
    else if (combos.length > 0) {
      params.combos = JSON.stringify(combos);
      outcomeParts.push(`(a.outcome = ${OUTCOME.incomplete} AND a.combo_id IN (SELECT value FROM json_each(@combos)))`);
    }
  }
  if (outcomeParts.length === 0 || q.platforms.length === 0) return { sql: '', params, possible: false };
  parts.push(`(${outcomeParts.join(' OR ')})`);

  if (q.search !== '') {
    const ids = searchIds(db, q.search, q.mask);
    if (ids.users.length + ids.devices.length + ids.imports.length === 0) return { sql: '', params, possible: false };
    params.users = JSON.stringify(ids.users);
    params.devices = JSON.stringify(ids.devices);
    params.imports = JSON.stringify(ids.imports);
    parts.push(`(a.user_id IN (SELECT value FROM json_each(@users))
      OR a.device_id IN (SELECT value FROM json_each(@devices))
      OR a.first_seq / ${IMPORT_SPAN} IN (SELECT value FROM json_each(@imports)))`);
  }
  return { sql: parts.join(' AND '), params, possible: true };
}

const PSEUDONYM_FUNCTION = 'enrollscope_pseudonym';
const withPseudonym = new WeakSet<Database.Database>();

/** Registers the pseudonym as an SQL function on this connection (sorting masked names). */
function registerPseudonym(db: Database.Database): void {
  if (withPseudonym.has(db)) return;
  const key = maskKeyOf(db);
  db.function(PSEUDONYM_FUNCTION, { deterministic: true }, (name: unknown) =>
    typeof name === 'string' && name !== '' ? pseudonym(name, key) : '',
  );
  withPseudonym.add(db);
}

function orderBy(db: Database.Database, q: ResolvedAttemptQuery): string {
  const shown = (column: string): string => {
    if (!q.mask) return `${column} COLLATE NOCASE`;
    registerPseudonym(db);
    return `${PSEUDONYM_FUNCTION}(${column})`;
  };
  const sectionOrder = `CASE c.section ${SECTIONS.map((s, i) => `WHEN '${s.replace(/'/g, "''")}' THEN ${i}`).join(' ')} ELSE ${SECTIONS.length} END`;
  const expression: Record<AttemptSort['key'], string> = {
    started: 'a.start_ms',
    ended: 'a.end_ms',
    duration: '(a.end_ms - a.start_ms)',
    user: shown('u.name'),
    device: shown('d.name'),
    platform: 'a.platform',
    outcome: 'a.outcome',
    actionName: 'c.action',
    userAction: 'c.user_action',
    section: sectionOrder,
    sourceFile: 'i.file_name COLLATE NOCASE',
  };
  const direction = q.sort.direction === 'desc' ? 'DESC' : 'ASC';
  return `${expression[q.sort.key]} ${direction}, a.start_ms, a.first_seq, a.id`;
}

type RowTuple = [
  userId: number,
  platform: number,
  startMs: number,
  endMs: number,
  outcome: number,
  source: number,
  firstSeq: number,
  user: string,
  device: string | null,
  action: string | null,
  screen: string | null,
  userAction: string | null,
  section: string | null,
  file: string | null,
];

/** Where a complete or in-progress event-log attempt stood: its last event naming an action name. */
class Positions {
  private readonly next: Database.Statement;
  private readonly last: Database.Statement;
  private readonly screen: Database.Statement;

  constructor(db: Database.Database) {
    this.next = db
      .prepare(
        `SELECT start_ms, first_seq FROM attempts
         WHERE user_id = @user AND platform = @platform AND source = ${SOURCE.events}
           AND (start_ms > @start OR (start_ms = @start AND first_seq > @seq))
         ORDER BY start_ms, first_seq LIMIT 1`,
      )
      .raw();
    // The attempt's events: (time, seq) from its first event up to, not including, the next
    // attempt's first event, and no later than its end.
    this.last = db
      .prepare(
        `SELECT action, screen_id, time_ms, seq FROM events
         WHERE user_id = @user AND platform = @platform AND time_ms >= @start AND time_ms <= @end AND action != 0
           AND (time_ms > @start OR seq >= @seq) AND (time_ms < @nextStart OR seq < @nextSeq)
         ORDER BY time_ms DESC, seq DESC LIMIT 1`,
      )
      .raw();
    this.screen = db.prepare('SELECT text FROM screens WHERE id = ?').pluck();
  }

  of(r: RowTuple): { actionName: string; screen: string } {
    const key = { user: r[0], platform: r[1], start: r[2], seq: r[6], end: r[3] };
    const unbounded = { nextStart: Number.MAX_SAFE_INTEGER, nextSeq: Number.MAX_SAFE_INTEGER };
    let found = this.last.get({ ...key, ...unbounded }) as [number, number, number, number] | undefined;
    // Only an event at the very instant the attempt ended can belong to the next attempt (one
    // that starts at that instant, later in file order): then look the next attempt up.
    if (found !== undefined && found[2] === r[3]) {
      const next = this.next.get(key) as [number, number] | undefined;
      if (next !== undefined) found = this.last.get({ ...key, nextStart: next[0], nextSeq: next[1] }) as typeof found;
    }
    if (found === undefined) return { actionName: '', screen: '' };
    const screen = found[1] === 0 ? '' : ((this.screen.get(found[1]) as string | undefined) ?? '');
    return { actionName: actionOfCode(found[0]) ?? '', screen };
  }
}

function toRow(r: RowTuple, q: ResolvedAttemptQuery, positions: Positions, key: MaskKey): AttemptRow {
  const [
    ,
    platform,
    startMs,
    endMs,
    outcomeCode,
    source,
    firstSeq,
    user,
    device,
    action,
    screen,
    userAction,
    section,
    file,
  ] = r;
  const outcome = OUTCOME_OF_CODE[outcomeCode] ?? 'in progress';
  const incomplete = outcome === 'incomplete';
  const position = incomplete || source !== SOURCE.events ? null : positions.of(r);
  const tz = q.filter.tz;
  const deviceName = device ?? '';
  return {
    user: q.mask ? pseudonym(user, key) : user,
    device: q.mask && deviceName !== '' ? pseudonym(deviceName, key) : deviceName,
    platform: platformOfCode(platform),
    started: new Date(startMs).toISOString(),
    startedLocal: DateTime.fromMillis(startMs, { zone: tz }).toISO() ?? new Date(startMs).toISOString(),
    day: dayOf(startMs, tz),
    ended: new Date(endMs).toISOString(),
    durationMs: endMs - startMs,
    outcome,
    actionName: incomplete ? (action ?? UNKNOWN_ACTION) : (position?.actionName ?? ''),
    screen: incomplete ? (screen ?? '') : (position?.screen ?? ''),
    userAction: incomplete ? ((userAction as UserAction | null) ?? null) : null,
    section: incomplete ? (SECTIONS.find((s): s is Section => s === section) ?? null) : null,
    source: source === SOURCE.details ? 'details' : 'event log',
    sourceFile: file ?? '',
    sourceLine: firstSeq % IMPORT_SPAN,
  };
}

/** The attempts of a query: how many there are, and one page of them. */
export function listAttempts(db: Database.Database, query: AttemptQuery = {}): AttemptPage {
  return inReadTransaction(db, () => {
    const q = resolveAttemptQuery(db, query);
    return pageOf(db, q);
  });
}

/** listAttempts for an already resolved query (the command line reports its range too). */
export function pageOf(db: Database.Database, q: ResolvedAttemptQuery): AttemptPage {
  const where = whereOf(db, q);
  if (!where.possible) return { total: 0, rows: [] };
  const total = db.prepare(`SELECT count(*) FROM attempts AS a WHERE ${where.sql}`).pluck().get(where.params) as number;
  if (total === 0 || q.limit === 0 || q.offset >= total) return { total, rows: [] };
  const tuples = db
    .prepare(
      `SELECT a.user_id, a.platform, a.start_ms, a.end_ms, a.outcome, a.source, a.first_seq,
              u.name, d.name, c.action, c.screen, c.user_action, c.section, i.file_name
       FROM attempts AS a
       JOIN users AS u ON u.id = a.user_id
       LEFT JOIN devices AS d ON d.id = a.device_id
       LEFT JOIN combos AS c ON c.id = a.combo_id AND a.outcome = ${OUTCOME.incomplete}
       LEFT JOIN imports AS i ON i.id = a.first_seq / ${IMPORT_SPAN}
       WHERE ${where.sql}
       ORDER BY ${orderBy(db, q)}
       LIMIT @limit OFFSET @offset`,
    )
    .raw()
    .all({ ...where.params, limit: Number.isFinite(q.limit) ? q.limit : -1, offset: q.offset }) as RowTuple[];
  const positions = new Positions(db);
  const key = q.mask ? maskKeyOf(db) : '';
  return { total, rows: tuples.map((t) => toRow(t, q, positions, key)) };
}
