/**
 * Column names -> fields (spec 3 table) and the file kind they imply. Names are compared
 * case-insensitively ignoring spaces, `_` and `-`; among synonyms the earlier one in the spec's list
 * wins; a column `X_loc` is the human-readable twin of `X` (Intune reporting exports).
 */
import { squash } from '../shared/taxonomy';
import type { FileKind } from './records';

/** Enrollment rows (event logs, details, summaries): the spec's table, in its order. */
export const ENROLLMENT_COLUMNS = {
  time: [
    'timestamp',
    'time',
    'eventDateTime',
    'dateTime',
    'date',
    'enrollmentDateTime',
    'abandonmentDateTime',
    'TimeGenerated',
  ],
  user: ['userId', 'upn', 'userPrincipalName', 'user', 'userName'],
  // 'device' is not in the spec's table, but it is the plain name (spec 3's own wording, Intune's event logs): last, so any listed name wins.
  device: ['deviceId', 'intuneDeviceId', 'managedDeviceId', 'deviceName', 'device'],
  platform: ['platform', 'os', 'operatingSystem'],
  event: ['event', 'eventType', 'type'],
  section: ['section', 'enrollmentSection', 'stage'],
  action: ['actionName', 'action', 'step'],
  screen: ['screen', 'screenOrFlow', 'flow'],
  userAction: ['userAction', 'reason', 'abandonmentReason'],
  initiated: ['initiated', 'initiatedEnrollments', 'initiatedCount'],
  incomplete: ['incomplete', 'incompleteEnrollments', 'incompleteCount', 'abandoned'],
} as const satisfies Record<string, readonly string[]>;
export type EnrollmentField = keyof typeof ENROLLMENT_COLUMNS;

/**
 * Failures data (spec 8): DeviceEnrollmentFailures, EnrollmentActivity and Graph's
 * enrollmentTroubleshootingEvent. Shared fields keep the spec's synonyms and their order.
 */
export const FAILURE_COLUMNS = {
  time: ['enrollmentFailureDateTime', ...ENROLLMENT_COLUMNS.time],
  id: ['failureGuid', 'enrollmentActivityId', 'id'],
  user: ENROLLMENT_COLUMNS.user,
  device: [...ENROLLMENT_COLUMNS.device, 'managedDeviceIdentifier'],
  os: ENROLLMENT_COLUMNS.platform,
  osVersion: ['osVersion'],
  method: ['enrollmentMethod', 'enrollmentType'],
  category: ['failureCategory', 'failure'],
  reason: ['failureReason'],
  details: ['failureDetails'],
} as const satisfies Record<string, readonly string[]>;
export type FailureField = keyof typeof FAILURE_COLUMNS;

/**
 * One synonym's columns. `primary` is the column to read: the plain `X`, or `X_loc` when only the
 * twin exists; `twin` is the `X_loc` beside a plain `X` (-1 when none).
 */
export interface Candidate {
  readonly rank: number;
  plain: number;
  loc: number;
  primary: number;
  twin: number;
}

const LOC_SUFFIX = /_loc$/i;

/** `X_loc` -> { key: squash(X), loc: true }; other names -> { key: squash(name), loc: false }. */
export function columnKey(name: string): { key: string; loc: boolean } {
  const clean = name.replace(/^\uFEFF/, '').trim();
  const loc = LOC_SUFFIX.test(clean);
  return { key: squash(loc ? clean.slice(0, -4) : clean), loc };
}

/** Each table's synonyms by squashed name, made once: a folder of small files made a plan per file. */
const synonymTables = new WeakMap<object, ReadonlyMap<string, { field: string; rank: number }>>();

