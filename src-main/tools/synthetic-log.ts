/**
 * Deterministic generator of realistic enrollment event logs (spec sections 2 to 4), for the
 * bundled sample case, the benchmark and tests. Same options (seed included) → byte-identical
 * output; no clock, no Math.random.
 *
 * The model:
 * - Users `userNNNN@contoso.example`, each with one device (75%) or two; per device a platform
 *   (55% iOS/iPadOS, 45% Android; 40% of Android devices are Samsung and show KnoxActivation),
 *   a platform spelling (`iOS`, `iPadOS`, `iPhone`, `AndroidForWork`, ...) and a GUID. Per user,
 *   what the admin configured: Device Category (40%), Terms of use (70%), Activation (45%).
 * - An attempt walks the flow in section order: start → Setup Checklist (PreEnrollmentWizard,
 *   DeviceCategory, EnrollmentWrapUp) → Platform Screens (iOSProfileLaunch; AndroidPermissions,
 *   KnoxActivation) → TermsofUse → Compliance, Activation → complete. In every stage it may stop
 *   (hazard per stage): with the user action the catalog names there (Ignore at the configuration
 *   profile prompt, Decline All at the terms, Postpone at compliance, ...), by going silent (the
 *   log shows nothing from the user for more than 30 minutes, or never again), by closing the app
 *   (`appClosed`) or by starting over within 30 minutes (a restart). A few attempts stop before
 *   any action name (→ `(unknown)`), a few lack their `start` row, a few are a lone `complete`.
 * - Events of an attempt are seconds to minutes apart (never 30 minutes); compliance waits longer.
 *   Attempts start on a weekday/daytime curve (UTC) over the days; a third of the incomplete ones
 *   are retried later that day or the next day. The log ends when the export was taken, between
 *   15:00 and 17:00 UTC on `endDay` (fixed by the seed): attempts running then are cut and stay
 *   open ("in progress" or, later, "Exceeded 30 minutes"), as in a real export.
 * - `events` counts good rows: fresh attempts start until their rows reach it, each attempt is
 *   written whole (so the count ends a few rows past it). Start times follow the share of rows
 *   planned so far through the daily curve, so any target fills the whole span of days.
 * - Rows are written in global time order, users interleaved. Optional bad rows (unknown platform,
 *   no user, unknown event, bad time, unknown action name, step without action name) follow a
 *   good row; they never change the good rows (separate random streams).
 *
 * `syntheticAttempts` returns the ground truth: what spec section 4 must derive from the log.
 *
 * Memory: the active attempts (plus retries pending for at most a day or so) and one string per
 * user and device; not the log. Speed: a few microseconds per row at most.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  ACTION_NAMES,
  CATALOG,
  SECTION_OF_ACTION,
  UNKNOWN_ACTION,
  catalogScreen,
  type ActionName,
  type Platform,
  type Section,
  type UserAction,
} from '../shared/taxonomy';

export interface SyntheticOptions {
  seed: number;
  /** Approximate target count of (good) event rows: no attempt starts once it is reached. */
  events: number;
  /** Spread over this many days ending at `endDay`. */
  days: number;
  /** 'YYYY-MM-DD' (UTC), the last day of the log. */
  endDay: string;
  /** Default: events / 40. */
  users?: number;
  /** Extra bad rows per good row (0.01 → about 1 bad row per 100 good ones); default 0. */
  badRowRate?: number;
  /** Default csv. */
  format?: 'csv' | 'ndjson';
  /** CSV only, default ','. */
  delimiter?: ',' | ';' | '\t' | '|';
}

export interface SyntheticEvent {
  /** ISO 8601 with Z and milliseconds (bad-time rows: anything). */
  timestamp: string;
  userId: string;
  deviceId: string;
  /** 'iOS' | 'iPadOS' | 'iPhone' | 'Android' | 'AndroidForWork' ... mixed spellings. */
  platform: string;
  /** start|step|cancel|postpone|ignore|declineAll|appClosed|complete, mixed spellings. */
  event: string;
  actionName: string;
  screen: string;
}

/** One attempt as spec section 4 must derive it from the log (the generator's ground truth). */
export interface SyntheticAttempt {
  userId: string;
  deviceId: string;
  platform: Platform;
  startMs: number;
  /** Time of the attempt's last event. */
  lastMs: number;
  /** Good rows of the attempt. */
  events: number;
  outcome: 'complete' | 'incomplete' | 'in progress';
  /** For incomplete attempts: the action name, or '(unknown)'; else null. */
  actionName: ActionName | typeof UNKNOWN_ACTION | null;
  section: Section | null;
  userAction: UserAction | null;
  /** For incomplete attempts: the event's screen, else the catalog's, else ''. */
  screen: string;
}

export const CSV_COLUMNS = ['timestamp', 'userId', 'deviceId', 'platform', 'event', 'actionName', 'screen'] as const;

// ---------------------------------------------------------------------------------------------
// Random numbers: sfc32 streams seeded through a 32-bit mix; hashes for per-user attributes.

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

function seed32(seed: number): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return mix32(lo ^ mix32((hi + 0x9e3779b9) | 0));
}

