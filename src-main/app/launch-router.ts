/**
 * Where a launch's files go (a case double-clicked, files dropped on the app's icon, a second
 * launch handed to the running app): plain Node with its effects injected, so the routing is
 * tested without Electron. Requests wait until the window can take them, and run one at a time.
 */
import { basename } from 'node:path';
import type { LaunchRequest } from './launch-args';
import { isEmptyRequest } from './launch-args';

export interface LaunchRouterDeps {
  /** True while an import into the open case runs. */
  importing(): boolean;
  /** Asks whether to stop the running import to open `caseFile`; true to stop it. */
  confirmLeaveImport(caseFile: string): Promise<boolean>;
  /** Cancels the running import; resolves once it has ended. */
  stopImport(): Promise<void>;
  /** Hands the case to open and the files to import to the window (its own open and import actions). */
  deliver(request: { readonly caseFile: string | null; readonly files: readonly string[] }): void;
  /** Tells the user something about the request (a message box in the app). */
  tell(message: string): void;
  /** Brings the app's window forward (a second launch focuses the first). */
  focus(): void;
}

export type LaunchOutcome = 'delivered' | 'kept-import' | 'import-running' | 'nothing';

const names = (paths: readonly string[]): string =>
  paths
    .slice(0, 3)
    .map((path) => basename(path.replace(/\\/g, '/')))
    .join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '');

/** Routes one request: asks before leaving a running import, never opens more than one case. */
export async function routeLaunch(request: LaunchRequest, deps: LaunchRouterDeps): Promise<LaunchOutcome> {
  deps.focus();
  if (isEmptyRequest(request)) return 'nothing';
  if (request.otherCases.length > 0) {
    deps.tell(`One case opens at a time: ${names(request.otherCases)} not opened.`);
  }
  if (deps.importing()) {
    if (request.caseFile === null) {
      if (request.files.length === 0) return 'nothing';
      deps.tell(
        `An import is running, so ${names(request.files)} ${request.files.length === 1 ? 'was' : 'were'} not imported. ` +
          'Import them again when it has ended.',
      );
      return 'import-running';
    }
    if (!(await deps.confirmLeaveImport(request.caseFile))) return 'kept-import';
    await deps.stopImport();
  }
  if (request.caseFile === null && request.files.length === 0) return 'nothing';
  deps.deliver({ caseFile: request.caseFile, files: request.files });
  return 'delivered';
}

export interface LaunchRouter {
  /** Routes a request now, or once the window is ready; requests run one after another. */
  route(request: LaunchRequest): Promise<LaunchOutcome>;
  /** The window has loaded and listens: held requests go through. */
  windowReady(): void;
}

export function createLaunchRouter(deps: LaunchRouterDeps): LaunchRouter {
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  let queue: Promise<unknown> = ready;
  return {
    route(request) {
      const outcome = queue.then(() => routeLaunch(request, deps));
      queue = outcome.catch(() => undefined);
      return outcome;
    },
    windowReady: () => markReady(),
  };
}
