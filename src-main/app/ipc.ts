/**
 * The one way a handler is reached from the renderer. `registerIpc` registers every channel of the
 * contract on ipcMain through `createInvoker`, which checks the sender, parses the argument with
 * the channel's schema and turns the handler's value or error into an IpcResult. The browser test
 * harness calls the same invoker, so what it tests is what Electron runs.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  INVOKE_CHANNELS,
  type ArgOf,
  type InvokeChannel,
  type IpcError,
  type IpcErrorCode,
  type IpcResult,
  type ResultOf,
} from '../shared/ipc-contract';
import { ARG_SCHEMAS } from './schemas';
import type { SenderWindow } from '../renderer-host/sender-window';

/** What a handler may throw to answer with a specific error code. */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}

export type Handlers = {
  readonly [C in InvokeChannel]: (arg: ArgOf<C>) => Promise<ResultOf<C>> | ResultOf<C>;
};

/** Who called: the URL of the frame and which of the app's windows it is the main frame of. */
export interface Sender {
  readonly url: string;
  readonly window: SenderWindow;
}

/**
 * The channels each window may call. The print window only asks for the job it prints; the main
 * window never needs that job (it asks for a PDF with print:pdf).
 */
export const WINDOW_CHANNELS: { readonly [W in Exclude<SenderWindow, null>]: ReadonlySet<InvokeChannel> } = {
  app: new Set(INVOKE_CHANNELS.filter((channel) => channel !== 'print:job')),
  print: new Set<InvokeChannel>(['print:job']),
};

/**
 * The sender check of every call: the frame is the main frame of a window allowed on the channel,
 * and shows the app's own renderer.
 */
export function senderMayCall(channel: InvokeChannel, sender: Sender, isTrustedUrl: (url: string) => boolean): boolean {
  if (sender.window === null || !WINDOW_CHANNELS[sender.window].has(channel)) return false;
  return isTrustedUrl(sender.url);
}

export type Invoker = (channel: string, arg: unknown, sender: Sender) => Promise<IpcResult<unknown>>;

export interface InvokerOptions {
  /** True for a URL of the app's own renderer (its file or dev server). */
  readonly isTrustedUrl: (url: string) => boolean;
  /** Maps an engine error to a code (CaseRefused -> refused, ReportInputError -> bad-filter). */
  readonly classify?: (error: unknown) => IpcErrorCode | undefined;
  /** Unexpected errors are logged here with their stack. */
  readonly log?: (channel: string, error: unknown) => void;
}

const channels: ReadonlySet<string> = new Set(INVOKE_CHANNELS);
const oneLine = (text: string): string => text.split('\n')[0]!.slice(0, 500);

/** The text of anything a handler threw; never throws itself (a null-prototype object has no String()). */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'unexpected error';
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function createInvoker(handlers: Handlers, options: InvokerOptions): Invoker {
  const fail = (code: IpcErrorCode, message: string): IpcResult<never> => ({
    ok: false,
    error: { code, message: oneLine(message) },
  });
  return async (channel, arg, sender) => {
    if (!channels.has(channel)) return fail('unknown-channel', `unknown channel ${channel}`);
    const name = channel as InvokeChannel;
    if (!senderMayCall(name, sender, options.isTrustedUrl)) {
      return fail('untrusted-sender', `${channel}: refused a call from ${sender.url || 'an unknown frame'}`);
    }
    const parsed = (ARG_SCHEMAS[name] as z.ZodType).safeParse(arg);
    if (!parsed.success) return fail('invalid-args', `${channel}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[name] as (arg: unknown) => unknown;
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof HandlerError) return fail(error.code, messageOf(error));
      const code = options.classify?.(error);
      if (code) return fail(code, messageOf(error));
      try {
        options.log?.(channel, error);
      } catch {
        // logging must not turn an answer into a thrown error
      }
      return fail('failed', messageOf(error));
    }
  };
}

/**
 * Registers every channel of the contract. The sender must be the main frame of a window allowed
 * on the channel (WINDOW_CHANNELS), on the app's own URL.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  options: InvokerOptions & { readonly windowOf: (event: IpcMainInvokeEvent) => SenderWindow },
): () => void {
  const invoke = createInvoker(handlers, options);
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) =>
      invoke(channel, arg, { url: event.senderFrame?.url ?? '', window: options.windowOf(event) }),
    );
  }
  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

export type { IpcError };
