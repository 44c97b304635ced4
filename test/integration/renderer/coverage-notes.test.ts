/**
 * The caveats the app and the PDF show (src-renderer/coverage.ts, DOM-free: type-checked with the
 * main process too), from reports the engine computes on real case files made by the real import
 * of small exports: partial days named with the time their data starts or ends in the report's
 * zone, the rate's reason, and which notes a details export, a summary export and a log of one
 * part-day give.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../../src-main/import/read-input';
import { computeComparison } from '../../../src-main/compare/compare';
import { computeReport } from '../../../src-main/report/compute-report';
import { translator } from '../../../src-main/shared/i18n/translator';
import { openCase, type CaseDb } from '../../../src-main/store/case-file';
import { importFiles } from '../../../src-main/store/import-files';
import type { ReportFilter } from '../../../src-main/shared/report-types';
import { coverageNotes, partialDayLabels, rateReason } from '../../../src-renderer/coverage';
import { writeDetailsOnly, writePartialDayLog, writeSummaryOnly } from '../../helpers/coverage-inputs';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('enrollscope-coverage-');

async function caseOf(write: (path: string) => unknown, name: string): Promise<CaseDb> {
  const dir = tempDir();
  const file = join(dir, name);
  write(file);
  const db = openCase(join(dir, `${name}.enrollscope`));
  const outcomes = await importFiles(db, [file], { reader: readInput });
  expect(outcomes.map((o) => o.status)).toEqual(['imported']);
  return db;
}

const notesOf = (db: CaseDb, filter: ReportFilter) => {
  const report = computeReport(db, filter);
  return { report, notes: coverageNotes(report) };
};

describe('coverage notes', () => {
  it('an iOS summary beside Android details: the rate covers only the iOS cells, and says what it leaves out', async () => {
    const dir = tempDir();
    const summary = join(dir, 'summary-ios.csv');
    const details = join(dir, 'details.csv');
    writeSummaryOnly(summary, '2025-06-01', 5, { platforms: ['iOS'] });
    writeDetailsOnly(details, '2025-06-01', 5);
    const db = openCase(join(dir, 'mixed.enrollscope'));
    try {
      expect((await importFiles(db, [summary, details], { reader: readInput })).map((o) => o.status)).toEqual([
        'imported',
        'imported',
      ]);
      const { report, notes } = notesOf(db, { from: '2025-06-01', to: '2025-06-05', tz: 'UTC' });
      expect(report.rollup.initiated).not.toBeNull();
      expect(report.coverage.unknownInitiatedDays).toHaveLength(5);
      const outside = report.dataQuality.incompleteOutsideRate;
      expect(outside).toBeGreaterThan(0);
      expect(notes.find((n) => n.kind === 'rate-covers')!.text).toBe(
        `Rate covers only the platforms and days whose initiated count is known: ${outside} incomplete on Jun 1, 2025 – Jun 5, 2025 are left out of it (initiated unknown there)`,
      );
    } finally {
      db.close();
    }
  });

  it('a log ending at 06:05 UTC: its last day ends 06:05 in UTC, 02:05 in New York, where the first day starts 20:05', async () => {
    const db = await caseOf((path) => writePartialDayLog(path, '2025-06-01', 14), 'events.csv');
    try {
      const utc = notesOf(db, { from: '2025-06-01', to: '2025-06-14', tz: 'UTC' });
      expect(utc.notes.map((n) => n.kind)).toEqual(['partial-day']);
      expect(utc.notes[0]!.text).toBe('Jun 14 is a partial day (data ends 06:05): its counts cover only part of it');
      expect([...partialDayLabels(utc.report)]).toEqual([['2025-06-14', 'data ends 06:05']]);

      const ny = notesOf(db, { from: '2025-05-31', to: '2025-06-14', tz: 'America/New_York' });
      expect([...partialDayLabels(ny.report)]).toEqual([
        ['2025-05-31', 'data starts 20:05'],
        ['2025-06-14', 'data ends 02:05'],
      ]);
      expect(ny.notes.find((n) => n.kind === 'partial-day')!.text).toBe(
        'May 31 (data starts 20:05), Jun 14 (data ends 02:05) are partial days: their counts cover only part of them',
      );
      // The default range leaves the partial last day out; it starts a day before the log, a day
      // whose initiated count no data tells.
      const preset = notesOf(db, { tz: 'UTC' });
      expect(preset.report.range).toMatchObject({ from: '2025-05-31', to: '2025-06-13' });
      expect(preset.notes.map((n) => n.text)).toEqual([
        'Rate covers 13 of 14 days: no data tells how many enrollments began on the others',
      ]);
    } finally {
      db.close();
    }
  });

  it('a comparison whose current period ends on a partial day: its caveat as the engine wrote it in English, built from its facts in German', async () => {
    const db = await caseOf((path) => writePartialDayLog(path, '2025-06-01', 14), 'events.csv');
    try {
      const comparison = computeComparison(db, { from: '2025-06-08', to: '2025-06-14', tz: 'UTC' }, 'previous');
      expect(comparison.caveats.map((c) => [c.period, c.kind, c.days])).toEqual([
        ['current', 'partial-days', ['2025-06-14']],
      ]);
      const english = coverageNotes(comparison.current, comparison).filter((n) => n.kind === 'compare');
      expect(english.map((n) => n.text)).toEqual([comparison.caveats[0]!.message]);
      const german = coverageNotes(comparison.current, comparison, translator('de')).filter(
        (n) => n.kind === 'compare',
      );
      expect(german.map((n) => n.text)).toEqual([
        'Der aktuelle Zeitraum enthält einen Teiltag (14. Juni 2025): Die Daten decken ihn nur teilweise ab, eine Veränderung kann also daher rühren.',
      ]);
    } finally {
      db.close();
    }
  });

  it('a log of one part-day says when its data starts and ends', async () => {
    const lines = [
      'timestamp,user,device,platform,event,actionName,screen',
      '2025-06-03T08:00:00Z,a@contoso.example,d1,iOS,start,EnrollmentWrapUp,',
      '2025-06-03T08:10:00Z,a@contoso.example,d1,iOS,cancel,EnrollmentWrapUp,',
      '2025-06-03T09:30:00Z,b@contoso.example,d2,Android,complete,,',
    ];
    const db = await caseOf((path) => writeFileSync(path, `${lines.join('\n')}\n`), 'one-day.csv');
    try {
      const { report, notes } = notesOf(db, { from: '2025-06-03', to: '2025-06-03', tz: 'UTC' });
      expect([...partialDayLabels(report)]).toEqual([['2025-06-03', 'data from 08:00 to 09:30']]);
      expect(notes.map((n) => n.kind)).toEqual(['partial-day']);
    } finally {
      db.close();
    }
  });

  it('a details export alone: initiated unknown, and the rate says why it is "—"', async () => {
    const db = await caseOf((path) => writeDetailsOnly(path, '2025-06-01', 5), 'details.csv');
    try {
      const { report, notes } = notesOf(db, { from: '2025-06-01', to: '2025-06-05', tz: 'UTC' });
      expect(rateReason(report)).toBe('initiated unknown');
      expect(notes.map((n) => [n.kind, n.target])).toEqual([['initiated-unknown', 'initiated']]);
      expect(notes[0]!.text).toMatch(/^Initiated unknown: this export holds only abandoned enrollments/);
    } finally {
      db.close();
    }
  });

  it('a summary alone: incomplete from the summary; for both platforms, left out under a platform filter', async () => {
    const db = await caseOf((path) => writeSummaryOnly(path, '2025-06-01', 7), 'summary.csv');
    try {
      const { report, notes } = notesOf(db, { from: '2025-06-01', to: '2025-06-07', tz: 'UTC' });
      expect(rateReason(report)).toBeNull();
      expect(notes.map((n) => n.kind)).toEqual(['from-summary']);
      expect(notes[0]!.text).toContain(`Incomplete includes ${report.rollup.fromSummary} from Intune's summary`);
      // Three days more than the summary covers: the rate says which days it covers.
      const wider = notesOf(db, { from: '2025-06-01', to: '2025-06-10', tz: 'UTC' });
      expect(wider.notes.find((n) => n.kind === 'rate-covers')!.text).toMatch(/^Rate covers 7 of 10 days/);
    } finally {
      db.close();
    }
    const both = await caseOf((path) => writeSummaryOnly(path, '2025-06-01', 4, { bothPlatforms: true }), 'both.csv');
    try {
      const { report, notes } = notesOf(both, {
        from: '2025-06-01',
        to: '2025-06-04',
        tz: 'UTC',
        platforms: ['Android'],
      });
      expect(rateReason(report)).toBe('initiated unknown');
      expect(notes.find((n) => n.kind === 'initiated-unknown')!.text).toMatch(
        /^Initiated unknown: the only count of enrollments begun is Intune's summary for both platforms together/,
      );
      expect(notes.find((n) => n.kind === 'summary-left-out')!.text).toMatch(
        /^4 summary rows for both platforms together left out/,
      );
    } finally {
      both.close();
    }
  });
});
