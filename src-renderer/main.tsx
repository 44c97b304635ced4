import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectEvents, getAppStore } from './store';
import './styles/app.css';

const store = getAppStore();
connectEvents(store, window.api);
void store.getState().init();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
