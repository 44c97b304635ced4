/**
 * The app's real backend (session, handlers, IPC invoker) without Electron, for tests: dialogs
 * answered by the test, Print to PDF's render recorded instead of drawn, calls from the app window.
 */
import { join } from 'node:path';
import { createBackend, type Backend } from '../../src-main/app/backend';
import type { PrintJob } from '../../src-main/shared/print-types';

export const APP_URL = 'file:///app/out/renderer/index.html';

export interface TestBackend {
  readonly backend: Backend;
  /** Every job Print to PDF rendered. */
  readonly jobs: PrintJob[];
  /** Invokes a channel as the app window; throws with the error's code and message when refused. */
  call<T>(channel: string, arg: unknown): Promise<T>;
}

/** `savePath` answers the save dialog of exports; the PDF goes to `dir/name.pdf`. */
export function testBackend(dir: string, name: string, savePath: () => string): TestBackend {
  const jobs: PrintJob[] = [];
  const backend = createBackend({
    dialogs: {
      chooseNewCasePath: async () => null,
      chooseCaseToOpen: async () => null,
      chooseImportFiles: async () => [],
    },
    userDataDir: join(dir, `${name}-user-data`),
    sampleCase: null,
    emit: () => undefined,
    isTrustedUrl: (url) => url === APP_URL,
    systemLanguages: () => ['en-US'],
    print: {
      render: async (job) => {
        jobs.push(job);
        return new TextEncoder().encode('%PDF-1.7 test');
      },
      choosePdfPath: async () => join(dir, `${name}.pdf`),
    },
    chooseSavePath: async () => savePath(),
  });
  const call = async <T>(channel: string, arg: unknown): Promise<T> => {
    const result = await backend.invoke(channel, arg, { url: APP_URL, window: 'app' as const });
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { backend, jobs, call };
}
