/**
 * Data quality: what the numbers rest on and what was left out. Skipped rows by reason with
 * examples and line numbers, duplicates, refused files, unclassified attempts, summary mismatches,
 * summary rows left out, days without data; then the imports of the case.
 */
import type { ReactNode } from 'react';
import type { RefusedFile } from '../../src-main/shared/ipc-contract';
import type { ImportRecord, Report } from '../../src-main/shared/report-types';
import { partialDayLabels } from '../coverage';
import { formatCount, formatDayRuns, formatLongDay, plural } from '../format';
import { useApp } from '../store';
import { ImportRecordDetails } from './ImportRecordDetails';
import { SummaryMismatchTable } from './SummaryMismatchTable';
import { useShownImports } from '../privacy';

function Item({
  label,
  count,
  children,
  testId,
}: {
  label: string;
  count: number | string;
  children?: ReactNode;
  testId: string;
}) {
  const zero = count === 0;
  return (
    <li className={zero ? 'dq-item ok' : 'dq-item warn'} data-testid={testId}>
      <div className="dq-head">
        <span className="dq-mark" aria-hidden="true">
          {zero ? '✓' : '!'}
        </span>
        <span className="dq-label">{label}</span>
        <span className="dq-count" data-testid={`${testId}-count`}>
          {typeof count === 'number' ? formatCount(count) : count}
        </span>
      </div>
      {!zero && children && <div className="dq-body">{children}</div>}
    </li>
  );
}

export function RefusedFiles({ refused }: { refused: readonly RefusedFile[] }) {
  return (
    <ul className="dq-list" data-testid="refused-files">
      {refused.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <strong>{entry.file}</strong>: {entry.reason}{' '}
          <span className="muted">({entry.at.slice(0, 16).replace('T', ' ')} UTC)</span>
        </li>
      ))}
    </ul>
  );
}

/** Skipped rows of every import, by reason, with examples naming file and line. */
function skippedByReason(imports: readonly ImportRecord[]): { reason: string; count: number; examples: string[] }[] {
  const byReason = new Map<string, { count: number; examples: string[] }>();
  for (const record of imports) {
    for (const [reason, count] of Object.entries(record.skipped)) {
      const entry = byReason.get(reason) ?? { count: 0, examples: [] };
      entry.count += count;
      for (const example of record.examples) {
        if (example.reason === reason && entry.examples.length < 3) {
          entry.examples.push(`${record.file} line ${example.line}${example.detail ? `: ${example.detail}` : ''}`);
        }
      }
      byReason.set(reason, entry);
    }
  }
  return [...byReason.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.count - a.count);
}

function ImportsTable({ imports }: { imports: readonly ImportRecord[] }) {
  return (
    <section className="card" aria-labelledby="imports-title" data-testid="case-imports">
      <div className="card-head">
        <h2 id="imports-title">Imports in this case</h2>
        <span className="muted">{plural(imports.length, 'file')}</span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col" className="num">
                Imported
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col">Imported on</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => {
              const skipped = Object.values(record.skipped).reduce((a, b) => a + b, 0);
              return (
                <tr key={record.id}>
                  <td className="file-name" title={`${record.file} (SHA-256 ${record.sha256})`}>
                    {record.file}
                  </td>
                  <td className="nowrap">{record.format}</td>
                  <td className="num">{formatCount(record.rows)}</td>
                  <td className="num">{formatCount(record.imported)}</td>
                  <td className="num">{formatCount(record.duplicates)}</td>
                  <td className="num">{formatCount(skipped)}</td>
                  <td className="nowrap">{record.importedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {imports.some((r) => Object.keys(r.skipped).length > 0) && (
        <details className="skips-details">
          <summary>Skipped rows of each file</summary>
          {imports
            .filter((r) => Object.keys(r.skipped).length > 0)
            .map((record) => (
              <div key={record.id} className="skips-file">
                <h4>{record.file}</h4>
                <ImportRecordDetails record={record} />
              </div>
            ))}
        </details>
      )}
    </section>
  );
}

export function DataQualityPanel({ report }: { report: Report }) {
  const refused = useApp((s) => s.caseInfo?.refused ?? []);
  const dq = report.dataQuality;
  const partial = partialDayLabels(report);
  const imports = useShownImports(report);
  const skipped = skippedByReason(imports);
  const sectionFilter = report.filters.sections.length < 4;
  return (
    <>
      <section className="card" aria-labelledby="dq-title" data-testid="data-quality">
        <div className="card-head">
          <h2 id="dq-title">Data quality</h2>
        </div>
        <ul className="dq">
          <Item label="Rows skipped on import (all files of the case)" count={dq.skippedRows} testId="dq-skipped">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col" className="num">
                    Rows
                  </th>
                  <th scope="col">Examples</th>
                </tr>
              </thead>
              <tbody>
                {skipped.map((entry) => (
                  <tr key={entry.reason}>
                    <td className="nowrap">{entry.reason}</td>
                    <td className="num">{formatCount(entry.count)}</td>
                    <td className="examples">
                      {entry.examples.map((example) => (
                        <span key={example} className="example" title={example}>
                          {example}
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Item>
          <Item
            label="Duplicate rows, stored once (all files of the case)"
            count={dq.duplicateRows}
            testId="dq-duplicates"
          >
            <p>Rows identical to one already in the case were counted once.</p>
          </Item>
          <Item label="Files refused" count={refused.length} testId="dq-refused">
            <RefusedFiles refused={refused} />
          </Item>
          {!sectionFilter && (
            <Item
              label="Unclassified incomplete attempts"
              count={report.rollup.unclassified - report.rollup.fromSummary}
              testId="dq-unclassified"
            >
              <p>
                Attempts that ended before any action name was known: they have no section. Counted in Incomplete
                enrollments.
              </p>
            </Item>
          )}
          <Item
            label="Summary rows that disagree with the attempts"
            count={dq.summaryMismatches.length}
            testId="dq-mismatches"
          >
            <SummaryMismatchTable mismatches={dq.summaryMismatches} className="data-table compact" />
          </Item>
          {dq.summaryRowsLeftOut > 0 && (
            <Item
              label="Summary rows left out (they cover both platforms)"
              count={dq.summaryRowsLeftOut}
              testId="dq-left-out"
            >
              <p>
                Under an OS filter, a summary row without a platform cannot be split, so its initiated count is left
                out.
              </p>
            </Item>
          )}
          <Item label="Days without data" count={dq.daysWithoutData.length} testId="dq-gaps">
            <p>{formatDayRuns(dq.daysWithoutData)}: shown as gaps in the chart.</p>
          </Item>
          <Item label="Partial days (the data covers only part of the day)" count={partial.size} testId="dq-partial">
            <ul className="dq-list">
              {[...partial].map(([day, extent]) => (
                <li key={day}>
                  {formatLongDay(day)}: {extent}. Hatched in the chart, its counts are not a drop.
                </li>
              ))}
            </ul>
          </Item>
        </ul>
        {dq.notes.length > 0 && (
          <ul className="dq-notes">
            {dq.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </section>
      <ImportsTable imports={imports} />
    </>
  );
}
