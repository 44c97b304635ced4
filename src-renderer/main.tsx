import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectEvents, getAppStore } from './store';
import './styles/app.css';
// After app.css: the print styles override it.
import { isPrintRoute, startPrintRoute } from './print/route';

if (isPrintRoute(window.location)) {
  // index.html#print: the report for paper (src-renderer/print/), drawn for a printer.
  startPrintRoute(document.getElementById('root')!);
} else {
  const store = getAppStore();
  connectEvents(store, window.api);
  void store.getState().init();
  // The window's words wait for the user's language (App); the drop target listens at once.
  void store.getState().loadPreferences();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