type Rng = () => number;

/** sfc32: fast, 128-bit state; `stream` separates independent sequences of one seed. */
function sfc32(seed: number, stream: number): Rng {
  let a = mix32(seed ^ Math.imul(stream + 1, 0x9e3779b1));
  let b = mix32(a ^ 0x85ebca6b);
  let c = mix32(b ^ 0xc2b2ae35);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

/** A flat copy of a short built-up string: cached ids then cost their characters, not a rope. */
const flat = (s: string): string => Buffer.from(s, 'latin1').toString('latin1');

/** A GUID-shaped id (version 4 layout) from a 32-bit hash. */
function guid(h: number): string {
  const a = hex8(mix32(h ^ 0x1b873593));
  const b = hex8(mix32(h ^ 0x68e31da4));
  const c = hex8(mix32(h ^ 0x5a6b3c2d));
  const d = hex8(mix32(h ^ 0x2f9be6cc));
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[parseInt(c[0] ?? '0', 16) & 3]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: event types (codes = index in the taxonomy's EVENT_TYPES), spellings, screens.

const E_START = 0;
const E_STEP = 1;
const E_CANCEL = 2;
const E_POSTPONE = 3;
const E_IGNORE = 4;
const E_DECLINE = 5;
const E_CLOSED = 6;
const E_COMPLETE = 7;
/** Exit kinds beyond the explicit ending events (which use their event code). */
const X_TIMEOUT = 8;
const X_RESTART = 9;

const EVENT_SPELLINGS: readonly (readonly string[])[] = [
  ['start', 'Start', 'START'],
  ['step', 'Step', 'STEP'],
  ['cancel', 'Cancel', 'CANCEL'],
  ['postpone', 'Postpone', 'POSTPONE'],
  ['ignore', 'Ignore', 'IGNORE'],
  ['declineAll', 'DeclineAll', 'decline_all', 'Decline All', 'decline'],
  ['appClosed', 'AppClosed', 'app_closed', 'closed', 'App Closed'],
  ['complete', 'Complete', 'completed', 'Enrolled'],
];

const USER_ACTION_OF_EXIT: Record<number, UserAction> = {
  [E_CANCEL]: 'Cancel',
  [E_POSTPONE]: 'Postpone',
  [E_IGNORE]: 'Ignore',
  [E_DECLINE]: 'Decline All',
  [E_CLOSED]: 'Closed app',
  [X_TIMEOUT]: 'Exceeded 30 minutes',
  [X_RESTART]: 'Closed app',
};

/** Action codes are the taxonomy's: index in ACTION_NAMES + 1; 0 = none. */
const ACTION_SPELLINGS: readonly (readonly string[])[] = [
  [''],
  ...ACTION_NAMES.map((name) =>
    name === 'TermsofUse' ? [name, 'TermsOfUse', 'termsofuse'] : [name, name.toLowerCase(), name.toUpperCase()],
  ),
];
const A = (name: ActionName): number => ACTION_NAMES.indexOf(name) + 1;

/** Screens: 0 = ''; then the catalog's, then texts the catalog does not have (one with a comma). */
const SCREENS: string[] = [''];
const screenIds = new Map<string, number>([['', 0]]);
function S(text: string): number {
  let id = screenIds.get(text);
  if (id === undefined) {
    id = SCREENS.length;
    SCREENS.push(text);
    screenIds.set(text, id);
  }
  return id;
}
/** Catalog row n (1-based, as numbered in the spec) → its screen id. */
const R = (n: number): number => S(CATALOG[n - 1]?.screen ?? '');
for (let n = 1; n <= CATALOG.length; n++) R(n);
const SCREEN_COMPLIANCE_CHECK = S('Checking device settings, this can take a few minutes');
const SCREEN_ACTIVATING = S('Activating device, please wait');

// ---------------------------------------------------------------------------------------------
// The flow: stages in section order, each with the screens it walks and how attempts leave it.

interface Exit {
  /** An ending event code (E_CANCEL..E_CLOSED), X_TIMEOUT or X_RESTART. */
  readonly kind: number;
  readonly w: number;
  /** Index in the walk after which the attempt stops; -1 = anywhere. */
  readonly at: number;
  /** Ending event's screen (explicit exits), or the last step's screen (timeouts); -1 = the walk's. */
  readonly screen: number;
}

interface Stage {
  readonly action: number;
  readonly walk: readonly number[];
  readonly hazard: number;
  readonly exits: readonly Exit[];
  readonly exitWeight: number;
  /** Entry waits longer (compliance evaluation, activation). */
  readonly slow: boolean;
}

function stage(action: ActionName, walk: number[], hazard: number, exits: Exit[], slow = false): Stage {
  const all: Exit[] = [
    ...exits,
    { kind: E_CLOSED, w: 0.1, at: -1, screen: -1 },
    { kind: X_RESTART, w: 0.08, at: -1, screen: -1 },
  ];
  return { action: A(action), walk, hazard, exits: all, exitWeight: all.reduce((s, e) => s + e.w, 0), slow };
}

const ex = (kind: number, w: number, at: number, screen: number): Exit => ({ kind, w, at, screen });

const ST_PRE_ENROLLMENT = stage('PreEnrollmentWizard', [R(5)], 0.06, [
  ex(E_POSTPONE, 0.55, 0, R(4)),
  ex(X_TIMEOUT, 0.27, 0, R(5)),
]);
const ST_DEVICE_CATEGORY = stage('DeviceCategory', [R(3)], 0.05, [
  ex(X_TIMEOUT, 0.7, 0, R(3)),
  ex(E_CANCEL, 0.12, 0, 0),
]);
const ST_WRAP_UP = stage('EnrollmentWrapUp', [R(1), R(2)], 0.05, [
  ex(E_CANCEL, 0.5, 0, R(1)),
  ex(X_TIMEOUT, 0.32, 1, R(2)),
]);
const ST_IOS_PROFILE = stage('iOSProfileLaunch', [R(6), R(8), R(7), R(9)], 0.13, [
  ex(E_IGNORE, 0.3, 0, R(6)),
  ex(E_CANCEL, 0.16, 1, R(8)),
  ex(E_CANCEL, 0.14, 2, R(7)),
  ex(X_TIMEOUT, 0.22, 3, R(9)),
]);
const ST_ANDROID_PERMISSIONS = stage('AndroidPermissions', [R(11), R(10)], 0.09, [
  ex(X_TIMEOUT, 0.35, 0, R(11)),
  ex(E_CANCEL, 0.47, 1, R(10)),
]);
const ST_KNOX = stage('KnoxActivation', [R(12), R(13)], 0.08, [
  ex(E_CANCEL, 0.5, 0, R(12)),
  ex(X_TIMEOUT, 0.32, 1, R(13)),
]);
const ST_TERMS = stage('TermsofUse', [R(14)], 0.07, [
  ex(E_DECLINE, 0.55, 0, R(14)),
  ex(X_TIMEOUT, 0.25, 0, R(15)),
  ex(E_CANCEL, 0.04, 0, 0),
]);
const ST_COMPLIANCE = stage(
  'Compliance',
  [SCREEN_COMPLIANCE_CHECK],
  0.07,
  [ex(E_POSTPONE, 0.5, 0, R(16)), ex(X_TIMEOUT, 0.32, 0, R(17))],
  true,
);
const ST_ACTIVATION = stage(
  'Activation',
  [SCREEN_ACTIVATING],
  0.05,
  [ex(E_POSTPONE, 0.5, 0, R(18)), ex(X_TIMEOUT, 0.32, 0, R(19))],
  true,
);

/** Flows by configuration bits: 1 iOS, 2 Samsung, 4 Device Category, 8 Terms of use, 16 Activation. */
const FLOWS: readonly (readonly Stage[])[] = Array.from({ length: 32 }, (_, bits) => {
  const flow: Stage[] = [ST_PRE_ENROLLMENT];
  if (bits & 4) flow.push(ST_DEVICE_CATEGORY);
  flow.push(ST_WRAP_UP);
  if (bits & 1) flow.push(ST_IOS_PROFILE);
  else {
    flow.push(ST_ANDROID_PERMISSIONS);
    if (bits & 2) flow.push(ST_KNOX);
  }
  if (bits & 8) flow.push(ST_TERMS);
  flow.push(ST_COMPLIANCE);
  if (bits & 16) flow.push(ST_ACTIVATION);
  return flow;
});

const IPHONE_SPELLINGS = ['iOS', 'iOS', 'iOS', 'iOS', 'iOS', 'iOS', 'iPhone', 'ios', 'IOS', 'iOS/iPadOS'];
const IPAD_SPELLINGS = ['iPadOS', 'iPadOS', 'iPadOS', 'iPadOS', 'iPad', 'iOS', 'ipados', 'iPadOS'];
const ANDROID_SPELLINGS = [
  'Android',
  'Android',
  'Android',
  'Android',
  'Android',
  'AndroidForWork',
  'AndroidForWork',
  'android',
  'AndroidEnterprise',
  'Android (device administrator)',
];

// Bad rows (spec 3: skipped and counted by reason).
const BAD_PLATFORMS = ['Windows', 'Windows', 'macOS', 'Windows 10', ''];
const BAD_EVENTS = ['resume', 'heartbeat', 'Error', 'retry'];
const BAD_TIMES = ['', 'not-a-date', '2025-13-45T99:99:99Z', '31/06/2025, 10:00', 'yesterday'];
const BAD_ACTIONS = ['WorkProfileSetup', 'AppProtection', 'Enroll, "beta"'];

// ---------------------------------------------------------------------------------------------
// Time.

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const GAP_LIMIT = 30 * MINUTE;
const MAX_GAP = 20 * MINUTE;
/** Relative attempt starts per UTC hour of day. */
const HOUR_PROFILE = [
  0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.5, 0.9, 1, 1, 0.95, 0.8, 0.9, 1, 0.95, 0.85, 0.65, 0.45, 0.35, 0.3, 0.25,
  0.15, 0.08,
];
/** Sunday..Saturday. */
const WEEKDAY_FACTOR = [0.15, 1.1, 1, 1, 0.95, 0.8, 0.2];

const P2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const P3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** ISO 8601 with milliseconds and Z, cached per day (a few times faster than toISOString). */
class TimeFormatter {
  private day = NaN;
  private prefix = '';
  format(ms: number): string {
    const day = Math.floor(ms / DAY);
    if (day !== this.day) {
      this.day = day;
      this.prefix = new Date(day * DAY).toISOString().slice(0, 11);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MINUTE);
    rest -= m * MINUTE;
    const s = Math.floor(rest / 1000);
    return `${this.prefix}${P2[h]}:${P2[m]}:${P2[s]}.${P3[rest - s * 1000]}Z`;
  }
}

// ---------------------------------------------------------------------------------------------
// Options.

interface Resolved {
  seed: number;
  events: number;
  users: number;
  badRowRate: number;
  rangeStart: number;
  rangeEnd: number;
  days: number;
}

function resolve(options: SyntheticOptions): Resolved {
  const { seed, events, days, endDay } = options;
  if (!Number.isFinite(seed)) throw new RangeError(`synthetic log: seed must be a finite number, got ${seed}`);
  if (!Number.isFinite(events) || events < 0) throw new RangeError(`synthetic log: events must be >= 0, got ${events}`);
  if (!Number.isInteger(days) || days < 1)
    throw new RangeError(`synthetic log: days must be a positive integer, got ${days}`);
  const end = /^\d{4}-\d{2}-\d{2}$/.test(endDay) ? Date.parse(`${endDay}T00:00:00Z`) : NaN;
  if (!Number.isFinite(end) || new Date(end).toISOString().slice(0, 10) !== endDay) {
    throw new RangeError(`synthetic log: endDay must be a date YYYY-MM-DD, got '${endDay}'`);
  }
  const users = options.users ?? Math.max(1, Math.round(events / 40));
  if (!Number.isInteger(users) || users < 1)
    throw new RangeError(`synthetic log: users must be a positive integer, got ${users}`);
  const badRowRate = options.badRowRate ?? 0;
  if (!Number.isFinite(badRowRate) || badRowRate < 0) {
    throw new RangeError(`synthetic log: badRowRate must be >= 0, got ${badRowRate}`);
  }
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'ndjson') {
    throw new RangeError(`synthetic log: format must be csv or ndjson, got '${String(options.format)}'`);
  }
  const delimiter = options.delimiter ?? ',';
  if (![',', ';', '\t', '|'].includes(delimiter)) {
    throw new RangeError(`synthetic log: delimiter must be one of , ; tab |, got '${delimiter}'`);
  }
  const s = seed32(seed);
  // The export was taken mid-afternoon of endDay: attempts running then are cut, left open.
  const exportedAt = end + 15 * HOUR + Math.floor((mix32(s ^ 0x27d4eb2f) / 4294967296) * 2 * HOUR);
  return {
    seed: s,
    events: Math.round(events),
    users,
    badRowRate,
    rangeStart: end - (days - 1) * DAY,
    rangeEnd: exportedAt,
    days,
  };
}

// ---------------------------------------------------------------------------------------------
// The engine: generates attempts in start order, emits their events in global time order.

const ENDING_COMPLETE = 0;
const ENDING_EVENT = 1;
const ENDING_SILENCE = 2;
const ENDING_RESTART = 3;

interface Attempt {
  readonly seq: number;
  readonly userId: string;
  readonly deviceId: string;
  readonly platform: string;
  readonly ios: boolean;
  readonly times: number[];
  /** type | action << 3 | screen << 7 */
  readonly codes: number[];
  ending: number;
  idx: number;
}

const pack = (type: number, action: number, screen: number): number => type | (action << 3) | (screen << 7);

class Engine {
  // The current row (read after next() returned true).
  timestamp = '';
  userId = '';
  deviceId = '';
  platform = '';
  event = '';
  actionName = '';
  screen = '';
  bad = false;

  goodRows = 0;
  badRows = 0;
  lastGoodMs = -Infinity;
  readonly truth: Attempt[] | null;

  private readonly o: Resolved;
  private readonly flow: Rng;
  private readonly style: Rng;
  private readonly badRng: Rng;
  private readonly time = new TimeFormatter();
  private readonly busyUntil: Float64Array;
  private readonly userIds: (string | undefined)[];
  private readonly deviceIds: (string | undefined)[];
  private readonly cumulative: Float64Array;
  private readonly heap: Attempt[] = [];
  private readonly userDigits: number;
  private planned = 0;
  private seq = 0;
  private nextFresh = 0;
  private exhausted = false;
  private pendingBad = 0;
  // The last good row, for the bad rows that follow it.
  private gTimestamp = '';
  private gUser = '';
  private gDevice = '';
  private gPlatform = '';

  constructor(options: SyntheticOptions, collectTruth = false) {
    this.o = resolve(options);
    this.flow = sfc32(this.o.seed, 1);
    this.style = sfc32(this.o.seed, 2);
    this.badRng = sfc32(this.o.seed, 3);
    this.busyUntil = new Float64Array(this.o.users).fill(-Infinity);
    this.userIds = new Array<string | undefined>(this.o.users);
    this.deviceIds = new Array<string | undefined>(this.o.users * 2);
    this.userDigits = Math.max(4, String(this.o.users).length);
    this.truth = collectTruth ? [] : null;
    const hours = Math.ceil((this.o.rangeEnd - this.o.rangeStart) / HOUR);
    this.cumulative = new Float64Array(hours + 1);
    const firstWeekday = new Date(this.o.rangeStart).getUTCDay();
    for (let h = 0; h < hours; h++) {
      const length = Math.min(HOUR, this.o.rangeEnd - this.o.rangeStart - h * HOUR) / HOUR;
      const weight =
        length * (HOUR_PROFILE[h % 24] ?? 0) * (WEEKDAY_FACTOR[(firstWeekday + Math.floor(h / 24)) % 7] ?? 0);
      this.cumulative[h + 1] = (this.cumulative[h] ?? 0) + weight;
    }
    this.advanceFresh();
  }

  /** Moves to the next row; false at the end of the log. */
  next(): boolean {
    if (this.pendingBad > 0) {
      this.pendingBad--;
      this.makeBadRow();
      return true;
    }
    const heap = this.heap;
    for (;;) {
      const top = heap[0];
      if (this.exhausted || (top !== undefined && (top.times[top.idx] ?? 0) < this.nextFresh)) break;
      this.generateChain(this.nextFresh);
      this.advanceFresh();
    }
    const a = heap[0];
    if (a === undefined) return false;
    const t = a.times[a.idx] ?? 0;
    const code = a.codes[a.idx] ?? 0;
    a.idx++;
    if (a.idx < a.times.length) this.siftDown(0);
    else this.popTop();

    const style = this.style;
    const type = code & 7;
    const action = (code >>> 3) & 15;
    this.bad = false;
    this.timestamp = this.gTimestamp = this.time.format(t);
    this.userId = this.gUser = a.userId;
    this.deviceId = this.gDevice = a.deviceId;
    this.platform = this.gPlatform = a.platform;
    this.event = pickSpelling(EVENT_SPELLINGS[type], style, 0.12);
    this.actionName = action === 0 ? '' : pickSpelling(ACTION_SPELLINGS[action], style, 0.08);
    this.screen = SCREENS[code >>> 7] ?? '';
    this.goodRows++;
    this.lastGoodMs = t;

    const rate = this.o.badRowRate;
    if (rate > 0) {
      const whole = Math.floor(rate);
      this.pendingBad = whole + (this.badRng() < rate - whole ? 1 : 0);
    }
    return true;
  }

  /** Next fresh attempt's start: the share of planned rows, through the weekday/daytime curve. */
  private advanceFresh(): void {
    if (this.planned >= this.o.events) {
      this.exhausted = true;
      return;
    }
    const u = (this.planned + this.flow()) / this.o.events;
    const cum = this.cumulative;
    const total = cum[cum.length - 1] ?? 0;
    const target = u * total;
    let lo = 0;
    let hi = cum.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((cum[mid] ?? 0) <= target) lo = mid;
      else hi = mid - 1;
    }
    const base = cum[lo] ?? 0;
    const weight = (cum[lo + 1] ?? 0) - base;
    const frac = weight > 0 ? Math.min(1, (target - base) / weight) : 0;
    const hourStart = this.o.rangeStart + lo * HOUR;
    const length = Math.min(HOUR, this.o.rangeEnd - hourStart);
    this.nextFresh = Math.max(this.nextFresh, hourStart + Math.floor(frac * (length - 1)));
  }

  /** A fresh attempt at `t` and what follows from it (restarts, retries) for one user. */
  private generateChain(t: number): void {
    const r = this.flow;
    const o = this.o;
    // A user not busy at t; with few users, the least busy of a few tries, later.
    let user = Math.floor(r() * o.users);
    let start = t;
    if (this.busyUntil[user]! > t) {
      let best = user;
      for (let i = 0; i < 8; i++) {
        const u = Math.floor(r() * o.users);
        if (this.busyUntil[u]! <= t) {
          best = u;
          break;
        }
        if (this.busyUntil[u]! < this.busyUntil[best]!) best = u;
      }
      user = best;
      start = Math.max(t, this.busyUntil[user]! + 1000 + Math.floor(r() * 10 * MINUTE));
    }
    const userHash = mix32(o.seed ^ Math.imul(user + 1, 0x9e3779b1));
    const twoDevices = (userHash & 3) === 0;
    const configBits =
      (((userHash >>> 2) & 255) < 102 ? 4 : 0) |
      (((userHash >>> 10) & 255) < 179 ? 8 : 0) |
      (((userHash >>> 18) & 255) < 115 ? 16 : 0);
    let slot = twoDevices && r() < 0.5 ? 1 : 0;
    let busy = start;
    let retries = 0;
    let generated = 0;
    let afterRestart = false;
    for (;;) {
      const deviceHash = mix32(userHash ^ Math.imul(slot + 1, 0x85ebca6b));
      const ios = (deviceHash & 0xffff) < 0.55 * 65536;
      const pick = (deviceHash >>> 16) & 255;
      let bits = configBits;
      let platform: string;
      if (ios) {
        bits |= 1;
        const ipad = ((deviceHash >>> 24) & 255) < 64;
        platform = ipad
          ? IPAD_SPELLINGS[pick % IPAD_SPELLINGS.length]!
          : IPHONE_SPELLINGS[pick % IPHONE_SPELLINGS.length]!;
      } else {
        if (((deviceHash >>> 24) & 255) < 102) bits |= 2;
        platform = ANDROID_SPELLINGS[pick % ANDROID_SPELLINGS.length]!;
      }
      const a: Attempt = {
        seq: this.seq++,
        userId: this.userString(user),
        deviceId: this.deviceString(user, slot, deviceHash),
        platform,
        ios,
        times: [],
        codes: [],
        ending: ENDING_COMPLETE,
        idx: 0,
      };
      this.fillAttempt(a, start, FLOWS[bits]!, afterRestart);
      // The export ends with endDay: later rows are cut, the attempt is left open.
      let n = a.times.length;
      while (n > 0 && a.times[n - 1]! >= o.rangeEnd) n--;
      if (n === 0) break;
      if (n < a.times.length) {
        a.times.length = n;
        a.codes.length = n;
        a.ending = ENDING_SILENCE;
      }
      const last = a.times[n - 1]!;
      let next = NaN;
      if (a.ending === ENDING_RESTART) {
        next = last + 10_000 + Math.min(Math.floor(-150_000 * Math.log(1 - r())), 25 * MINUTE);
        if (next >= o.rangeEnd) a.ending = ENDING_SILENCE;
      }
      this.push(a);
      generated += n;
      if (a.ending === ENDING_RESTART) {
        start = next;
        afterRestart = true;
        continue;
      }
      afterRestart = false;
      if (a.ending === ENDING_COMPLETE) {
        busy = last + 1000;
        break;
      }
      busy =
        a.ending === ENDING_SILENCE
          ? last + GAP_LIMIT + 1000 + Math.floor(-10 * MINUTE * Math.log(1 - r()))
          : last + 1000;
      // Some users try again: later that day or the next working hours.
      if (retries < 2 && r() < (retries === 0 ? 0.35 : 0.2)) {
        let retry: number;
        if (r() < 0.4) retry = last + HOUR + Math.floor(-1.5 * HOUR * Math.log(1 - r()));
        else retry = (Math.floor(last / DAY) + 1) * DAY + 7 * HOUR + Math.floor(r() * 11 * HOUR);
        retry = Math.max(retry, busy);
        if (retry < o.rangeEnd) {
          retries++;
          start = retry;
          if (twoDevices && r() < 0.15) slot = 1 - slot;
          continue;
        }
      }
      break;
    }
    this.busyUntil[user] = Math.max(busy, this.busyUntil[user]!);
    // A fresh start always moves the clock on, even if nothing fit before the end.
    this.planned += Math.max(1, generated);
  }

  /** One attempt's events from `start` along `flow`; sets its ending. */
  private fillAttempt(a: Attempt, start: number, flow: readonly Stage[], restart: boolean): void {
    const r = this.flow;
    const times = a.times;
    const codes = a.codes;
    let t = start;
    const gap = (base: number, mean: number): number => {
      t += base + Math.min(Math.floor(-mean * Math.log(1 - r())), MAX_GAP);
      return t;
    };
    // After a restart the new attempt must open with `start` (rule 3), not continue the old one.
    if (!restart && r() < 0.01) {
      // A lone `complete` (the log lost the rest): opens and completes an attempt.
      times.push(t);
      codes.push(pack(E_COMPLETE, 0, 0));
      a.ending = ENDING_COMPLETE;
      return;
    }
    const withStart = restart || r() >= 0.025;
    if (withStart) {
      times.push(t);
      codes.push(pack(E_START, 0, 0));
      if (r() < 0.015) {
        // Stops before any action name: (unknown).
        const k = r();
        if (k < 0.55) {
          times.push(gap(2000, 15_000));
          codes.push(pack(k < 0.35 ? E_CLOSED : E_CANCEL, 0, 0));
          a.ending = ENDING_EVENT;
        } else a.ending = k < 0.85 ? ENDING_SILENCE : ENDING_RESTART;
        return;
      }
    }
    let first = !withStart;
    for (const st of flow) {
      const walk = st.walk;
      let exit: Exit | undefined;
      let at = walk.length - 1;
      if (r() < st.hazard) {
        let x = r() * st.exitWeight;
        for (const e of st.exits) {
          exit = e;
          x -= e.w;
          if (x < 0) break;
        }
        if (exit !== undefined) at = exit.at >= 0 ? exit.at : Math.floor(r() * walk.length);
      }
      // The end event's screen; when it has none, the step before it has none either (so every
      // reading of spec 4 falls back to the catalog's screen).
      let endScreen = 0;
      if (exit !== undefined && exit.kind <= E_CLOSED) {
        endScreen = r() < 0.3 ? 0 : exit.screen >= 0 ? exit.screen : r() < 0.5 ? (walk[at] ?? 0) : 0;
      }
      for (let i = 0; i <= at; i++) {
        let screen = walk[i] ?? 0;
        if (i === at && exit !== undefined) {
          if (exit.kind === X_TIMEOUT) screen = exit.screen;
          else if (exit.kind <= E_CLOSED && endScreen === 0) screen = 0;
        }
        if (screen !== 0 && r() < 0.25) screen = 0;
        if (first) first = false;
        else if (i === 0) gap(st.slow ? 15_000 : 4000, st.slow ? 150_000 : 45_000);
        else gap(2000, 20_000);
        times.push(t);
        codes.push(pack(E_STEP, st.action, screen));
      }
      if (exit !== undefined) {
        if (exit.kind === X_TIMEOUT) a.ending = ENDING_SILENCE;
        else if (exit.kind === X_RESTART) a.ending = ENDING_RESTART;
        else {
          const named = endScreen === 0 || r() < 0.75;
          times.push(gap(2000, 15_000));
          codes.push(pack(exit.kind, named ? st.action : 0, endScreen));
          a.ending = ENDING_EVENT;
        }
        return;
      }
    }
    times.push(gap(5000, 60_000));
    codes.push(pack(E_COMPLETE, 0, 0));
    a.ending = ENDING_COMPLETE;
  }

  private userString(user: number): string {
    let s = this.userIds[user];
    if (s === undefined) {
      s = flat(`user${String(user + 1).padStart(this.userDigits, '0')}@contoso.example`);
      this.userIds[user] = s;
    }
    return s;
  }

  private deviceString(user: number, slot: number, deviceHash: number): string {
    const i = user * 2 + slot;
    let s = this.deviceIds[i];
    if (s === undefined) {
      s = flat(guid(deviceHash));
      this.deviceIds[i] = s;
    }
    return s;
  }

  private makeBadRow(): void {
    const r = this.badRng;
    this.bad = true;
    this.badRows++;
    this.timestamp = this.gTimestamp;
    this.userId = this.gUser;
    this.deviceId = this.gDevice;
    this.platform = this.gPlatform;
    this.event = 'step';
    this.actionName = 'EnrollmentWrapUp';
    this.screen = '';
    switch (Math.floor(r() * 6)) {
      case 0:
        this.platform = BAD_PLATFORMS[Math.floor(r() * BAD_PLATFORMS.length)]!;
        this.deviceId = guid(mix32(Math.floor(r() * 4294967296)));
        this.event = r() < 0.5 ? 'start' : 'step';
        if (this.event === 'start') this.actionName = '';
        break;
      case 1:
        this.userId = '';
        break;
      case 2:
        this.event = BAD_EVENTS[Math.floor(r() * BAD_EVENTS.length)]!;
        break;
      case 3:
        this.timestamp = BAD_TIMES[Math.floor(r() * BAD_TIMES.length)]!;
        break;
      case 4:
        this.actionName = BAD_ACTIONS[Math.floor(r() * BAD_ACTIONS.length)]!;
        break;
      default:
        this.actionName = '';
        this.screen = SCREENS[R(2)]!;
    }
  }

  // Min-heap of attempts by (next event time, seq).
  private less(a: Attempt, b: Attempt): boolean {
    const ta = a.times[a.idx]!;
    const tb = b.times[b.idx]!;
    return ta < tb || (ta === tb && a.seq < b.seq);
  }

  private push(a: Attempt): void {
    if (this.truth !== null) this.truth.push(a);
    const heap = this.heap;
    let i = heap.length;
    heap.push(a);
    while (i > 0) {
      const p = (i - 1) >>> 1;
      const parent = heap[p]!;
      if (!this.less(a, parent)) break;
      heap[i] = parent;
      i = p;
    }
    heap[i] = a;
  }

  private popTop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.siftDown(0);
    }
  }

  private siftDown(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[i]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const right = c + 1;
      if (right < n && this.less(heap[right]!, heap[c]!)) c = right;
      const child = heap[c]!;
      if (!this.less(child, item)) break;
      heap[i] = child;
      i = c;
    }
    heap[i] = item;
  }
}

