/**
 * Findings at the top of the report: what the numbers say in words (src-main/findings), each
 * finding opening the attempts behind it in the drill-down, and the caveats that qualify them.
 */
import { memo } from 'react';
import type { Finding } from '../../../src-main/shared/findings-types';
import { useT } from '../../i18n/I18nProvider';
import { useApp } from '../../store';
import { drillOf } from './finding-drill';
import { FindingsList } from './FindingsList';

export const FindingsCard = memo(function FindingsCard() {
  const tr = useT();
  const { t } = tr;
  const findings = useApp((s) => s.findings);
  const status = useApp((s) => s.findingsStatus);
  const error = useApp((s) => s.findingsError);
  const openDrill = useApp((s) => s.openDrill);
  const open = (finding: Finding): void => {
    const drill = drillOf(finding, tr);
    if (drill) openDrill(drill.target, drill.title, drill.expected, undefined, drill.platform);
  };
  return (
    <section
      className="card findings-card"
      aria-labelledby="findings-title"
      data-testid="findings"
      data-findings-status={status}
    >
      <div className="card-head">
        <h2 id="findings-title">{t('app.findings.title')}</h2>
        <span className="muted">{t('app.findings.hint')}</span>
      </div>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {findings ? (
        <FindingsList findings={findings} onOpen={open} idPrefix="findings" />
      ) : (
        status === 'loading' && <p className="muted loading">{t('app.findings.looking')}</p>
      )}
    </section>
  );
});
