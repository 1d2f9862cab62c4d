// Type-aware linting plus the layer guards of docs/architecture.md ("Layers"): each folder may import only from the
// layers to its left (engine ← scenario ← scenarios ← analysis ← host ← store ← ui → viz; cli
// uses engine, scenario, analysis). The host runs the engine (in a Web Worker, or inline), so ui,
// export and viz may import engine *types* only: a runtime engine import from them would run the
// simulation on the page's thread and pull the engine into the page's JavaScript. export (the
// file exporters the ui calls) sits beside ui: engine types, scenario, scenarios and analysis.
// src/architecture.test.ts checks the same table, and import cycles, over the real import graph.
// The engine must also stay free of browser globals and clocks.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const uiOnly = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*']
const d3Dom = ['d3', 'd3-selection', 'd3-transition', 'd3-zoom', 'd3-drag', 'd3-brush', 'd3-axis']

/**
 * A folder is matched as a relative path to a sibling of the importing file's layer (`../store`,
 * `../../store/app-store`), so a module of the same name inside a layer (`./export` in
 * src/scenario) is not mistaken for the layer.
 * @param {string[]} folders @param {string[]} packages
 */
function forbid(folders, packages, message) {
  return [
    ...folders.map((f) => ({ regex: `^(\\.\\./)+${f}(/|$)`, message })),
    ...packages.map((p) => ({ group: [p], message })),
  ]
}

/** Engine imports that are not `import type` (or all-`type` specifiers) are errors. */
function engineTypesOnly(message) {
  return { regex: '^(\\.\\./)+engine(/|$)', allowTypeImports: true, message }
}

const uiEngineMessage =
  'src/ui may import engine types only: the simulation runs in the host (src/host), not in the page.'

/** The ui rule: every layer but cli, and engine types only unless `engineRuntime` is allowed. */
function uiRestrictions(engineRuntime = false) {
  return [
    'error',
    {
      patterns: [
        ...forbid(['cli'], [], 'src/ui may import every layer but cli.'),
        ...(engineRuntime ? [] : [engineTypesOnly(uiEngineMessage)]),
      ],
    },
  ]
}

const exportFolders = ['host', 'store', 'ui', 'viz', 'cli']
const exportMessage =
  'src/export may import engine types, scenario, scenarios and analysis; never host, store, ui, viz, cli or React.'
const vizFolders = ['host', 'store', 'ui', 'cli', 'scenario', 'scenarios', 'analysis', 'export']
const vizMessage = 'src/viz draws view models; it may import engine types only.'

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
            ['scenario', 'scenarios', 'analysis', 'host', 'store', 'ui', 'viz', 'cli', 'export'],
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
            ['scenarios', 'analysis', 'host', 'store', 'ui', 'viz', 'cli'],
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
            ['analysis', 'host', 'store', 'ui', 'viz', 'cli', 'export'],
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
            ['host', 'store', 'ui', 'viz', 'cli', 'export'],
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
            ['scenarios', 'host', 'store', 'ui', 'viz', 'export'],
            [...uiOnly, ...d3Dom],
            'The CLI uses engine, scenario and analysis; it never touches React or the DOM.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: forbid(
            ['store', 'ui', 'viz', 'cli', 'export'],
            [...uiOnly, ...d3Dom, 'd3-*'],
            'src/host runs the engine for the store: engine, scenario, scenarios and analysis only; no Zustand, React or DOM libraries.',
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
            ['ui', 'viz', 'cli', 'export'],
            ['react', 'react-dom', ...d3Dom],
            'The store is vanilla Zustand: no React, no DOM.',
          ),
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': uiRestrictions() },
  },
  {
    files: ['src/export/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbid(exportFolders, uiOnly, exportMessage),
            engineTypesOnly('src/export may import engine types only.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/viz/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...forbid(vizFolders, uiOnly, vizMessage), engineTypesOnly(vizMessage)] },
      ],
    },
  },
  // Tests (and ui/panels/fixtures.ts, which only tests import) may run the real engine or use its
  // defaults to build fixtures, as the engine's own tests do; what ships may not. The other layer
  // rules still hold for them. src/architecture.test.ts checks that no shipping module imports them.
  {
    files: ['src/ui/**/*.test.{ts,tsx}', 'src/ui/panels/fixtures.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': uiRestrictions(true) },
  },
  {
    files: ['src/export/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: forbid(exportFolders, uiOnly, exportMessage) },
      ],
    },
  },
  {
    files: ['src/viz/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: forbid(vizFolders, uiOnly, vizMessage) },
      ],
    },
  },
)