function pickSpelling(spellings: readonly string[] | undefined, r: Rng, variantRate: number): string {
  if (spellings === undefined) return '';
  if (spellings.length === 1 || r() >= variantRate) return spellings[0]!;
  return spellings[1 + Math.floor(r() * (spellings.length - 1))]!;
}

// ---------------------------------------------------------------------------------------------
// Public API.

/** The log's rows (bad rows included, in file order) as plain records. */
export function* syntheticEvents(options: SyntheticOptions): Generator<SyntheticEvent> {
  const e = new Engine(options);
  while (e.next()) {
    yield {
      timestamp: e.timestamp,
      userId: e.userId,
      deviceId: e.deviceId,
      platform: e.platform,
      event: e.event,
      actionName: e.actionName,
      screen: e.screen,
    };
  }
}

const CHUNK_CHARS = 1 << 20;

/** RFC 4180 quoting for one field. */
export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** Writes the log to `path` (streamed, bounded memory), resolves with counts. */
export async function writeSyntheticLog(
  path: string,
  options: SyntheticOptions,
): Promise<{ rows: number; badRows: number; bytes: number }> {
  const engine = new Engine(options);
  const ndjson = options.format === 'ndjson';
  const d = options.delimiter ?? ',';
  // Field encodings are cached: apart from times, users and devices, values come from small sets.
  const cache = new Map<string, string>();
  const enc = ndjson
    ? (v: string): string => {
        let s = cache.get(v);
        if (s === undefined) cache.set(v, (s = JSON.stringify(v)));
        return s;
      }
    : (v: string): string => {
        let s = cache.get(v);
        if (s === undefined) cache.set(v, (s = csvField(v, d)));
        return s;
      };

  const out = createWriteStream(path, { highWaterMark: 4 * CHUNK_CHARS });
  let failure: Error | undefined;
  out.on('error', (err) => {
    failure ??= err;
  });
  let bytes = 0;
  const flush = async (text: string): Promise<void> => {
    if (failure) throw failure;
    const buf = Buffer.from(text, 'utf8');
    bytes += buf.length;
    if (!out.write(buf)) await once(out, 'drain');
  };

  try {
    let chunk = ndjson ? '' : `${CSV_COLUMNS.join(d)}\n`;
    while (engine.next()) {
      const e = engine;
      if (ndjson) {
        chunk += `{"timestamp":${e.bad ? JSON.stringify(e.timestamp) : `"${e.timestamp}"`},"userId":"${e.userId}","deviceId":"${e.deviceId}","platform":${enc(e.platform)},"event":${enc(e.event)},"actionName":${enc(e.actionName)},"screen":${enc(e.screen)}}\n`;
      } else {
        chunk += `${e.bad ? csvField(e.timestamp, d) : e.timestamp}${d}${e.userId}${d}${e.deviceId}${d}${enc(e.platform)}${d}${enc(e.event)}${d}${enc(e.actionName)}${d}${enc(e.screen)}\n`;
      }
      if (chunk.length >= CHUNK_CHARS) {
        await flush(chunk);
        chunk = '';
      }
    }
    if (chunk.length > 0) await flush(chunk);
    out.end();
    await once(out, 'finish');
    if (failure) throw failure;
  } catch (err) {
    out.destroy();
    throw err;
  }
  return { rows: engine.goodRows + engine.badRows, badRows: engine.badRows, bytes };
}

