// Type-aware linting plus the layer guards of docs/architecture.md ("Layers"): each folder may
// import only from the layers to its left (engine ← scenario ← scenarios ← analysis ← store ← ui →
// viz; cli uses engine, scenario, analysis). The engine must also stay free of browser globals and
// clocks.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const uiOnly = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*']
const d3Dom = ['d3', 'd3-selection', 'd3-transition', 'd3-zoom', 'd3-drag', 'd3-brush', 'd3-axis']

/** @param {string[]} folders @param {string[]} packages */
function forbid(folders, packages, message) {
  return [
    ...folders.map((f) => ({ group: [`**/${f}/**`, `**/${f}`], message })),
    ...packages.map((p) => ({ group: [p], message })),
  ]
}

const engineBannedGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'performance',
  'crypto',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'Date',
].map((name) => ({
  name,
  message:
    'The engine is deterministic: no browser globals, timers or clocks (docs/architecture.md).',
}))

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['scenario', 'scenarios', 'analysis', 'store', 'ui', 'viz', 'cli'],
            [...uiOnly, ...d3Dom, 'd3-*', 'node:*', 'fs', 'path'],
            'src/engine may import nothing outside itself (docs/architecture.md, "Layers").',
          ),
        },
      ],
      'no-restricted-globals': ['error', ...engineBannedGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Prng.' },
        {
          object: 'Math',
          property: 'exp',
          message: 'Transcendental Math differs across browsers.',
        },
        {
          object: 'Math',
          property: 'log',
          message: 'Transcendental Math differs across browsers.',
        },
        {
          object: 'Math',
          property: 'pow',
          message: 'Transcendental Math differs across browsers.',
        },
        {
          object: 'Math',
          property: 'sin',
          message: 'Transcendental Math differs across browsers.',
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/scenario/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['scenarios', 'analysis', 'store', 'ui', 'viz', 'cli'],
            [...uiOnly, ...d3Dom],
            'src/scenario may import only the engine (docs/architecture.md, "Layers").',
          ),
        },
      ],
    },
  },
  {
    files: ['src/scenarios/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['analysis', 'store', 'ui', 'viz', 'cli'],
            [...uiOnly, ...d3Dom],
            'src/scenarios may import only engine and scenario.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/analysis/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['store', 'ui', 'viz', 'cli'],
            [...uiOnly, ...d3Dom],
            'src/analysis is pure: engine, scenario and scenarios only.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['store', 'ui', 'viz'],
            [...uiOnly, ...d3Dom],
            'The CLI never touches React or the DOM.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['ui', 'viz', 'cli'],
            ['react', 'react-dom', ...d3Dom],
            'The store is vanilla Zustand: no React, no DOM.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/viz/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['store', 'ui', 'cli', 'scenario', 'scenarios', 'analysis'],
            uiOnly,
            'src/viz draws view models; it may import engine types only.',
          ),
        },
      ],
    },
  },
)
