/**
 * Data quality: what the numbers rest on and what was left out. Skipped rows by reason with
 * examples and line numbers, duplicates, refused files, unclassified attempts, summary mismatches,
 * summary rows left out, days without data; then the imports of the case.
 */
import type { ReactNode } from 'react';
import type { RefusedFile } from '../../src-main/shared/ipc-contract';
import type { ImportRecord, Report } from '../../src-main/shared/report-types';
import { partialDayLabels } from '../coverage';
import type { Translator } from '../../src-main/shared/i18n/translator';
import { dataQualityNoteTexts } from '../../src-main/shared/i18n/engine-notes';
import { skipReasonLabel } from '../../src-main/shared/i18n/vocabulary';
import { refusalLabel } from '../../src-main/shared/i18n/refusals';
import { useT } from '../i18n/I18nProvider';
import { useApp } from '../store';
import { ImportRecordDetails } from './ImportRecordDetails';
import { ImportCountCells, ImportCountHeaders } from './ImportCounts';
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
  const { f } = useT();
  const zero = count === 0;
  return (
    <li className={zero ? 'dq-item ok' : 'dq-item warn'} data-testid={testId}>
      <div className="dq-head">
        <span className="dq-mark" aria-hidden="true">
          {zero ? '✓' : '!'}
        </span>
        <span className="dq-label">{label}</span>
        <span className="dq-count" data-testid={`${testId}-count`}>
          {typeof count === 'number' ? f.count(count) : count}
        </span>
      </div>
      {!zero && children && <div className="dq-body">{children}</div>}
    </li>
  );
}

export function RefusedFiles({ refused }: { refused: readonly RefusedFile[] }) {
  const tr = useT();
  return (
    <ul className="dq-list" data-testid="refused-files">
      {refused.map((entry, index) => (
        <li key={`${entry.at}-${index}`}>
          <strong>{entry.file}</strong>: {refusalLabel(tr, entry.reason)}{' '}
          <span className="muted">({entry.at.slice(0, 16).replace('T', ' ')} UTC)</span>
        </li>
      ))}
    </ul>
  );
}

/** Skipped rows of every import, by reason, with examples naming file and line. */
function skippedByReason(
  imports: readonly ImportRecord[],
  { t }: Translator,
): { reason: string; count: number; examples: string[] }[] {
  const byReason = new Map<string, { count: number; examples: string[] }>();
  for (const record of imports) {
    for (const [reason, count] of Object.entries(record.skipped)) {
      const entry = byReason.get(reason) ?? { count: 0, examples: [] };
      entry.count += count;
      for (const example of record.examples) {
        if (example.reason === reason && entry.examples.length < 3) {
          entry.examples.push(
            example.detail
              ? t('app.dq.exampleWithValue', { file: record.file, line: example.line, value: example.detail })
              : t('app.dq.example', { file: record.file, line: example.line }),
          );
        }
      }
      byReason.set(reason, entry);
    }
  }
  return [...byReason.entries()].map(([reason, v]) => ({ reason, ...v })).sort((a, b) => b.count - a.count);
}

function ImportsTable({ imports }: { imports: readonly ImportRecord[] }) {
  const { t } = useT();
  return (
    <section className="card" aria-labelledby="imports-title" data-testid="case-imports">
      <div className="card-head">
        <h2 id="imports-title">{t('app.imports.title')}</h2>
        <span className="muted">{t('app.import.files', { count: imports.length })}</span>
      </div>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('app.imports.file')}</th>
              <th scope="col">{t('app.imports.format')}</th>
              <ImportCountHeaders />
              <th scope="col">{t('app.imports.importedOn')}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((record) => {
              return (
                <tr key={record.id}>
                  <td className="file-name" title={`${record.file} (SHA-256 ${record.sha256})`}>
                    {record.file}
                  </td>
                  <td className="nowrap">{record.format}</td>
                  <ImportCountCells record={record} />
                  <td className="nowrap">{record.importedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {imports.some((r) => Object.keys(r.skipped).length > 0) && (
        <details className="skips-details">
          <summary>{t('app.imports.skippedOfEach')}</summary>
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
  const tr = useT();
  const { t, f } = tr;
  const dq = report.dataQuality;
  const partial = partialDayLabels(report, tr);
  const imports = useShownImports(report);
  const skipped = skippedByReason(imports, tr);
  const sectionFilter = report.filters.sections.length < 4;
  return (
    <>
      <section className="card" aria-labelledby="dq-title" data-testid="data-quality">
        <div className="card-head">
          <h2 id="dq-title">{t('app.dq.title')}</h2>
        </div>
        <ul className="dq">
          <Item label={t('app.dq.skipped')} count={dq.skippedRows} testId="dq-skipped">
            <table className="data-table compact">
              <thead>
                <tr>
                  <th scope="col">{t('app.dq.reason')}</th>
                  <th scope="col" className="num">
                    {t('app.skips.rows')}
                  </th>
                  <th scope="col">{t('app.dq.examples')}</th>
                </tr>
              </thead>
              <tbody>
                {skipped.map((entry) => (
                  <tr key={entry.reason}>
                    <td>{skipReasonLabel(t, entry.reason)}</td>
                    <td className="num">{f.count(entry.count)}</td>
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
          <Item label={t('app.dq.duplicates')} count={dq.duplicateRows} testId="dq-duplicates">
            <p>{t('app.dq.duplicatesText')}</p>
          </Item>
          <Item label={t('app.dq.refused')} count={refused.length} testId="dq-refused">
            <RefusedFiles refused={refused} />
          </Item>
          {!sectionFilter && (
            <Item
              label={t('app.dq.unclassified')}
              count={report.rollup.unclassified - report.rollup.fromSummary}
              testId="dq-unclassified"
            >
              <p>{t('app.dq.unclassifiedText')}</p>
            </Item>
          )}
          <Item label={t('app.dq.mismatches')} count={dq.summaryMismatches.length} testId="dq-mismatches">
            <SummaryMismatchTable mismatches={dq.summaryMismatches} className="data-table compact" />
          </Item>
          {dq.summaryRowsLeftOut > 0 && (
            <Item label={t('app.dq.leftOut')} count={dq.summaryRowsLeftOut} testId="dq-left-out">
              <p>{t('app.dq.leftOutText')}</p>
            </Item>
          )}
          <Item label={t('app.dq.gaps')} count={dq.daysWithoutData.length} testId="dq-gaps">
            <p>{t('app.dq.gapsText', { days: f.dayRuns(dq.daysWithoutData) })}</p>
          </Item>
          <Item label={t('app.dq.partial')} count={partial.size} testId="dq-partial">
            <ul className="dq-list">
              {[...partial].map(([day, extent]) => (
                <li key={day}>{t('app.dq.partialText', { day: f.longDay(day), extent })}</li>
              ))}
            </ul>
          </Item>
        </ul>
        {dq.notes.length > 0 && (
          <ul className="dq-notes">
            {dataQualityNoteTexts(tr, dq).map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
      </section>
      <ImportsTable imports={imports} />
    </>
  );
}
