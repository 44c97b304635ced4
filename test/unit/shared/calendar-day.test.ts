import { describe, expect, it } from 'vitest';
import { addDays, isDate, isZone } from '../../../src-main/shared/calendar-day';
import { checkDay, checkZone, UsageError } from '../../../src-main/cli/arg-values';
import { ARG_SCHEMAS } from '../../../src-main/app/schemas';

describe('isDate', () => {
  it('takes real calendar days written YYYY-MM-DD only', () => {
    for (const day of ['2025-06-01', '2024-02-29', '2025-12-31', '1999-01-01']) expect(isDate(day), day).toBe(true);
    for (const text of ['2025-02-30', '2025-02-29', '2025-13-01', '2025-6-1', '2025-06-01T00:00', '', ' 2025-06-01'])
      expect(isDate(text), text).toBe(false);
  });
});

describe('isZone', () => {
  it('takes IANA zones and UTC, refuses the rest', () => {
    for (const tz of ['UTC', 'Europe/Berlin', 'America/Santiago', 'Asia/Kolkata']) expect(isZone(tz), tz).toBe(true);
    for (const tz of ['', ' ', 'Mars/Base', 'Europe/Berlin2']) expect(isZone(tz), tz).toBe(false);
  });
});

describe('addDays', () => {
  it('moves across months, years and leap days, both ways', () => {
    expect(addDays('2025-06-01', 0)).toBe('2025-06-01');
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-06-14', -13)).toBe('2025-06-01');
  });

  it('gives back a text that is not a day as it is', () => {
    expect(addDays('2025-02-30', 1)).toBe('2025-02-30');
    expect(addDays('soon', 1)).toBe('soon');
  });
});

describe('the command line and the IPC schemas check days and zones the same way', () => {
  it('refuses what isDate and isZone refuse', () => {
    expect(() => checkDay('from', '2025-02-30')).toThrow(UsageError);
    expect(checkDay('from', '2024-02-29')).toBe('2024-02-29');
    expect(() => checkZone('Mars/Base')).toThrow(UsageError);
    expect(checkZone('Europe/Berlin')).toBe('Europe/Berlin');
    const note = ARG_SCHEMAS['annotations:add'];
    expect(note.safeParse({ date: '2025-02-30', text: 'x' }).success).toBe(false);
    expect(note.safeParse({ date: '2024-02-29', text: 'x' }).success).toBe(true);
    const settings = ARG_SCHEMAS['case:settings'];
    expect(settings.safeParse({ tz: 'Mars/Base' }).success).toBe(false);
    expect(settings.safeParse({ tz: 'Europe/Berlin' }).success).toBe(true);
  });
});
