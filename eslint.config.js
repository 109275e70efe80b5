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

// Layers inside electron/ (as VS Code's code-import-patterns): contract ← shared helpers ← services/db ←
// services/<domain> ← core ← transports (ipc, web, desk server, cli, main). A file imports only its own layer and
// the ones below; tools/import-graph.mjs (run by `npm run lint`) checks the whole graph: no import cycle between
// files or between the domain folders of services/, no upward import.
const TRANSPORT_FILES = '(handlers|web|web-http|ipc|main|preload|cli|cli-[a-z-]+)';
const layer = (message, ...regexes) => regexes.map((regex) => ({ regex, message }));
/** The transports (and the composition root) as seen from a file `depth` folders below electron/. */
const noTransports = (depth) =>
  layer(
    'A lower layer never imports a transport (ipc, web, desk server, cli, main) or the composition root.',
    `^${depth === 0 ? '\\./' : `(\\.\\./){${depth}}`}((desk|shell)/|${TRANSPORT_FILES}$)`,
  );
const noCore = layer('Services never import core/ (the core is built on them).', '(^|/)core/');
const noServices = layer(
  'The contract is the bottom layer: types, constants and argument schemas only.',
  '(^|/)services/',
  '(^|/)core/',
);
const noDomains = layer(
  'services/db and the shared helpers know no domain: the composition root passes migrations in.',
  '^\\.\\./[a-z-]+/',
  '^\\./[a-z-]+/',
);
/** Layer rules for the files of one layer, by their depth below electron/ (tests may drive anything). */
const layerRule = (globsByDepth, patterns) =>
  Object.entries(globsByDepth).map(([depth, files]) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectron, patterns: [noTestSupport, ...patterns, ...noTransports(Number(depth))] },
      ],
    },
  }));

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
  ...layerRule(
    {
      0: ['electron/contract.ts'],
      1: ['electron/contract/*.ts'],
      2: ['electron/contract/*/*.ts'],
    },
    noServices,
  ),
  ...layerRule(
    { 1: ['electron/services/*.ts'], 2: ['electron/services/*/*.ts'], 3: ['electron/services/*/*/*.ts'] },
    noCore,
  ),
  ...layerRule(
    {
      1: ['electron/services/{errors,files,xml-parse,sniff-binary,paths,redact,server-url}.ts'],
      2: ['electron/services/db/*.ts'],
    },
    [...noDomains, ...noCore],
  ),
  ...layerRule({ 1: ['electron/core/*.ts'] }, []),
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
