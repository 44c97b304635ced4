/** Exports and guidance (item 6): pure functions of a report. */
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { listAttempts } from '../../../src-main/drilldown/attempts';
import { computeComparison } from '../../../src-main/compare/compare';
import { computeFunnel } from '../../../src-main/funnel/funnel';
import type { FailuresReport } from '../../../src-main/shared/failures-types';
import { computeReport } from '../../../src-main/report/compute-report';
import {
  BOM,
  exportAttemptsCsv,
  exportComparisonCsv,
  exportDailyCsv,
  exportFailuresCsv,
  exportFunnelCsv,
  exportReportJson,
  exportSectionTableCsv,
  exportSectionTablesCsv,
} from '../../../src-main/exports/exports';
import { GUIDANCE, guidanceFor, topGuidance } from '../../../src-main/shared/guidance';
import { ACTION_NAMES, CATALOG } from '../../../src-main/shared/taxonomy';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

function sampleReport(tz = 'Europe/Berlin') {
  const db = tempCase();
  importRows(db, {
    details: [
      { user: 'a', time: '2025-06-01T10:00:00', userAction: 'Ignore', action: 'iOSProfileLaunch' },
      { user: 'b', time: '2025-06-02T10:00:00', userAction: 'Ignore', action: 'iOSProfileLaunch' },
      { user: 'c', time: '2025-06-02T11:00:00', userAction: 'Decline All', action: 'TermsofUse' },
      {
        user: 'd',
        time: '2025-06-02T12:00:00',
        userAction: 'Cancel',
        action: 'Compliance',
        screen: '=HYPERLINK("x"), "quoted"',
      },
    ],
  });
  return { db, report: computeReport(db, { from: '2025-06-01', to: '2025-06-03', tz }) };
}

const parse = (text: string): string[][] => {
  expect(text.startsWith(BOM)).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return Papa.parse<string[]>(text.slice(1).trimEnd(), { newline: '\r\n' }).data;
};

describe('CSV exports', () => {
  it('section tables: BOM, one header, every row of every table, the zone and range on each row', () => {
    const { report } = sampleReport();
    const rows = parse(exportSectionTablesCsv(report));
    expect(rows[0]).toEqual([
      'section',
      'actionName',
      'screen',
      'platform',
      'userAction',
      'count',
      'iOS/iPadOS',
      'Android',
      'catalog',
      'from',
      'to',
      'timeZone',
    ]);
    expect(rows).toHaveLength(1 + report.sections.reduce((n, t) => n + t.rows.length, 0));
    const ignore = rows.find((r) => r[1] === 'iOSProfileLaunch' && r[4] === 'Ignore');
    expect(ignore).toEqual([
      'Platform Screens',
      'iOSProfileLaunch',
      'Prompt to show a configuration profile',
      'iOS/iPadOS',
      'Ignore',
      '2',
      '2',
      '0',
      'yes',
      '2025-06-01',
      '2025-06-03',
      'Europe/Berlin',
    ]);
    // A screen that Excel would take for a formula keeps its text behind an apostrophe; quotes are doubled.
    const custom = rows.find((r) => r[1] === 'Compliance' && r[4] === 'Cancel');
    expect(custom?.[2]).toBe(`'=HYPERLINK("x"), "quoted"`);
    expect(custom?.[8]).toBe('no');
  });

  it('one section table', () => {
    const { report } = sampleReport();
    const rows = parse(exportSectionTableCsv(report, 'Terms of Use'));
    expect(rows.slice(1).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Terms of Use', 'Decline All', '1'],
      ['Terms of Use', 'Exceeded 30 minutes', '0'],
    ]);
    const other = computeReport(sampleReport().db, {
      from: '2025-06-01',
      to: '2025-06-03',
      sections: ['Terms of Use'],
    });
    expect(parse(exportSectionTableCsv(other, 'Setup Checklist'))).toHaveLength(1);
  });

  it('daily: every day, one column per section shown, the zone named', () => {
    const { report } = sampleReport();
    expect(parse(exportDailyCsv(report))).toEqual([
      [
        'date',
        'Setup Checklist',
        'Platform Screens',
        'Terms of Use',
        'Compliance/Activation',
        'timeZone',
        'partialDay',
      ],
      // The data runs 06-01 10:00Z to 06-02 12:00Z: both days partial in Berlin (revision 2).
      ['2025-06-01', '0', '1', '0', '0', 'Europe/Berlin', 'yes'],
      ['2025-06-02', '0', '1', '1', '1', 'Europe/Berlin', 'yes'],
      ['2025-06-03', '0', '0', '0', '0', 'Europe/Berlin', ''],
    ]);
  });

  it('report JSON is the command line shape: the notes in English, their display-only facts left out', () => {
    const { report } = sampleReport('UTC');
    const text = exportReportJson(report);
    const { noteItems, ...quality } = report.dataQuality;
    expect(noteItems).toHaveLength(quality.notes.length);
    const machine = { ...report, dataQuality: quality };
    expect(text).toBe(`${JSON.stringify(machine, null, 2)}\n`);
    expect(JSON.parse(text)).toEqual(machine);
  });

  it('drill-down rows: Excel flavour with BOM, plain flavour without', () => {
    const { db } = sampleReport();
    const page = listAttempts(db, { from: '2025-06-01', to: '2025-06-03', tz: 'Europe/Berlin' });
    const rows = parse(exportAttemptsCsv(page.rows, 'Europe/Berlin'));
    expect(rows).toHaveLength(5);
    expect(rows[1]).toEqual([
      'a',
      '',
      'iOS/iPadOS',
      '2025-06-01T10:00:00.000Z',
      '2025-06-01T12:00:00.000+02:00',
      '2025-06-01',
      '2025-06-01T10:00:00.000Z',
      '0',
      'incomplete',
      'iOSProfileLaunch',
      'Prompt to show a configuration profile',
      'Ignore',
      'Platform Screens',
      'details',
      expect.stringMatching(/\.csv$/),
      '2',
      'Europe/Berlin',
    ]);
    const plain = exportAttemptsCsv(page.rows, 'Europe/Berlin', { excel: false });
    expect(plain.startsWith('user,device')).toBe(true);
    expect(plain).toContain('"\'=HYPERLINK(""x""), ""quoted"""');
  });

  it('funnel, failures and comparison tables', () => {
    const { db } = sampleReport();
    const filter = { from: '2025-06-01', to: '2025-06-03', tz: 'Europe/Berlin' };
    const funnel = parse(exportFunnelCsv(computeFunnel(db, filter)));
    expect(funnel[0]).toEqual([
      'section',
      'reached',
      'incomplete',
      'stepConversion',
      'overallConversion',
      'medianMs',
      'p75Ms',
      'initiated',
      'from',
      'to',
      'timeZone',
    ]);
    // Revision 2: details rows alone do not say how many enrollments began: no share, no initiated.
    expect(funnel[4]).toEqual([
      'Compliance/Activation',
      '1',
      '1',
      '',
      '',
      '0',
      '0',
      '',
      '2025-06-01',
      '2025-06-03',
      'Europe/Berlin',
    ]);
    const view: FailuresReport = {
      range: { from: '2025-06-01', to: '2025-06-01', tz: 'UTC' },
      total: 2,
      daily: [{ date: '2025-06-01', count: 2 }],
      byReason: [{ reason: '+Timeout', count: 2 }],
      byOs: [{ os: 'iOS', count: 2 }],
      byMethod: [{ method: 'Company Portal', count: 2 }],
      byCategory: [{ category: 'userAbandonment', count: 2 }],
    };
    expect(parse(exportFailuresCsv(view))).toEqual([
      ['dimension', 'value', 'count', 'from', 'to', 'timeZone'],
      ['date', '2025-06-01', '2', '2025-06-01', '2025-06-01', 'UTC'],
      ['reason', "'+Timeout", '2', '2025-06-01', '2025-06-01', 'UTC'],
      ['category', 'userAbandonment', '2', '2025-06-01', '2025-06-01', 'UTC'],
      ['os', 'iOS', '2', '2025-06-01', '2025-06-01', 'UTC'],
      ['method', 'Company Portal', '2', '2025-06-01', '2025-06-01', 'UTC'],
    ]);
    const comparison = parse(exportComparisonCsv(computeComparison(db, { from: '2025-06-02', to: '2025-06-02' })));
    expect(comparison[0]).toEqual([
      'section',
      'actionName',
      'screen',
      'platform',
      'userAction',
      'current',
      'previous',
      'delta',
      'currentFrom',
      'currentTo',
      'previousFrom',
      'previousTo',
      'timeZone',
    ]);
    expect(comparison.find((r) => r[4] === 'Ignore')).toEqual([
      'Platform Screens',
      'iOSProfileLaunch',
      'Prompt to show a configuration profile',
      'iOS/iPadOS',
      'Ignore',
      '1',
      '1',
      '0',
      '2025-06-02',
      '2025-06-02',
      '2025-06-01',
      '2025-06-01',
      'UTC',
    ]);
  });
});

