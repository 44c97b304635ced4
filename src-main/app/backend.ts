/**
 * Assembles the main process's backend without Electron: session, handlers, and the invoker that
 * validates and answers every call. Electron's main (index.ts) and the browser test harness both
 * build it here.
 */
import { classifyEngineError, createHandlers } from './handlers';
import { createInvoker, type Handlers, type Invoker } from './ipc';
import { engine as realEngine, type Engine } from './engine';
import { AppSession, type SessionOptions } from './session';

export interface Backend {
  readonly session: AppSession;
  readonly handlers: Handlers;
  readonly invoke: Invoker;
  readonly classify: ReturnType<typeof classifyEngineError>;
}

export function createBackend(
  options: Omit<SessionOptions, 'engine'> & {
    readonly engine?: Engine;
    readonly isTrustedUrl: (url: string) => boolean;
  },
): Backend {
  const engine = options.engine ?? realEngine;
  const session = new AppSession({ ...options, engine });
  const handlers = createHandlers(session);
  const classify = classifyEngineError(engine);
  const invoke = createInvoker(handlers, {
    isTrustedUrl: options.isTrustedUrl,
    classify,
    log: (channel, error) => console.error(`[ipc] ${channel} failed:`, error),
  });
  return { session, handlers, invoke, classify };
}
