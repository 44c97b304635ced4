/** The shell: header, drop target, import panel, and the report (or the empty state). */
import { AppHeader } from './components/AppHeader';
import { DropZone } from './components/DropZone';
import { EmptyState } from './components/EmptyState';
import { ImportPanel } from './components/ImportPanel';
import { Notice } from './components/Notice';
import { ReportView } from './components/ReportView';
import { useApp } from './store';

export function App() {
  const ready = useApp((s) => s.ready);
  const hasData = useApp((s) => (s.caseInfo?.importCount ?? 0) > 0);
  return (
    <DropZone>
      <a className="skip-link" href="#report">
        Skip to the report
      </a>
      <AppHeader />
      <Notice />
      <ImportPanel />
      {ready && (hasData ? <ReportView /> : <EmptyState />)}
    </DropZone>
  );
}
