// Flat ESLint config. Besides style, it enforces the process boundaries: only main.ts, preload.ts and ipc.ts may
// import `electron`; the renderer reaches the Node side only through `renderer/api` (the ReviewApi contract) and
// may import the isomorphic `common/**` (pure code such as the QA checker), which itself imports nothing platform-bound.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main.ts, preload.ts and ipc.ts may import electron.' }],
};
// Harnesses, fixtures builders and shared cases live in test/support/; production code never imports them.
const noTestSupport = {
  group: ['**/test/support', '**/test/support/**'],
  message: 'test/support/ is for tests, benchmarks and e2e only, never for production code.',
};
// Files that may import test/support/ (and nothing else changes for them).
const testFiles = ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.out/**',
      'release/**',
      '.scan/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-imports': ['error', { ...noElectron, patterns: [noTestSupport] }],
    },
  },
  {
    files: testFiles,
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'electron/ipc.ts', 'e2e/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            noTestSupport,
            {
              group: ['node:*'],
              message: 'The renderer has no Node: ask the Node side through renderer/api.',
            },
            {
              group: ['**/electron/*', '!**/electron/contract'],
              message:
                'The renderer may import only electron/contract (types and constants) from the Node side.',
            },
          ],
        },
      ],
    },
  },
  {
    // common/** runs in the renderer and in Node alike (the QA checker): no Node, Electron, React or DOM.
    files: ['common/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            noTestSupport,
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto'],
              message: 'common/ is isomorphic: no Node modules.',
            },
            {
              group: ['react', 'react-*', '**/renderer/**', '**/electron/**'],
              message: 'common/ is isomorphic: no React, renderer or Node-side code.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'process',
          'Buffer',
          'require',
          '__dirname',
        ].map((name) => ({ name, message: 'common/ is isomorphic: no DOM or Node globals.' })),
      ],
    },
  },
  {
    files: ['tools/**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
