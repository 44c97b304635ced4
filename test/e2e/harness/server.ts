/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 for the browser harness, with the same
 * server that serves it to the command line's headless printer (src-main/pdf/static-server.ts):
 * GET and HEAD only, files under the root only; nothing is fetched from elsewhere (the page's
 * CSP says 'self').
 */
import { serveStatic, type StaticServer } from '../../../src-main/pdf/static-server';

export interface RendererServer extends StaticServer {
  /** The app's page on that server. */
  readonly url: string;
}

export async function serveRenderer(root: string): Promise<RendererServer> {
  const server = await serveStatic(root);
  return { origin: server.origin, url: `${server.origin}/index.html`, close: () => server.close() };
}
