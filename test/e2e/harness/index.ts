/**
 * The harness as one module, built to out/tools/harness.js (electron.vite.tools.config.ts) so the
 * e2e tests drive the main-process code bundled as the app's is (the same sources and bundler,
 * workers found beside the bundle), plus the engine functions tests compare the page with. The
 * screenshot tool is built beside it.
 */
export { openHarness, ScriptedDialogs, type Harness, type HarnessOptions, type EmittedEvent } from './app';
export { serveRenderer, type RendererServer } from './server';
export { CHROMIUM_ARGS, bundledSampleCase, chromiumPath, projectRoot, rendererDir } from './paths';
export { computeReport } from '../../../src-main/report/compute-report';
export { openCase } from '../../../src-main/store/case-file';
export { listImports } from '../../../src-main/store/imports';
export { writeSyntheticLog } from '../../../src-main/tools/synthetic-log';
export { writeSampleInputs } from '../../../src-main/tools/make-sample';
// What the drill-down, comparison, funnel, failures, notes and exports views are compared with.
export { listAttempts } from '../../../src-main/drilldown/attempts';
export { computeComparison } from '../../../src-main/compare/compare';
export { computeFunnel } from '../../../src-main/funnel/funnel';
export { computeFailures } from '../../../src-main/failures/failures';
export { listAnnotations } from '../../../src-main/notes/annotations';
export { exportDailyCsv, exportSectionTablesCsv, exportReportJson } from '../../../src-main/exports/exports';
export { pseudonym } from '../../../src-main/shared/mask';
export { maskKeyOf } from '../../../src-main/store/mask-key';
// The findings the card and the PDF's executive summary are compared with.
export { reportWithFindings } from '../../../src-main/findings/gather';
// The engine's sentences in another language, as the app and the PDF build them (the catalogs are JSON modules, built here).
export { translator } from '../../../src-main/shared/i18n/translator';
export { dataQualityNoteText } from '../../../src-main/shared/i18n/engine-notes';
