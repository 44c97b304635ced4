/**
 * The section tables as one CSV table (RFC 4180: CRLF line ends, fields quoted when they hold a
 * comma, a double quote or a line break, quotes doubled). The caller writes it as UTF-8; no BOM,
 * so that scripts reading it see the header as written.
 */
import type { Report } from '../shared/report-types';

export const CSV_HEADER = [
  'section',
  'actionName',
  'screen',
  'platform',
  'userAction',
  'count',
  'iOS/iPadOS',
  'Android',
];

export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatCsv(report: Report): string {
  const lines = [CSV_HEADER.map(csvField).join(',')];
  for (const table of report.sections) {
    for (const row of table.rows) {
      lines.push(
        [
          table.section,
          row.actionName,
          row.screen,
          row.platform,
          row.userAction,
          row.count,
          row.byPlatform['iOS/iPadOS'],
          row.byPlatform.Android,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
