/**
 * Which of the app's windows an IPC call comes from, judged from the event alone. Shared by the
 * app's IPC registration (src-main/index.ts) and the command line's Electron printer
 * (src-main/pdf/electron-cli.ts). Plain Node: the event and the windows are described by the
 * parts the check reads.
 */

/**
 * Which of the app's windows called, judged by main from the event (never from what the page says):
 * the main window, the hidden print window, or neither (another window, a sub-frame, a webview).
 */
export type SenderWindow = 'app' | 'print' | null;

/** The parts of an IPC event the window check reads (Electron's IpcMainInvokeEvent has them). */
export interface SenderEvent {
  readonly sender: unknown;
  readonly senderFrame: unknown;
}

/** A window's WebContents as far as the window check needs it. */
export interface WindowContents {
  readonly mainFrame: unknown;
  isDestroyed(): boolean;
}

/**
 * Which window an event comes from: a call counts as a window's only from that window's WebContents
 * and its main frame (a sub-frame of the same page is no one's).
 */
export function senderWindowOf(
  event: SenderEvent,
  windows: { readonly app: () => WindowContents | null; readonly print: () => WindowContents | null },
): SenderWindow {
  const isFrom = (contents: WindowContents | null): boolean =>
    contents !== null &&
    !contents.isDestroyed() &&
    event.sender === contents &&
    event.senderFrame === contents.mainFrame;
  if (isFrom(windows.app())) return 'app';
  if (isFrom(windows.print())) return 'print';
  return null;
}
