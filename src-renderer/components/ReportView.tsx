/** The report of spec section 5: filters beside roll-up, chart, section tables and data quality. */
import { reportKey } from '../../src-main/shared/report-key';
import { useApp } from '../store';
import { ActiveFilters } from './ActiveFilters';
import { DataQualityPanel } from './DataQualityPanel';
import { FilterPanel } from './FilterPanel';
import { RollupHeader } from './RollupHeader';
import { SectionChart } from './SectionChart';
import { SectionTables } from './SectionTables';

export function ReportView() {
  const report = useApp((s) => s.report);
  const status = useApp((s) => s.reportStatus);
  const error = useApp((s) => s.reportError);
  return (
    <div className="report-layout">
      <FilterPanel />
      <main
        id="report"
        className="report"
        tabIndex={-1}
        data-testid="report"
        data-report-status={status}
        data-report-key={report ? reportKey(report) : ''}
        aria-busy={status === 'loading'}
      >
        {error && (
          <div className="notice" role="alert" data-testid="report-error">
            {error}
          </div>
        )}
        {report ? (
          <>
            <ActiveFilters report={report} />
            <RollupHeader report={report} />
            <SectionChart report={report} />
            <SectionTables report={report} />
            <DataQualityPanel report={report} />
          </>
        ) : (
          status === 'loading' && <p className="muted loading">Computing the report…</p>
        )}
      </main>
    </div>
  );
}
