import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

/**
 * The developer tools and the browser test harness, built apart from the app (electron.vite.config.ts)
 * into out/tools, so no test code is compiled into out/main, which is what the app ships. They
 * run in plain Node. The workers are built here too: a tool that imports through a worker finds
 * it beside its own chunks (src-main/workers/locate.ts).
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: 'out/tools',
      sourcemap: true,
      rollupOptions: {
        input: {
          // The sample case builder (npm run sample) and the screenshot tool (npm run screenshot).
          'make-sample': resolve(root, 'src-main/tools/make-sample.ts'),
          screenshot: resolve(root, 'src-main/tools/screenshot.ts'),
          // The benchmark's probes (npm run bench): generation, peers, report latency, responsiveness.
          'bench-probe': resolve(root, 'src-main/tools/bench-probe.ts'),
          // The browser test harness (real handlers for the built renderer), loaded by test/e2e.
          harness: resolve(root, 'test/e2e/harness/index.ts'),
          'import-worker': resolve(root, 'src-main/workers/import-worker.ts'),
          'parse-worker': resolve(root, 'src-main/workers/parse-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' },
      },
    },
  },
});
