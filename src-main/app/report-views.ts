/**
 * The report and the channels beside it: drill-down, comparison, funnel, findings, the failures
 * view and the case's notes, over the open case of an AppSession. Each handler resolves its request
 * once (AppSession.resolve: the filter of report-request.ts, presets ended at the latest day with
 * data) and calls the engine's function itself, so every number here matches the report shown.
 */
import { computeReport } from '../report/compute-report';
import { maskImportRecord } from '../shared/mask';
import { maskKeyOf } from '../store/mask-key';
import { listAttempts } from '../drilldown/attempts';
import { computeComparison } from '../compare/compare';
import { computeFunnel } from '../funnel/funnel';
import { computeFailures } from '../failures/failures';
import { addAnnotation, listAnnotations, removeAnnotation, updateAnnotation } from '../notes/annotations';
import { computeFindings } from '../findings/compute-findings';
import { gatherFindingsInput } from '../findings/gather';
import type { Handlers } from './ipc';
import { failuresFilterOf } from './report-request';
import type { AppSession } from './session';

type ViewChannel =
  | 'report:get'
  | 'attempts:list'
  | 'report:compare'
  | 'funnel:get'
  | 'findings:get'
  | 'failures:get'
  | 'annotations:list'
  | 'annotations:add'
  | 'annotations:update'
  | 'annotations:remove';

export function viewHandlers(session: AppSession): Pick<Handlers, ViewChannel> {
  return {
    'report:get': (request) => {
      const { db, filter, latestDay } = session.resolve(request);
      const report = computeReport(db, filter);
      const key = maskKeyOf(db);
      return { report, latestDay, maskedImports: report.imports.map((record) => maskImportRecord(record, key)) };
    },
    'attempts:list': (request) => {
      const { db, filter } = session.resolve(request.report);
      return listAttempts(db, { ...filter, ...request.query, mask: request.maskUsers });
    },
    'report:compare': (request) => {
      const { db, filter } = session.resolve(request.report);
      return computeComparison(db, filter, request.against);
    },
    'funnel:get': (request) => {
      const { db, filter } = session.resolve(request);
      return computeFunnel(db, filter);
    },
    'findings:get': (request) => {
      const { db, filter } = session.resolve(request);
      return computeFindings(gatherFindingsInput(db, filter));
    },
    // Failures have their own latest day and filters (report-request.ts, failuresFilterOf).
    'failures:get': (request) => {
      const db = session.caseDb();
      return computeFailures(db, failuresFilterOf(db, request));
    },
    'annotations:list': () => listAnnotations(session.caseDb()),
    // Every change answers with the whole list.
    'annotations:add': (note) => {
      const db = session.writableCaseDb();
      addAnnotation(db, { date: note.date, text: note.text.trim() });
      return listAnnotations(db);
    },
    'annotations:update': (patch) => {
      const db = session.writableCaseDb();
      const { id, ...rest } = patch;
      updateAnnotation(db, id, rest.text === undefined ? rest : { ...rest, text: rest.text.trim() });
      return listAnnotations(db);
    },
    'annotations:remove': ({ id }) => {
      const db = session.writableCaseDb();
      removeAnnotation(db, id);
      return listAnnotations(db);
    },
  };
}
