import { describe, expect, it } from 'vitest';
import { isTimeInRange, parseDay, parseTime, timeOfNumber } from '../../../src-main/import/times';

const utc = (text: string): number => Date.parse(text);

describe('parseTime', () => {
  it.each([
    ['2025-06-01T10:20:30Z', '2025-06-01T10:20:30.000Z'],
    ['2025-06-01T10:20:30.123Z', '2025-06-01T10:20:30.123Z'],
    ['2025-06-01T10:20:30.1Z', '2025-06-01T10:20:30.100Z'],
    ['2025-06-01T10:20:30.12Z', '2025-06-01T10:20:30.120Z'],
    ['2025-06-01T10:20:30.1239999999Z', '2025-06-01T10:20:30.123Z'], // beyond ms: truncated, not rounded
    ['2025-06-01T10:20:30,5Z', '2025-06-01T10:20:30.500Z'], // ISO allows a decimal comma
    ['2025-06-01t10:20:30z', '2025-06-01T10:20:30.000Z'],
    ['2025-06-01T10:20Z', '2025-06-01T10:20:00.000Z'],
    ['2025-06-01T10:20:30+05:30', '2025-06-01T04:50:30.000Z'],
    ['2025-06-01T10:20:30-08:00', '2025-06-01T18:20:30.000Z'],
    ['2025-06-01T10:20:30+0530', '2025-06-01T04:50:30.000Z'],
    ['2025-06-01T10:20:30+02', '2025-06-01T08:20:30.000Z'],
    ['2025-06-01T00:30:00+01:00', '2025-05-31T23:30:00.000Z'],
    ['2025-06-01T10:20:30.987654321-03:30', '2025-06-01T13:50:30.987Z'],
    ['2025-06-01T10:20:30', '2025-06-01T10:20:30.000Z'], // no offset = UTC, whatever the computer's zone
    ['2025-06-01 10:20:30', '2025-06-01T10:20:30.000Z'],
    ['2025-06-01 10:20:30.5', '2025-06-01T10:20:30.500Z'],
    ['  2025-06-01T10:20:30Z  ', '2025-06-01T10:20:30.000Z'],
    ['2025-06-01', '2025-06-01T00:00:00.000Z'], // date only = midnight UTC
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['1748773230000', '2025-06-01T10:20:30.000Z'], // epoch milliseconds
    ['0', '1970-01-01T00:00:00.000Z'],
  ])('%s -> %s', (text, expected) => {
    expect(new Date(parseTime(text)).toISOString()).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'yesterday',
    '6/1/2025 10:20:30 AM',
    '01/06/2025',
    'June 1, 2025',
    '2025-13-01',
    '2025-02-30',
    '2023-02-29',
    '1900-02-29',
    '2025-06-00',
    '2025-6-1',
    '2025-06-01T24:00:00Z',
    '2025-06-01T10:60:00Z',
    '2025-06-01T10:20:60Z',
    '2025-06-01T10:20:30.Z',
    '2025-06-01T10:20:30+24:00',
    '2025-06-01T10:20:30+05:60',
    '2025-06-01T10:20:30 Z',
    '2025-06-01T10:20:30ZZ',
    '2025-06-01T10',
    '2025-06-01X10:20:30',
    '1748773230000.5',
    '1.7e12',
    '+1748773230000',
    '99999999999999999999',
    '12:00',
  ])('rejects %j', (text) => {
    expect(parseTime(text)).toBeNaN();
  });

  it('agrees with Date.parse on ISO forms with an explicit zone', () => {
    for (const text of ['2025-03-30T01:59:59.999+01:00', '2031-12-31T23:59:59.001Z', '1999-01-01T00:00:00-12:00']) {
      expect(parseTime(text)).toBe(utc(text));
    }
  });
});

describe('parseDay', () => {
  it('accepts a real calendar date only', () => {
    expect(parseDay('2025-06-01')).toBe('2025-06-01');
    expect(parseDay(' 2025-06-01 ')).toBe('2025-06-01');
    expect(parseDay('2025-06-31')).toBeNull();
    expect(parseDay('2025-06-01T00:00:00Z')).toBeNull();
    expect(parseDay('20250601')).toBeNull();
  });
});

describe('timeOfNumber', () => {
  it('reads JSON numbers as epoch milliseconds', () => {
    expect(timeOfNumber(1748773230000)).toBe(1748773230000);
    expect(timeOfNumber(1748773230000.9)).toBe(1748773230000);
    expect(timeOfNumber(Number.NaN)).toBeNaN();
    expect(timeOfNumber(Number.POSITIVE_INFINITY)).toBeNaN();
    expect(isTimeInRange(timeOfNumber(9e15))).toBe(false);
  });

  it('reads seconds, microseconds and nanoseconds by magnitude, not as milliseconds of another millennium', () => {
    const at = Date.parse('2025-06-01T10:00:00Z');
    expect(timeOfNumber(1748772000)).toBe(at);
    expect(timeOfNumber(1748772000.25)).toBe(at + 250);
    expect(timeOfNumber(1748772000000)).toBe(at);
    expect(timeOfNumber(1748772000000000)).toBe(at);
    expect(timeOfNumber(1748772000000000000)).toBe(at);
  });
});

describe('the accepted range: 2000-01-01T00:00Z to 2100-12-31T23:59:59.999Z', () => {
  it.each([
    ['1748772000', '2025-06-01T10:00:00.000Z'], // seconds
    ['1748772000123', '2025-06-01T10:00:00.123Z'], // milliseconds
    ['1748772000123456', '2025-06-01T10:00:00.123Z'], // microseconds
    ['1748772000123456789', '2025-06-01T10:00:00.123Z'], // nanoseconds
    ['946684800', '2000-01-01T00:00:00.000Z'], // the first second, in seconds
    ['4133980799', '2100-12-31T23:59:59.000Z'], // the last second, in seconds
  ])('epoch text %s is %s', (text, expected) => {
    expect(new Date(parseTime(text)).toISOString()).toBe(expected);
  });

  it.each([
    ['2000-01-01T00:00:00Z', true],
    ['1999-12-31T23:59:59.999Z', false],
    ['2100-12-31T23:59:59.999Z', true],
    ['2101-01-01T00:00:00Z', false],
    ['2000-01-01T00:30:00+01:00', false], // 1999-12-31T23:30Z
    ['9999-12-31T23:00:00-05:00', false], // the year 10000 in UTC
    ['0001-01-01', false],
    ['0', false],
    ['99999999999999999', false],
    ['946684799', false],
  ])('%s in range: %s', (text, inRange) => {
    const time = parseTime(text);
    expect(Number.isNaN(time)).toBe(false);
    expect(isTimeInRange(time)).toBe(inRange);
  });
});
