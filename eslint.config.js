// ESLint flat config. The engine (src/engine/**) is fenced: pure TypeScript with no React, no DOM,
// no timers and no ambient randomness or clocks, so that a run is a function of seed + inputs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
              ],
              message: 'The engine must not import UI code.',
            },
          ],
        },
      ],
    },
  },
);
