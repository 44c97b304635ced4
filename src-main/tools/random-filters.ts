/**
 * Random report filters inside (and a little around) a case's days: date ranges, platforms,
 * sections, time zones. The benchmark's latency probes (bench-probe.ts) and the tests of what is
 * kept between calls (test/unit/report/case-reads.test.ts) use the same ones.
 */
import type { ReportFilter } from '../shared/report-types';
import { PLATFORMS, SECTIONS } from '../shared/taxonomy';
import { mulberry32 } from './mulberry32';

const DAY_MS = 86_400_000;
const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Adelaide',
  'Pacific/Chatham',
  'Asia/Tokyo',
];

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `count` filters from `seed`, around the days firstDay to lastDay (UTC dates). */
export function randomFilters(count: number, seed: number, firstDay: string, lastDay: string): ReportFilter[] {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const first = Date.parse(`${firstDay}T00:00:00Z`);
  const span = Math.round((Date.parse(`${lastDay}T00:00:00Z`) - first) / DAY_MS) + 1;
  const filters: ReportFilter[] = [];
  for (let i = 0; i < count; i++) {
    const length = pick([1, 7, 14, 14, 30, span, Math.ceil(next() * span)]);
    const start = first + Math.floor(next() * Math.max(1, span - length + 3) - 1) * DAY_MS;
    const filter: {
      from?: string;
      to?: string;
      platforms?: (typeof PLATFORMS)[number][];
      sections?: (typeof SECTIONS)[number][];
      tz?: string;
    } = { tz: pick(ZONES) };
    if (next() < 0.9) {
      filter.from = day(start);
      filter.to = day(start + (length - 1) * DAY_MS);
    }
    if (next() < 0.4) filter.platforms = [pick(PLATFORMS)];
    if (next() < 0.4) filter.sections = SECTIONS.filter(() => next() < 0.5);
    if (filter.sections?.length === 0) delete filter.sections;
    filters.push(filter);
  }
  return filters;
}
