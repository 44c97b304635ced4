/** Text and CSV renderings of a Report: pure functions, checked on a real report. */
import { afterEach, describe, expect, it } from 'vitest';
import { computeReport } from '../../../src-main/report/compute-report';
import { CSV_HEADER, csvField, formatCsv } from '../../../src-main/report/format-csv';
import { formatRate, formatText, textTable } from '../../../src-main/report/format-text';
import { importRows, removeTempCases, tempCase } from '../../helpers/case-builder';

afterEach(removeTempCases);

function sampleReport() {
  const db = tempCase();
  importRows(db, {
    details: [
      {
        user: 'a',
        time: '2025-06-01T10:00:00Z',
        action: 'KnoxActivation',
        userAction: 'Closed app',
        platform: 'android',
        screen: 'Odd, "quoted"\nscreen',
      },
      { user: 'b', time: '2025-06-01T10:00:00Z', action: 'TermsofUse', userAction: 'Decline All' },
      { user: 'c', time: '2025-06-02T10:00:00Z', userAction: 'Cancel' },
    ],
    summaries: [{ day: '2025-06-02', initiated: 4, incomplete: 3 }],
  });
  return computeReport(db, { from: '2025-06-01', to: '2025-06-03' });
}

describe('formatCsv', () => {
  it('quotes per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(12)).toBe('12');
  });

  it('writes one table of every section row, CRLF line ends, header first', () => {
    const report = sampleReport();
    const csv = formatCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER.join(','));
    expect(lines[0]).toBe('section,actionName,screen,platform,userAction,count,iOS/iPadOS,Android');
    const rowCount = report.sections.reduce((sum, s) => sum + s.rows.length, 0);
    // The quoted screen holds a line break: count records, not lines.
    expect(csv.match(/\r\n/g)).toHaveLength(rowCount + 1);
    expect(csv).toContain('Platform Screens,KnoxActivation,"Odd, ""quoted""\nscreen",Android,Closed app,1,0,1\r\n');
    expect(csv).toContain(
      'Terms of Use,TermsofUse,Terms of use (if admin configured),iOS/Android,Decline All,1,1,0\r\n',
    );
  });
});

describe('formatText', () => {
  it('aligns columns: numbers right, text left, two spaces between', () => {
    expect(
      textTable(
        ['Name', 'N'],
        [
          ['a', 1],
          ['long name', 100],
        ],
        ['left', 'right'],
      ),
    ).toEqual(['Name         N', '---------  ---', 'a            1', 'long name  100']);
  });

  it('shows the rate as a percentage with one decimal', () => {
    expect(formatRate(0.375)).toBe('37.5%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(null)).toBe('n/a');
  });

  it('renders roll-up, daily table, section tables, data quality and imports in ASCII framing', () => {
    const text = formatText(sampleReport());
    expect(text).toMatch(/^Incomplete user enrollments\nRange: +2025-06-01 to 2025-06-03 \(UTC\)\n/);
    // Revision 2: 06-01 is reached only by details rows (initiated unknown); 06-02's summary gives 4.
    expect(text).toMatch(/Initiated enrollments +4\n/);
    expect(text).toMatch(/Incomplete enrollments +3\n/);
    expect(text).toMatch(/Incomplete rate +25\.0%\n/);
    expect(text).toContain(
      '- The rate covers only the known days (1 of 3): 2 incomplete on 2025-06-01 (initiated unknown) counted in Incomplete, left out of the rate.\n',
    );
    // 06-01: data from 10:00 only (details rows); 06-02 holds a summary row, so it is never partial.
    expect(text).toContain('- 2025-06-01 is a partial day: data from 10:00 to 23:59 UTC');
    expect(text).toMatch(/2025-06-01 +0 +1 +1 +0 +partial\n/);
    expect(text).toMatch(/2025-06-02 +0 +0 +0 +0\n/);
    expect(text).toMatch(/Unclassified \(in Incomplete, no section\) +1\n/);
    expect(text).toContain('Date        Setup Checklist  Platform Screens  Terms of Use  Compliance/Activation  Day\n');
    expect(text).toContain('Terms of Use: 1 incomplete\n');
    expect(text).toContain('KnoxActivation *');
    expect(text).toContain('Data quality\n');
    expect(text).toMatch(/2025-06-02 +both +3 +1\n/);
    expect(text).toMatch(/Imports\n# {2}File/);
    // A line break inside a value does not break the table; the framing is ASCII.
    expect(text).toContain('Odd, "quoted" screen');
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