function synonymsOf<F extends string>(
  table: Record<F, readonly string[]>,
): ReadonlyMap<string, { field: F; rank: number }> {
  let byKey = synonymTables.get(table);
  if (!byKey) {
    const map = new Map<string, { field: F; rank: number }>();
    for (const field of Object.keys(table) as F[]) {
      table[field].forEach((name, rank) => {
        const key = squash(name);
        if (!map.has(key)) map.set(key, { field, rank });
      });
    }
    synonymTables.set(table, (byKey = map));
  }
  return byKey as ReadonlyMap<string, { field: F; rank: number }>;
}

/**
 * Which columns feed which field. Built from a header (CSV, envelope Schema: every row has every
 * column, so the best-ranked synonym present wins outright) or grown key by key from JSON objects
 * (rows may differ in their keys, so every synonym is kept, best first, and the row picks the first
 * one it actually has).
 */
export class ColumnPlan<F extends string> {
  readonly fields: Record<F, Candidate[]>;
  private readonly byKey: ReadonlyMap<string, { field: F; rank: number }>;

  constructor(table: Record<F, readonly string[]>) {
    this.fields = Object.create(null) as Record<F, Candidate[]>;
    for (const field of Object.keys(table) as F[]) this.fields[field] = [];
    this.byKey = synonymsOf(table);
  }

  /** Maps column `index` named `name`; returns whether it feeds a field. */
  add(index: number, name: string): boolean {
    const { key, loc } = columnKey(name);
    const hit = this.byKey.get(key);
    if (!hit) return false;
    const list = this.fields[hit.field];
    let cand = list.find((c) => c.rank === hit.rank);
    if (!cand) {
      cand = { rank: hit.rank, plain: -1, loc: -1, primary: -1, twin: -1 };
      list.push(cand);
      list.sort((x, y) => x.rank - y.rank);
    }
    // A repeated column name: the first one wins, as the earlier synonym does.
    if (loc) {
      if (cand.loc === -1) cand.loc = index;
    } else if (cand.plain === -1) {
      cand.plain = index;
    }
    cand.primary = cand.plain >= 0 ? cand.plain : cand.loc;
    cand.twin = cand.plain >= 0 ? cand.loc : -1;
    return true;
  }

  /** Header semantics: only the best-ranked synonym of each field is read. */
  keepWinnersOnly(): this {
    for (const field of Object.keys(this.fields) as F[])
      this.fields[field].length = Math.min(1, this.fields[field].length);
    return this;
  }

  has(field: F): boolean {
    return this.fields[field].length > 0;
  }
}

function keysOf(table: Record<string, readonly string[]>, field: string): Set<string> {
  return new Set((table[field] ?? []).map(squash));
}
const EVENT_KEYS = keysOf(ENROLLMENT_COLUMNS, 'event');
const INITIATED_KEYS = keysOf(ENROLLMENT_COLUMNS, 'initiated');
const USER_ACTION_KEYS = keysOf(ENROLLMENT_COLUMNS, 'userAction');
const FAILURE_TIME_KEYS = keysOf(FAILURE_COLUMNS, 'time');
const FAILURE_WHY_KEYS = new Set([...keysOf(FAILURE_COLUMNS, 'reason'), ...keysOf(FAILURE_COLUMNS, 'category')]);

/**
 * The kind of a file from its column names (spec 3): an event column -> event log; else an
 * initiated column -> summary; else a user action column -> details; else a failure time and a
 * failure reason or category -> failures (spec 8); else undefined (not an enrollment file).
 */
export function detectKind(names: Iterable<string>): FileKind | undefined {
  const keys = new Set<string>();
  for (const name of names) keys.add(columnKey(name).key);
  const any = (set: Set<string>): boolean => [...set].some((k) => keys.has(k));
  if (any(EVENT_KEYS)) return 'event-log';
  if (any(INITIATED_KEYS)) return 'summary';
  if (any(USER_ACTION_KEYS)) return 'details';
  if (any(FAILURE_TIME_KEYS) && any(FAILURE_WHY_KEYS)) return 'failures';
  return undefined;
}

export const NOT_ENROLLMENT_REASON = 'not an enrollment file (no event, initiated or userAction column)';
