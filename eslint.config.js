import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** src-main/shared (and its languages folder) is loaded by the renderer too: no Node. */
const NODE_FREE_SHARED = {
  group: ['node:*', 'fs', 'path', 'child_process', 'electron', 'better-sqlite3'],
  message: 'src-main/shared is Node-free: the renderer loads it.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'bench/results/**',
      'test-results/**',
      'playwright-report/**',
      'resources/**',
      'scratch-tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: [
      'src-main/**/*.{ts,mjs}',
      'scripts/**/*.mjs',
      'bin/**/*.js',
      'bench/**/*.{ts,mjs}',
      'test/**/*.ts',
      '*.config.ts',
      '*.config.js',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    // The engine (import -> store -> attempts -> report and the features beside it) is plain Node,
    // run alike by the command line and the app: it knows nothing of Electron, the app's glue,
    // printing or the command line.
    files: [
      'src-main/{import,store,attempts,report,drilldown,compare,funnel,notes,failures,exports,findings,workers}/**/*.{ts,mts,mjs}',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'The engine runs without Electron: keep Electron in src-main/app or src-main/pdf.',
            },
            {
              group: ['**/app', '**/app/**', '**/pdf', '**/pdf/**', '**/cli', '**/cli/**', '**/tools/**'],
              message: 'The engine does not depend on the app, printing, the command line or tools.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared types and pure helpers are loaded by the renderer too: no Node, no other main folder.
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_FREE_SHARED,
            {
              group: ['../*', '!../shared'],
              message: 'src-main/shared imports nothing from the other main-process folders.',
            },
          ],
        },
      ],
    },
  },
  {
    // The languages live one folder down in shared: they may use shared's helpers, nothing else.
    files: ['src-main/shared/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NODE_FREE_SHARED,
            {
              group: ['../../*'],
              message: 'src-main/shared imports nothing from the other main-process folders.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer reaches main only through window.api: no Node, no main-process modules.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'child_process', 'electron'],
              message: 'The renderer has no Node: use window.api.',
            },
            {
              group: ['**/src-main/*', '!**/src-main/shared', '**/src-main/!(shared)/**'],
              message: 'Import only src-main/shared from the renderer.',
            },
          ],
        },
      ],
    },
  },
);
