/**
 * "All selected" takes one form from the renderer's store to the engine: the list naming every
 * platform and section. The store keeps and sends those lists (test/unit/renderer/store.test.ts,
 * "asks for the default report"); here that request goes through the real api client, the IPC
 * invoker (zod), the report:get handler, AppSession.resolve and computeReport on a copy of the
 * sample case, and comes out as the report the command line computes with no platform or section.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../src-main/shared/api-client';
import type { IpcResult, ReportRequest, ReportResponse } from '../../../src-main/shared/ipc-contract';
import { PLATFORMS, SECTIONS } from '../../../src-main/shared/taxonomy';
import { computeReport } from '../../../src-main/report/compute-report';
import { APP_SENDER, testBackend } from '../../helpers/test-backend';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir('enrollscope-all-selected-');
const SAMPLE = join(process.cwd(), 'resources', 'sample-case.enrollscope');

function openSample() {
  const dir = tempDir();
  const copy = join(dir, 'Sample.enrollscope');
  copyFileSync(SAMPLE, copy);
  const backend = testBackend(join(dir, 'user'));
  backend.session.openCase(copy);
  const api = createApi({
    invoke: (channel, arg) => backend.invoke(channel, arg, APP_SENDER) as never,
    subscribe: () => () => undefined,
    pathForFile: () => '',
  });
  return { backend, api };
}

describe('"all selected" from the store to the engine', () => {
  it('is the list naming all, end to end, and counts what the command line counts with no filter', async () => {
    const { backend, api } = openSample();
    try {
      // The store's default request: its lists as it keeps them (both platforms, all sections).
      const request: ReportRequest = {
        range: { kind: 'last', days: 30 },
        tz: 'UTC',
        platforms: [...PLATFORMS],
        sections: [...SECTIONS],
      };
      const answer = await api.getReport(request);
      if (!answer.ok) throw new Error(answer.error.message);
      const report = answer.value.report;

      // The resolver hands the lists on as they are: no second form (undefined) between.
      const { db, filter } = backend.session.resolve(request);
      expect(filter.platforms).toBe(request.platforms);
      expect(filter.sections).toBe(request.sections);

      // The report shown is the one of "no filter" (the command line without --platform/--section),
      // unclassified attempts included (they count only without a section filter).
      const cli = computeReport(db, { from: report.range.from, to: report.range.to, tz: report.range.tz });
      expect(report).toEqual(cli);
      expect(report.filters).toEqual({ platforms: [...PLATFORMS], sections: [...SECTIONS] });
      expect(report.rollup.unclassified).toBeGreaterThan(0);
      expect(report.rollup.incomplete).toBe(
        report.sections.reduce((sum, table) => sum + table.incomplete, 0) + report.rollup.unclassified,
      );

      // One section fewer is a section filter: unclassified attempts are not counted.
      const three = await api.getReport({ ...request, sections: SECTIONS.filter((s) => s !== 'Terms of Use') });
      if (!three.ok) throw new Error(three.error.message);
      expect(three.value.report.rollup.unclassified).toBe(0);
    } finally {
      backend.session.close();
    }
  });

  it('a list naming one platform twice is that platform alone, not "all" (a count of names is no test of "all")', async () => {
    const { backend } = openSample();
    try {
      const ask = async (platforms: ReportRequest['platforms']) => {
        const request: ReportRequest = {
          range: { kind: 'custom', from: '2025-10-01', to: '2025-11-13' },
          tz: 'UTC',
          platforms,
          sections: [...SECTIONS],
        };
        const answer = (await backend.invoke('report:get', request, APP_SENDER)) as IpcResult<ReportResponse>;
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value.report;
      };
      const twice = await ask(['Android', 'Android']);
      const once = await ask(['Android']);
      const both = await ask([...PLATFORMS]);
      expect(twice.filters.platforms).toEqual(['Android']);
      expect(twice.rollup).toEqual(once.rollup);
      expect(both.rollup.incomplete).toBeGreaterThan(once.rollup.incomplete);
    } finally {
      backend.session.close();
    }
  });
});
