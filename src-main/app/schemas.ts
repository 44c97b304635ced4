/**
 * The schema of every invoke channel's argument. The registration function (ipc.ts) parses each
 * call's argument with these before a handler sees it. Typed against the contract: a schema that
 * accepts something other than the channel's argument type does not compile.
 */
import { isAbsolute } from 'node:path';
import { MAX_PATH_LENGTH } from '../platform/paths';
import { z } from 'zod';
import { LANGUAGE_CHOICES, RANGE_PRESETS, type ArgOf, type InvokeChannel } from '../shared/ipc-contract';
import { ATTEMPT_OUTCOMES, ATTEMPT_SORT_KEYS, UNCLASSIFIED } from '../shared/drilldown-types';
import { EXPORT_KINDS } from '../shared/export-types';
import { annotationTextProblem } from '../shared/notes-types';
import { LANGUAGES } from '../shared/i18n/languages';
import { ORIENTATIONS, PAPER_SIZES } from '../shared/print-types';
import { isDate, isZone } from '../shared/calendar-day';
import { PLATFORMS, SECTIONS } from '../shared/taxonomy';

const none = z.undefined();

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD')
  .refine(isDate, 'no such day');

/** A time zone this runtime knows (IANA names, plus UTC). */
export const timeZone = z.string().min(1).max(100).refine(isZone, 'unknown time zone');

const absolutePath = z.string().min(1).max(MAX_PATH_LENGTH).refine(isAbsolute, 'an absolute path');

const range = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('last'), days: z.union(RANGE_PRESETS.map((n) => z.literal(n))) }),
  z
    .strictObject({ kind: z.literal('custom'), from: day, to: day })
    .refine((r) => r.from <= r.to, 'the range ends before it starts'),
]);

const settingText = z.string().max(200);

const reportRequest = z.strictObject({
  range,
  platforms: z.array(z.enum(PLATFORMS)).min(1).max(PLATFORMS.length),
  sections: z.array(z.enum(SECTIONS)).min(1).max(SECTIONS.length),
  tz: timeZone,
});

/** The other period of a comparison: the previous one of the same length, or a chosen range. */
const compareAgainst = z.union([
  z.literal('previous'),
  z.strictObject({ from: day, to: day }).refine((r) => r.from <= r.to, 'the range ends before it starts'),
]);

const text = (max: number) => z.string().max(max);

/** The drill-down's own fields (the report's filter is `report`). */
const attemptQuery = z.strictObject({
  actionName: text(200).optional(),
  screen: text(500).optional(),
  userAction: text(100).optional(),
  section: z.enum([...SECTIONS, UNCLASSIFIED]).optional(),
  platform: z.enum(PLATFORMS).optional(),
  date: day.optional(),
  outcome: z.enum(ATTEMPT_OUTCOMES).optional(),
  search: text(200).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).max(1_000_000_000).optional(),
  sort: z.strictObject({ key: z.enum(ATTEMPT_SORT_KEYS), direction: z.enum(['asc', 'desc']).optional() }).optional(),
});

const noteText = z.string().refine((value) => annotationTextProblem(value) === null, {
  error: (issue) => annotationTextProblem(issue.input) ?? 'not a note',
});
const noteId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

type Schemas = { readonly [C in InvokeChannel]: z.ZodType<ArgOf<C>> };

export const ARG_SCHEMAS = {
  'session:get': none,
  'case:new': none,
  'case:pick': none,
  'case:open': z.strictObject({ path: absolutePath }),
  'case:settings': z.strictObject({
    tz: timeZone.optional(),
    customer: settingText.optional(),
    consultant: settingText.optional(),
  }),
  'case:check': none,
  'recent:clear': none,
  'report:get': reportRequest,
  'import:pick': none,
  'import:run': z.strictObject({ paths: z.array(absolutePath).min(1).max(10_000) }),
  'import:cancel': none,
  'print:pdf': z.strictObject({
    report: reportRequest,
    compare: compareAgainst.nullable().optional(),
    page: z.strictObject({ paper: z.enum(PAPER_SIZES), orientation: z.enum(ORIENTATIONS) }),
    customer: settingText,
    consultant: settingText,
    maskUsers: z.boolean(),
    language: z.enum(LANGUAGES),
    chartGranularity: z.enum(['day', 'week']).nullable().optional(),
  }),
  'print:job': none,
  'attempts:list': z.strictObject({ report: reportRequest, query: attemptQuery, maskUsers: z.boolean() }),
  'report:compare': z.strictObject({ report: reportRequest, against: compareAgainst }),
  'funnel:get': reportRequest,
  'findings:get': reportRequest,
  'failures:get': reportRequest,
  'annotations:list': none,
  'annotations:add': z.strictObject({ date: day, text: noteText }),
  'annotations:update': z.strictObject({ id: noteId, date: day.optional(), text: noteText.optional() }),
  'annotations:remove': z.strictObject({ id: noteId }),
  'export:save': z.strictObject({ kind: z.enum(EXPORT_KINDS), report: reportRequest, maskUsers: z.boolean() }),
  'preferences:get': none,
  'preferences:set': z.strictObject({ language: z.enum(LANGUAGE_CHOICES).optional() }),
} satisfies Schemas;
