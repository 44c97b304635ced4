/**
 * The running import (progress of every file and overall, in bytes and rows, with Cancel) and,
 * when it ends, a summary per file.
 */
import type { ImportOutcome } from '../../src-main/shared/import-types';
import type { ImportRecord } from '../../src-main/shared/report-types';
import { useT } from '../i18n/I18nProvider';
import { messageText } from '../i18n/user-message';
import type { MessageId } from '../../src-main/shared/i18n/messages';
import { refusalLabel } from '../../src-main/shared/i18n/refusals';
import { useShownOutcomeRecords } from '../privacy';
import { useApp } from '../store';
import type { FileProgress } from '../store/types';
import { ImportRecordDetails } from './ImportRecordDetails';

function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  const { t, f } = useT();
  const percent = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent)}
      aria-valuetext={t('app.import.bytesOf', { read: f.bytes(value), total: f.bytes(max) })}
    >
      <div className="progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

const phaseText: Record<FileProgress['phase'], MessageId> = {
  reading: 'app.import.phase.reading',
  attempts: 'app.import.phase.attempts',
  done: 'app.import.phase.done',
};

function Progress() {
  const { t, f } = useT();
  const status = useApp((s) => s.importStatus);
  const files = useApp((s) => s.importFiles);
  const overall = useApp((s) => s.importOverall);
  const cancel = useApp((s) => s.cancelImport);
  const rows = files.reduce((sum, f) => sum + (f?.rows ?? 0), 0);
  return (
    <section
      className="import-panel"
      aria-label={t('app.import.inProgress')}
      data-testid="import-progress"
      data-status={status}
    >
      <div className="import-head">
        <h2>{status === 'cancelling' ? t('app.import.cancelling') : t('app.import.importing')}</h2>
        <button
          className="button danger"
          onClick={() => void cancel()}
          disabled={status === 'cancelling'}
          data-testid="cancel-import"
        >
          {t('app.import.cancel')}
        </button>
      </div>
      <div className="import-overall">
        <Bar value={overall?.bytesRead ?? 0} max={overall?.totalBytes ?? 0} label={t('app.import.overall')} />
        <p className="import-figures" data-testid="import-overall" aria-live="polite">
          {overall
            ? t('app.import.bytesOf', { read: f.bytes(overall.bytesRead), total: f.bytes(overall.totalBytes) })
            : t('app.import.starting')}{' '}
          · {t('app.import.rowsRead', { count: rows })}
          {files.length > 1 ? ` · ${t('app.import.files', { count: files.length })}` : ''}
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
                <Bar
                  value={file.bytesRead}
                  max={file.totalBytes}
                  label={t('app.import.progressOf', { file: file.file })}
                />
                <span className="import-figures">
                  {t('app.import.bytesOf', { read: f.bytes(file.bytesRead), total: f.bytes(file.totalBytes) })} ·{' '}
                  {t('app.import.rows', { count: file.rows })} · {t(phaseText[file.phase])}
                </span>
              </li>
            ) : (
              <li key={index} className="muted">
                {t('app.import.waiting')}
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
  const tr = useT();
  const { t } = tr;
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
            {t('app.import.importedOf', { imported: record.imported, rows: record.rows })}
            {` · ${t('app.import.duplicates', { count: record.duplicates })}`}
            {skipped > 0 && ` · ${t('app.import.skipped', { count: skipped })}`}
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
          <span className="tag warn">{t('app.import.tag.refused')}</span>
          <span className="outcome-reason" data-testid="refusal-reason">
            {refusalLabel(tr, outcome.reason)}
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
        <span className="tag">{t('app.import.tag.cancelled')}</span>
        <span className="outcome-reason">{t('app.import.nothingKept')}</span>
      </div>
    </li>
  );
}

function Summary({ outcomes }: { outcomes: readonly ImportOutcome[] }) {
  const { t } = useT();
  const dismiss = useApp((s) => s.dismissImport);
  const shown = useShownOutcomeRecords(outcomes);
  const imported = outcomes.filter((o) => o.status === 'imported').length;
  const refused = outcomes.filter((o) => o.status === 'refused').length;
  const cancelled = outcomes.filter((o) => o.status === 'cancelled').length;
  const parts = [
    imported > 0 && t('app.import.summary.imported', { count: imported }),
    refused > 0 && t('app.import.summary.refused', { count: refused }),
    cancelled > 0 && t('app.import.summary.cancelled', { count: cancelled }),
  ].filter(Boolean);
  return (
    <section className="import-panel" aria-label={t('app.import.summary')} data-testid="import-summary">
      <div className="import-head">
        <h2>
          <span role="status">
            {t('app.import.finished', { parts: parts.join(', ') || t('app.import.nothingToImport') })}
          </span>
        </h2>
        <button className="button ghost" onClick={dismiss} data-testid="dismiss-import">
          {t('app.import.close')}
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
  const { t } = useT();
  const status = useApp((s) => s.importStatus);
  const outcomes = useApp((s) => s.importOutcomes);
  const error = useApp((s) => s.importError);
  const dismiss = useApp((s) => s.dismissImport);
  return (
    <>
      {error && (
        <div className="notice" role="alert" data-testid="import-error">
          <span>{messageText(t, error)}</span>
          <button className="button ghost small" onClick={dismiss}>
            {t('app.notice.dismiss')}
          </button>
        </div>
      )}
      {(status === 'running' || status === 'cancelling') && <Progress />}
      {status === 'done' && outcomes && <Summary outcomes={outcomes} />}
    </>
  );
}
