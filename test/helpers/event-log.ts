/** Small, readable event logs for tests: one tuple per event, written as CSV or NDJSON. */
import { writeFileSync } from 'node:fs';

export interface TestEvent {
  readonly time: string;
  readonly user: string;
  readonly platform: string;
  readonly event: string;
  readonly action?: string;
  readonly screen?: string;
  readonly device?: string;
}

const quote = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function eventLogCsv(events: readonly TestEvent[]): string {
  const lines = ['timestamp,userPrincipalName,deviceId,platform,event,actionName,screen'];
  for (const e of events) {
    lines.push(
      [e.time, e.user, e.device ?? '', e.platform, e.event, e.action ?? '', e.screen ?? ''].map(quote).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function eventLogNdjson(events: readonly TestEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        timestamp: e.time,
        upn: e.user,
        deviceId: e.device ?? '',
        platform: e.platform,
        event: e.event,
        actionName: e.action ?? '',
        screen: e.screen ?? '',
      }),
    )
    .join('\n');
}

export function writeEventLog(path: string, events: readonly TestEvent[], format: 'csv' | 'ndjson' = 'csv'): string {
  writeFileSync(path, format === 'csv' ? eventLogCsv(events) : eventLogNdjson(events));
  return path;
}

/** An attempt that walks the flow and completes. */
export function completedAttempt(user: string, platform: string, start: string, device = `${user}-dev`): TestEvent[] {
  const t0 = Date.parse(start);
  const at = (minutes: number): string => new Date(t0 + minutes * 60_000).toISOString();
  return [
    { time: at(0), user, platform, event: 'start', device },
    { time: at(1), user, platform, event: 'step', action: 'EnrollmentWrapUp', device },
    {
      time: at(2),
      user,
      platform,
      event: 'step',
      action: platform.toLowerCase().startsWith('android') ? 'AndroidPermissions' : 'iOSProfileLaunch',
      device,
    },
    { time: at(3), user, platform, event: 'step', action: 'TermsofUse', device },
    { time: at(4), user, platform, event: 'complete', device },
  ];
}

/** An attempt that ignores the iOS profile at its second minute (Platform Screens, Ignored). */
export function ignoredProfileAttempt(user: string, platform: string, start: string): TestEvent[] {
  const t0 = Date.parse(start);
  const at = (minutes: number): string => new Date(t0 + minutes * 60_000).toISOString().replace('.000Z', 'Z');
  return [
    { time: at(0), user, platform, event: 'start' },
    { time: at(1), user, platform, event: 'step', action: 'iOSProfileLaunch' },
    { time: at(2), user, platform, event: 'ignore', action: 'iOSProfileLaunch' },
  ];
}
