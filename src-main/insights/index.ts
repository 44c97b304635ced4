/**
 * Beyond the old report: the engine's functions in one place, for the app's handlers and
 * the command line. Types: src-main/shared/insights-types.ts; guidance: src-main/shared/guidance.ts;
 * exports: src-main/report/exports/exports.ts.
 */
export { listAttempts, resolveAttemptQuery, pageOf, DEFAULT_LIMIT } from './attempts';
export { computeComparison, comparisonPeriod, reportDelta } from './compare';
export { computeFunnel, percentile } from './funnel';
export {
  listAnnotations,
  getAnnotation,
  addAnnotation,
  updateAnnotation,
  removeAnnotation,
  AnnotationInputError,
} from './annotations';
export { computeFailures, resolveFailuresRange } from './failures';
export {
  exportSectionTablesCsv,
  exportSectionTableCsv,
  exportDailyCsv,
  exportReportJson,
  exportAttemptsCsv,
  exportFunnelCsv,
  exportFailuresCsv,
  exportComparisonCsv,
} from '../report/exports/exports';
export { guidanceFor, topGuidance, GUIDANCE } from '../shared/guidance';
