/**
 * A small, independent reading of spec sections 3 and 4 over SyntheticEvent rows, written from
 * the spec for the generator's tests: row validation (which rows an importer must skip) and the
 * events → attempts walk. Not the product's implementation (src-main/attempts).
 */
import {
  SECTION_OF_ACTION,
  UNKNOWN_ACTION,
  USER_ACTION_OF_EVENT,
  catalogScreen,
  parseActionName,
  parseEventType,
  parsePlatform,
  type ActionName,
  type EventType,
  type Platform,
  type Section,
  type UserAction,
} from '../../../src-main/shared/taxonomy';
import type { SyntheticEvent } from '../../../src-main/tools/synthetic-log';

export interface ValidRow {
  line: number;
  timeMs: number;
  user: string;
  platform: Platform;
  event: EventType;
  action: ActionName | undefined;
  screen: string;
}

export type BadReason = 'time' | 'user' | 'platform' | 'event' | 'action' | 'step without action';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})?$/;

export function parseTime(text: string): number | undefined {
  if (/^-?\d+$/.test(text)) return Number(text);
  const match = ISO.exec(text);
  if (match === null) return undefined;
  const ms = Date.parse(match[2] === undefined ? `${text}Z` : text);
  return Number.isFinite(ms) ? ms : undefined;
}

export function validate(row: SyntheticEvent, line: number): ValidRow | BadReason {
  const timeMs = parseTime(row.timestamp);
  if (timeMs === undefined) return 'time';
  if (row.userId.trim() === '') return 'user';
  const platform = parsePlatform(row.platform);
  if (platform === undefined) return 'platform';
  const event = parseEventType(row.event);
  if (event === undefined) return 'event';
  let action: ActionName | undefined;
  if (row.actionName.trim() !== '') {
    action = parseActionName(row.actionName);
    if (action === undefined) return 'action';
  } else if (event === 'step') return 'step without action';
  return { line, timeMs, user: row.userId, platform, event, action, screen: row.screen };
}

export interface RefAttempt {
  user: string;
  platform: Platform;
  startMs: number;
  lastMs: number;
  outcome: 'complete' | 'incomplete' | 'in progress';
  actionName: ActionName | typeof UNKNOWN_ACTION | null;
  section: Section | null;
  userAction: UserAction | null;
  screen: string;
}

const GAP = 30 * 60_000;

export function sessionize(rows: readonly ValidRow[]): RefAttempt[] {
  const groups = new Map<string, ValidRow[]>();
  let latest = -Infinity;
  for (const row of rows) {
    const key = `${row.user}\u0000${row.platform}`;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = []));
    group.push(row);
    if (row.timeMs > latest) latest = row.timeMs;
  }
  const out: RefAttempt[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) => a.timeMs - b.timeMs || a.line - b.line);
    let open: { startMs: number; lastMs: number; action: ActionName | undefined; screen: string } | undefined;
    const end = (
      outcome: RefAttempt['outcome'],
      userAction: UserAction | null,
      action?: ActionName,
      screen = '',
    ): void => {
      if (open === undefined) return;
      const row = group[0]!;
      const incomplete = outcome === 'incomplete';
      out.push({
        user: row.user,
        platform: row.platform,
        startMs: open.startMs,
        lastMs: open.lastMs,
        outcome,
        actionName: incomplete ? (action ?? UNKNOWN_ACTION) : null,
        section: incomplete && action !== undefined ? SECTION_OF_ACTION[action] : null,
        userAction: incomplete ? userAction : null,
        screen: incomplete && action !== undefined ? screen || catalogScreen(action, userAction!) : '',
      });
      open = undefined;
    };
    for (const ev of group) {
      if (open !== undefined && ev.timeMs - open.lastMs > GAP)
        end('incomplete', 'Exceeded 30 minutes', open.action, open.screen);
      if (open !== undefined && ev.event === 'start') end('incomplete', 'Closed app', open.action, open.screen);
      if (open === undefined) open = { startMs: ev.timeMs, lastMs: ev.timeMs, action: undefined, screen: '' };
      open.lastMs = ev.timeMs;
      const ending = USER_ACTION_OF_EVENT[ev.event];
      if (ev.event === 'step') {
        open.action = ev.action;
        open.screen = ev.screen;
      } else if (ending !== undefined) {
        end('incomplete', ending, ev.action ?? open.action, ev.screen);
      } else if (ev.event === 'complete') {
        end('complete', null);
      }
    }
    if (open !== undefined) {
      const o = open as { lastMs: number; action: ActionName | undefined; screen: string };
      if (latest - o.lastMs > GAP) end('incomplete', 'Exceeded 30 minutes', o.action, o.screen);
      else end('in progress', null);
    }
  }
  return out;
}
