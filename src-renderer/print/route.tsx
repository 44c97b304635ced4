/**
 * The print route: `index.html#print` renders the report for paper instead of the app. Same
 * bundle, same CSP, same `window.api` shape; the printers (Electron's hidden window, the command
 * line's headless browser) load it and wait for <html data-print-state="ready">.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PRINT_ROUTE_HASH } from '../../src-main/shared/print-types';
import { PrintApp } from './PrintApp';
import './print.css';

export const isPrintRoute = (location: Pick<Location, 'hash'>): boolean => location.hash === PRINT_ROUTE_HASH;

export function startPrintRoute(container: HTMLElement): void {
  // Scopes print.css (always the light theme) to this route.
  document.documentElement.setAttribute('data-route', 'print');
  createRoot(container).render(
    <StrictMode>
      <PrintApp />
    </StrictMode>,
  );
}
