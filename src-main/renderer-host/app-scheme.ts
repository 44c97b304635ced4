/**
 * Electron's side of the app:// scheme (app-protocol.ts has the logic): the scheme is registered
 * as privileged before the app is ready (standard: an origin of its own, so the CSP's 'self' and
 * ES modules work; secure: like https; supportFetchAPI), and each session that shows the renderer
 * serves it with protocol.handle. Used by the app (src-main/index.ts) and the command line's
 * Electron printer (src-main/pdf/electron-cli.ts); the print window's own session is served by
 * printSession (src-main/pdf/electron-window.ts).
 */
import { protocol, type Session } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_SCHEME, createAppProtocolHandler } from './app-protocol';

/** Must run before app 'ready' (Electron refuses it afterwards). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** The built renderer (out/renderer, inside app.asar when packaged): main's bundles are in out/main. */
export function rendererRoot(): string {
  return fileURLToPath(new URL('../renderer/', import.meta.url));
}

const served = new WeakSet<Session>();

/** Serves app://renderer/… from the built renderer in `ses` (once per session). After app 'ready'. */
export function serveAppScheme(ses: Session, root: string = rendererRoot()): void {
  if (served.has(ses)) return;
  served.add(ses);
  ses.protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
