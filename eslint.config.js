// ESLint flat config. The engine (src/engine/**) is fenced: pure TypeScript with no React, no DOM,
// no timers and no ambient randomness or clocks, so that a run is a function of seed + inputs.
import js from '@eslint/js';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `max-lines` as a second, softer rule: a warning at 250 lines, an error at 400. */
const size = { rules: { 'soft-max-lines': builtinRules.get('max-lines') } };
const lines = (max) => ({ max, skipBlankLines: true, skipComments: true });

/** Layers import one way (see README, "Layers"): each entry lists what a folder may not import. */
const zone = (files, groups, message, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }] },
});

const engineBans = [
  {
    object: 'Math',
    property: 'random',
    message: 'Use the engine RNG (sim.rng): runs must replay.',
  },
  { object: 'Date', property: 'now', message: 'The engine never reads the clock: use sim.now.' },
  {
    object: 'performance',
    property: 'now',
    message: 'The engine never reads the clock: use sim.now.',
  },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Node scripts; some pass functions to Playwright's page.evaluate, which run in the browser.
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // No import circles anywhere in the app (src/ and scenes/).
    files: ['src/**/*.{ts,tsx}', 'scenes/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, size },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      // Without it the plugin cannot parse the TypeScript files it follows, and sees no cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'max-lines': ['error', lines(400)],
      'size/soft-max-lines': ['warn', lines(250)],
    },
  },
  zone(
    ['src/**/*.{ts,tsx}'],
    ['**/scenes', '**/scenes/**'],
    'src/ is the platform: it never imports scenes/ (the registry is handed in by src/main.tsx).',
    ['src/main.tsx'],
  ),
  zone(
    [
      'src/ui/**',
      'src/diagram/**',
      'src/code-panel/**',
      'src/runtime/**',
      'src/machines/**',
      'src/scene/**',
      'src/store/**',
    ],
    ['**/app', '**/app/**'],
    'Only the app shell imports src/app.',
    ['**/*.test.{ts,tsx}'],
  ),
  zone(
    ['src/machines/**', 'src/scene/**', 'src/runtime/**', 'src/store/**'],
    [
      'react-dom',
      'react-dom/*',
      'motion',
      'motion/*',
      'd3',
      'd3-*',
      '**/ui/**',
      '**/diagram/**',
      '**/code-panel/**',
    ],
    'Machines, the scene format, the runtime and the store do not draw.',
  ),
  {
    files: ['src/**/*.tsx', 'scenes/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2024 } },
    rules: {
      'no-restricted-properties': ['error', ...engineBans],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'requestAnimationFrame',
          'cancelAnimationFrame',
          'setTimeout',
          'setInterval',
          'clearTimeout',
          'clearInterval',
          'setImmediate',
          'queueMicrotask',
          'performance',
          'fetch',
          'crypto',
        ].map((name) => ({
          name,
          message: `The engine is pure: no ${name} (no DOM, timers, clocks or I/O).`,
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date']",
          message: 'The engine never reads the clock.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-dom',
                'react/*',
                'react-dom/*',
                'motion',
                'motion/*',
                'framer-motion',
                'zustand',
                'zustand/*',
                'd3',
                'd3-*',
                'xstate',
                '@xstate/*',
              ],
              message: 'The engine must not import UI libraries.',
            },
            {
              group: [
                '**/app/**',
                '**/ui/**',
                '**/diagram/**',
                '**/runtime/**',
                '**/code-panel/**',
                '**/store/**',
                '**/machines/**',
                '**/scene/**',
                '**/scenes/**',
              ],
              message: 'The engine must not import UI code or scenes.',
            },
          ],
        },
      ],
    },
  },
);
