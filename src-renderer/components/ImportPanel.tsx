/**
 * The running import (progress of every file and overall, in bytes and rows, with Cancel) and,
 * when it ends, a summary per file.
 */
import type { ImportOutcome } from '../../src-main/shared/import-types';
import type { ImportRecord } from '../../src-main/shared/report-types';
import { formatBytes, formatCount, plural } from '../format';
import { useShownOutcomeRecords } from '../privacy';
import { useApp } from '../store';
import type { FileProgress } from '../store/types';
import { ImportRecordDetails } from './ImportRecordDetails';

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      aria-valuetext={`${formatBytes(value)} of ${formatBytes(max)}`}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

const phaseText: Record<FileProgress['phase'], string> = {
  reading: 'reading',
  attempts: 'building attempts',
  done: 'done',
};

function Progress() {
  const status = useApp((s) => s.importStatus);
  const files = useApp((s) => s.importFiles);
  const overall = useApp((s) => s.importOverall);
  const cancel = useApp((s) => s.cancelImport);
  const rows = files.reduce((sum, f) => sum + (f?.rows ?? 0), 0);
  return (
    <section
      className="import-panel"
      aria-label="Import in progress"
      data-testid="import-progress"
      data-status={status}
    >
      <div className="import-head">
        <h2>{status === 'cancelling' ? 'Cancelling the import…' : 'Importing…'}</h2>
        <button
          className="button danger"
          onClick={() => void cancel()}
          disabled={status === 'cancelling'}
          data-testid="cancel-import"
        >
          Cancel
        </button>
      </div>
      <div className="import-overall">
        <Bar value={overall?.bytesRead ?? 0} max={overall?.totalBytes ?? 0} label="Overall progress" />
        <p className="import-figures" data-testid="import-overall" aria-live="polite">
          {overall ? `${formatBytes(overall.bytesRead)} of ${formatBytes(overall.totalBytes)}` : 'Starting…'} ·{' '}
          {plural(rows, 'row')} read{files.length > 1 ? ` · ${plural(files.length, 'file')}` : ''}
        </p>
      </div>
      {files.length > 0 && (
        <ul className="import-files">
          {files.map((file, index) =>
            file ? (
              <li key={index} data-testid="import-file-progress">
                <span className="file-name" title={file.file}>
                  {file.file}
                </span>
                <Bar value={file.bytesRead} max={file.totalBytes} label={`Progress of ${file.file}`} />
                <span className="import-figures">
                  {formatBytes(file.bytesRead)} of {formatBytes(file.totalBytes)} · {plural(file.rows, 'row')} ·{' '}
                  {phaseText[file.phase]}
                </span>
              </li>
            ) : (
              <li key={index} className="muted">
                waiting…
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** `shown`: the outcome's record as the view shows it (privacy.ts), null when nothing was imported. */
function OutcomeCard({ outcome, shown }: { outcome: ImportOutcome; shown: ImportRecord | null }) {
  if (outcome.status === 'imported') {
    const record = shown ?? outcome.record;
    const skipped = Object.values(record.skipped).reduce((a, b) => a + b, 0);
    return (
      <li className="outcome ok" data-testid="import-outcome" data-status="imported">
        <div className="outcome-head">
          <span className="status-dot" aria-hidden="true" />
          <strong className="file-name">{outcome.file}</strong>
          <span className="tag">{record.format}</span>
          <span className="outcome-figures">
            {formatCount(record.imported)} of {plural(record.rows, 'row')} imported
            {` · ${plural(record.duplicates, 'duplicate')}`}
            {skipped > 0 && ` · ${formatCount(skipped)} skipped`}
          </span>
        </div>
        <ImportRecordDetails record={record} maxExamples={1} />
      </li>
    );
  }
  if (outcome.status === 'refused') {
    return (
      <li className="outcome refused" data-testid="import-outcome" data-status="refused">
        <div className="outcome-head">
          <span className="status-dot" aria-hidden="true" />
          <strong className="file-name">{outcome.file}</strong>
          <span className="tag warn">refused</span>
          <span className="outcome-reason" data-testid="refusal-reason">
            {outcome.reason}
          </span>
        </div>
      </li>
    );
  }
  return (
    <li className="outcome cancelled" data-testid="import-outcome" data-status="cancelled">
      <div className="outcome-head">
        <span className="status-dot" aria-hidden="true" />
        <strong className="file-name">{outcome.file}</strong>
        <span className="tag">cancelled</span>
        <span className="outcome-reason">Nothing of this file was kept.</span>
      </div>
    </li>
  );
}

function Summary({ outcomes }: { outcomes: readonly ImportOutcome[] }) {
  const dismiss = useApp((s) => s.dismissImport);
  const shown = useShownOutcomeRecords(outcomes);
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const refused = outcomes.filter((o) => o.status === 'refused').length;
  const cancelled = outcomes.filter((o) => o.status === 'cancelled').length;
  const parts = [
    imported > 0 && `${plural(imported, 'file')} imported`,
    refused > 0 && `${formatCount(refused)} refused`,
    cancelled > 0 && `${formatCount(cancelled)} cancelled`,
  ].filter(Boolean);
  return (
    <section className="import-panel" aria-label="Import summary" data-testid="import-summary">
      <div className="import-head">
        <h2>
          <span role="status">Import finished: {parts.join(', ') || 'nothing to import'}</span>
        </h2>
        <button className="button ghost" onClick={dismiss} data-testid="dismiss-import">
          Close
        </button>
      </div>
      <ul className="outcomes">
        {outcomes.map((outcome, index) => (
          <OutcomeCard key={index} outcome={outcome} shown={shown[index] ?? null} />
        ))}
      </ul>
    </section>
  );
}

export function ImportPanel() {
  const status = useApp((s) => s.importStatus);
  const outcomes = useApp((s) => s.importOutcomes);
  const error = useApp((s) => s.importError);
  const dismiss = useApp((s) => s.dismissImport);
  return (
    <>
      {error && (
        <div className="notice" role="alert" data-testid="import-error">
          <span>{error}</span>
          <button className="button ghost small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
      )}
      {(status === 'running' || status === 'cancelling') && <Progress />}
      {status === 'done' && outcomes && <Summary outcomes={outcomes} />}
    </>
  );
}