/**
 * The ground truth of the log with these options: every attempt, as spec section 4 must derive
 * it (grouping by user and platform, 30-minute gaps, restarts, the end of data), in order of
 * generation (fresh attempts by start, each followed by its restarts and retries). In memory:
 * meant for tests and modest sizes.
 */
export function syntheticAttempts(options: SyntheticOptions): SyntheticAttempt[] {
  const engine = new Engine(options, true);
  while (engine.next()) {
    /* run to the end: the last event time decides which silent attempts are still in progress */
  }
  const latest = engine.lastGoodMs;
  const result: SyntheticAttempt[] = [];
  for (const a of engine.truth ?? []) {
    const n = a.times.length;
    const lastMs = a.times[n - 1]!;
    const base = {
      userId: a.userId,
      deviceId: a.deviceId,
      platform: (a.ios ? 'iOS/iPadOS' : 'Android') as Platform,
      startMs: a.times[0]!,
      lastMs,
      events: n,
    };
    // Position: the last step's action and screen.
    let action = 0;
    let screen = 0;
    for (let i = 0; i < n; i++) {
      const c = a.codes[i]!;
      if ((c & 7) === E_STEP) {
        action = (c >>> 3) & 15;
        screen = c >>> 7;
      }
    }
    const lastCode = a.codes[n - 1]!;
    const lastType = lastCode & 7;
    let userAction: UserAction;
    if (a.ending === ENDING_COMPLETE) {
      result.push({ ...base, outcome: 'complete', actionName: null, section: null, userAction: null, screen: '' });
      continue;
    } else if (a.ending === ENDING_EVENT) {
      userAction = USER_ACTION_OF_EXIT[lastType]!;
      const named = (lastCode >>> 3) & 15;
      if (named !== 0) action = named;
      screen = lastCode >>> 7;
    } else if (a.ending === ENDING_RESTART) {
      userAction = 'Closed app';
    } else {
      if (latest - lastMs <= GAP_LIMIT) {
        result.push({ ...base, outcome: 'in progress', actionName: null, section: null, userAction: null, screen: '' });
        continue;
      }
      userAction = 'Exceeded 30 minutes';
    }
    const actionName = action === 0 ? UNKNOWN_ACTION : ACTION_NAMES[action - 1]!;
    const screenText = action === 0 ? '' : screen !== 0 ? SCREENS[screen]! : catalogScreen(actionName, userAction);
    result.push({
      ...base,
      outcome: 'incomplete',
      actionName,
      section: action === 0 ? null : SECTION_OF_ACTION[actionName as ActionName],
      userAction,
      screen: screenText,
    });
  }
  return result;
}
