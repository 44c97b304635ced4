/**
 * times.ts's parseTime over the ASCII bytes of a field, for the byte scanner (csv-bytes.ts): the
 * same forms to the same milliseconds. What it cannot read with certainty (a non-ASCII byte, an
 * epoch of more than 15 digits, a sign) gives NaN and the row goes to the CSV parser, which then
 * gives its time, or its skip reason, by parseTime itself. The checks mirror parseIso step by step;
 * reading past `end` there meets trimmed whitespace, never a digit, which `two` states explicitly.
 */
import { daysFromCivil, daysInMonth, epochMsOf, MAX_EPOCH_MS, MS_PER_DAY } from './times';

/** Value of the two decimal digits at `at` (both before `end`), or -1. */
function two(b: Uint8Array, at: number, end: number): number {
  if (at + 1 >= end) return -1;
  const x = b[at]! - 48;
  const y = b[at + 1]! - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Epoch milliseconds of the time in `b[start..end)`, or NaN (not a time, or not read here). */
export function parseTimeBytes(b: Uint8Array, start: number, end: number): number {
  while (start < end && (b[start] === 32 || b[start] === 9)) start++;
  while (end > start && (b[end - 1] === 32 || b[end - 1] === 9)) end--;
  if (end - start >= 10 && b[start + 4] === 45) return isoBytes(b, start, end);
  // An integer in the unit its magnitude says; up to 15 digits it is exact as summed here.
  if (start === end || end - start > 15) return NaN;
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return epochMsOf(value);
}

function isoBytes(b: Uint8Array, start: number, end: number): number {
  const y1 = two(b, start, end);
  const y2 = two(b, start + 2, end);
  const month = two(b, start + 5, end);
  const day = two(b, start + 8, end);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return NaN;
  if (b[start + 7] !== 45) return NaN; // '-' (the one at start + 4 was checked)
  const year = y1 * 100 + y2;
  if (day > daysInMonth(year, month)) return NaN;
  const days = daysFromCivil(year, month, day);
  let at = start + 10;
  if (at === end) return days * MS_PER_DAY;

  const sep = b[at];
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN; // 'T', 't', ' '
  const hour = two(b, at + 1, end);
  const minute = two(b, at + 4, end);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || b[at + 3] !== 58) return NaN;
  at += 6;
  let second = 0;
  let ms = 0;
  if (at < end && b[at] === 58) {
    second = two(b, at + 1, end);
    if (second < 0 || second > 59) return NaN;
    at += 3;
    const dot = b[at];
    if (at < end && (dot === 46 || dot === 44)) {
      at++;
      const first = at;
      for (; at < end; at++) {
        const d = b[at]! - 48;
        if (d < 0 || d > 9) break;
        const place = at - first;
        if (place < 3) ms += d * (place === 0 ? 100 : place === 1 ? 10 : 1);
      }
      if (at === first) return NaN;
    }
  }

  let offsetMinutes = 0;
  if (at < end) {
    const zone = b[at];
    if (zone === 90 || zone === 122) {
      at++; // 'Z' or 'z'
    } else if (zone === 43 || zone === 45) {
      const oh = two(b, at + 1, end);
      if (oh < 0 || oh > 23) return NaN;
      at += 3;
      let om = 0;
      if (at < end) {
        if (b[at] === 58) at++;
        om = two(b, at, end);
        if (om < 0 || om > 59) return NaN;
        at += 2;
      }
      offsetMinutes = (zone === 43 ? 1 : -1) * (oh * 60 + om);
    } else {
      return NaN;
    }
  }
  if (at !== end) return NaN;
  const value = days * MS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms - offsetMinutes * 60_000;
  return Math.abs(value) <= MAX_EPOCH_MS ? value : NaN;
}
