import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * Three builds: the main process (plus the command line and worker entries, which run in plain
 * Node and are built the same way), the sandboxed preload (CommonJS: sandboxed preloads cannot
 * be ES modules), and the renderer. The developer tools and the test harness are built apart
 * (electron.vite.tools.config.ts, out/tools), so nothing of the tests is compiled into the app.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's CSP (index.html) is strict: scripts and styles from the app's own files only.
 * Vite's dev server needs inline scripts and a websocket for hot reload, so `npm run dev` (serve
 * only) loosens it; the built app keeps the strict one.
 */
function devServerCsp(): Plugin {
  return {
    name: 'enrollscope-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

export default defineConfig({
  main: {
    build: {
      // Bundled rather than loaded from node_modules at run time: the command line starts a process
      // per command, and these cost ~7 ms each to load there (simple-statistics is one large
      // file of which the findings use four functions; FormatJS is dozens of small modules, its
      // message parser among them).
      externalizeDeps: {
        exclude: ['simple-statistics', '@formatjs/intl', '@formatjs/icu-messageformat-parser', 'intl-messageformat'],
      },
      outDir: 'out/main',
      sourcemap: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-main/index.ts'),
          cli: resolve(root, 'src-main/cli/main.ts'),
          // The command line's PDF printer where Electron is installed (electron pdf-electron.js).
          'pdf-electron': resolve(root, 'src-main/pdf/electron-cli.ts'),
          'import-worker': resolve(root, 'src-main/workers/import-worker.ts'),
          'parse-worker': resolve(root, 'src-main/workers/parse-worker.ts'),
        },
        // Entries and chunks side by side, so workers are found beside any module (workers/locate.ts).
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(root, 'src-main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified; the app loads it from disk on every start.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
