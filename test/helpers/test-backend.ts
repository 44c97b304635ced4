/** The app's backend (session and handlers) without dialogs, and a sender the IPC layer trusts. */
import { createBackend, type Backend } from '../../src-main/app/backend';

export const APP_SENDER = { url: 'app://renderer/index.html', window: 'app' as const };

export function testBackend(userDataDir: string, extra: Partial<Parameters<typeof createBackend>[0]> = {}): Backend {
  return createBackend({
    dialogs: {
      chooseNewCasePath: async () => null,
      chooseCaseToOpen: async () => null,
      chooseImportFiles: async () => [],
    },
    userDataDir,
    sampleCase: null,
    emit: () => undefined,
    isTrustedUrl: () => true,
    systemLanguages: () => ['en-US'],
    ...extra,
  });
}
