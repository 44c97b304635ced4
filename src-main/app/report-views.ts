/**
 * The channels beside the report: drill-down, comparison, funnel, findings, the failures view and
 * the case's notes, over the open case of an AppSession. Each handler calls the engine's function
 * itself, on the filter of report-request.ts (presets end at the latest day with data), so every
 * number here matches the report shown.
 */
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
  const filterOf = (request: Parameters<AppSession['filterFor']>[0]) => session.filterFor(request).filter;
  return {
    'attempts:list': (request) => {
      const db = session.caseDb();
      return listAttempts(db, { ...filterOf(request.report), ...request.query, mask: request.maskUsers });
    },
    'report:compare': (request) => {
      const db = session.caseDb();
      return computeComparison(db, filterOf(request.report), request.against);
    },
    'funnel:get': (request) => {
      const db = session.caseDb();
      return computeFunnel(db, filterOf(request));
    },
    'findings:get': (request) => {
      const db = session.caseDb();
      return computeFindings(gatherFindingsInput(db, filterOf(request)));
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
