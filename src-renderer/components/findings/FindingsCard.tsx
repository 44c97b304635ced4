/**
 * Findings at the top of the report: what the numbers say in words (src-main/findings), each
 * finding opening the attempts behind it in the drill-down, and the caveats that qualify them.
 */
import type { Finding } from '../../../src-main/shared/findings-types';
import { useApp } from '../../store';
import { drillOf } from './finding-drill';
import { FindingsList } from './FindingsList';

export function FindingsCard() {
  const findings = useApp((s) => s.findings);
  const status = useApp((s) => s.findingsStatus);
  const error = useApp((s) => s.findingsError);
  const openDrill = useApp((s) => s.openDrill);
  const open = (finding: Finding): void => {
    const drill = drillOf(finding);
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
        <h2 id="findings-title">Findings</h2>
        <span className="muted">tested on the data; click one to see its attempts</span>
      </div>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {findings ? (
        <FindingsList findings={findings} onOpen={open} idPrefix="findings" />
      ) : (
        status === 'loading' && <p className="muted loading">Looking for findings…</p>
      )}
    </section>
  );
}