describe('guidance', () => {
  it('has a note for every catalog row and a Closed app and a general note for every action name', () => {
    for (const row of CATALOG) {
      const note = guidanceFor(row.actionName, row.userAction);
      expect(note, `${row.actionName} ${row.userAction}`).toMatchObject({
        actionName: row.actionName,
        userAction: row.userAction,
      });
    }
    for (const action of ACTION_NAMES) {
      expect(guidanceFor(action, 'Closed app')?.userAction).toBe('Closed app');
      expect(GUIDANCE.filter((g) => g.actionName === action && g.userAction === null)).toHaveLength(1);
    }
    // Other user actions fall back to the action name's general note; unknown actions have none.
    expect(guidanceFor('termsofuse', 'cancel')).toMatchObject({ actionName: 'TermsofUse', userAction: null });
    expect(guidanceFor('(unknown)', 'Closed app')).toBeUndefined();
  });

  it('stays modest: short texts, no links, one note per action name and user action', () => {
    const keys = GUIDANCE.map((g) => `${g.actionName}|${g.userAction}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const note of GUIDANCE) {
      const texts = [note.whatUsersSaw, ...note.whatAdminsCanChange];
      expect(note.whatAdminsCanChange.length).toBeGreaterThan(0);
      for (const text of texts) {
        expect(text).not.toMatch(/https?:|www\./i);
        expect(text.length).toBeLessThanOrEqual(320);
      }
    }
    expect(guidanceFor('iOSProfileLaunch', 'Ignore')?.whatAdminsCanChange.join(' ')).toMatch(/8 minutes/);
    expect(guidanceFor('AndroidPermissions', 'Cancel')?.whatAdminsCanChange.join(' ')).toMatch(/Android Enterprise/);
  });

  it('topGuidance: the largest rows first, ties in table order', () => {
    const { report } = sampleReport();
    const top = topGuidance(report, 2);
    expect(top.map((t) => [t.section, t.row.actionName, t.row.userAction, t.row.count])).toEqual([
      ['Platform Screens', 'iOSProfileLaunch', 'Ignore', 2],
      ['Terms of Use', 'TermsofUse', 'Decline All', 1],
    ]);
    expect(top[0]!.guidance.userAction).toBe('Ignore');
    expect(topGuidance(report, 10)).toHaveLength(3);
  });
});
