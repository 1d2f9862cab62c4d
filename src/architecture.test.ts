/**
 * The architecture, checked on the real import graph. Every non-test `.ts`/`.tsx` file under
 * `src/` is parsed with the TypeScript compiler API and its RUNTIME imports are collected: static
 * `import` and `export … from` statements and dynamic `import()`, but not `import type`,
 * `export type`, or `import { type A, type B }` where every specifier is a type. (With
 * `verbatimModuleSyntax` the last form still leaves an empty `import {} from` behind in the
 * emitted code; it evaluates the module for its side effects only, which our modules do not have,
 * so it is treated as a type import, as ESLint's `allowTypeImports` does.) Then:
 *
 * (a) the graph of static runtime imports has no cycles (every elementary cycle is listed);
 * (b) no runtime import breaks the layer table below, the same table `eslint.config.js` enforces
 *     per folder (engine ← scenario ← scenarios ← analysis ← host ← store ← ui → viz; cli uses
 *     engine, scenario, analysis);
 * (c) no shipping module imports a test-support module.
 *
 * Dynamic imports count for the layers but not for cycles: a lazily loaded module is evaluated
 * after its importer, so it cannot take part in an initialisation-order cycle. The negative tests
 * at the end prove that the cycle finder and the layer check fail on a synthetic bad graph.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SRC = resolve(import.meta.dirname)

type Layer =
  | 'engine'
  | 'scenario'
  | 'scenarios'
  | 'analysis'
  | 'host'
  | 'store'
  | 'ui'
  | 'viz'
  | 'export'
  | 'cli'
  | 'app'

/**
 * Which layers each layer may import at runtime (types are free). ui, export and viz import engine
 * types only: the host runs the engine. export holds the file exporters the ui calls (engine types,
 * scenario, scenarios, analysis). `app` is the entry point `src/main.tsx`, which wires them up.
 */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  engine: ['engine'],
  scenario: ['engine', 'scenario'],
  scenarios: ['engine', 'scenario', 'scenarios'],
  analysis: ['engine', 'scenario', 'scenarios', 'analysis'],
  host: ['engine', 'scenario', 'scenarios', 'analysis', 'host'],
  store: ['engine', 'scenario', 'scenarios', 'analysis', 'host', 'store'],
  ui: ['scenario', 'scenarios', 'analysis', 'host', 'store', 'ui', 'viz', 'export'],
  viz: ['viz'],
  export: ['scenario', 'scenarios', 'analysis', 'export'],
  cli: ['engine', 'scenario', 'analysis', 'cli'],
  app: ['engine', 'scenario', 'scenarios', 'analysis', 'host', 'store', 'ui', 'viz', 'export'],
}

/** Modules that exist only for tests: fixtures, helpers, fakes, arbitraries. */
const TEST_SUPPORT = [
  /^test-support\//,
  /(^|\/)testing\//,
  /(^|\/)(fixtures|test-helpers|testing|arbitraries|fuzz-inputs)$/,
]

export interface ModuleImport {
  specifier: string
  dynamic: boolean
}

/** The runtime imports of one source file; type-only imports and re-exports are left out. */
export function runtimeImports(fileName: string, text: string): ModuleImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const found: ModuleImport[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!isTypeOnlyImport(node))
        found.push({ specifier: node.moduleSpecifier.text, dynamic: false })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (!isTypeOnlyExport(node))
        found.push({ specifier: node.moduleSpecifier.text, dynamic: false })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, dynamic: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause
  if (clause === undefined) return false // `import './x'` runs the module
  if (clause.isTypeOnly) return true
  if (clause.name !== undefined) return false
  const bindings = clause.namedBindings
  if (bindings === undefined || ts.isNamespaceImport(bindings)) return false
  return bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true
  const clause = node.exportClause
  if (clause === undefined || !ts.isNamedExports(clause)) return false // `export * from`
  return clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly)
}

/** A graph of modules named by their path under src/ without the extension. */
export type Graph = Map<string, { to: string; dynamic: boolean }[]>

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    if (!/\.tsx?$/.test(name) || /\.test\.tsx?$/.test(name) || /\.d\.ts$/.test(name)) return []
    return [path]
  })
}

function moduleName(path: string): string {
  return relative(SRC, path)
    .replace(/\\/g, '/')
    .replace(/\.tsx?$/, '')
}

function resolveModule(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null // a package
  const base = resolve(dirname(fromFile), specifier)
  const candidates = /\.tsx?$/.test(base)
    ? [base]
    : [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]
  for (const candidate of candidates) {
    try {
      if (statSync(candidate).isFile()) return moduleName(candidate)
    } catch {
      // Try the next candidate.
    }
  }
  return null // a stylesheet or other asset
}

function buildGraph(): Graph {
  const graph: Graph = new Map()
  for (const file of sourceFiles(SRC)) {
    const edges = runtimeImports(file, readFileSync(file, 'utf8')).flatMap(
      ({ specifier, dynamic }) => {
        const to = resolveModule(file, specifier)
        return to === null ? [] : [{ to, dynamic }]
      },
    )
    graph.set(moduleName(file), edges)
  }
  return graph
}

/** More cycles than this means the graph is badly tangled; listing them all would not help. */
const MAX_CYCLES = 200

/**
 * Every elementary import cycle of a graph's static edges, each printed from its smallest module
 * (`a → b → c → a`), sorted. For each start module, a depth-first search through larger modules
 * only, so each cycle is found exactly once.
 */
export function findCycles(graph: Graph): string[] {
  const next = (node: string) =>
    [...new Set((graph.get(node) ?? []).filter((e) => !e.dynamic).map((e) => e.to))].sort()
  const cycles: string[] = []
  for (const start of [...graph.keys()].sort()) {
    const path = [start]
    const onPath = new Set(path)
    const walk = (node: string): void => {
      for (const to of next(node)) {
        if (cycles.length >= MAX_CYCLES) return
        if (to === start) cycles.push([...path, start].join(' → '))
        else if (to > start && !onPath.has(to)) {
          path.push(to)
          onPath.add(to)
          walk(to)
          onPath.delete(to)
          path.pop()
        }
      }
    }
    walk(start)
  }
  return cycles.sort()
}

export function layerOf(module: string): Layer | 'test-support' {
  if (TEST_SUPPORT.some((pattern) => pattern.test(module))) return 'test-support'
  const top = module.includes('/') ? module.slice(0, module.indexOf('/')) : 'app'
  if (top in MAY_IMPORT) return top as Layer
  throw new Error(`${module} is in no layer: add src/${top} to the layer table`)
}

/** Every runtime import that breaks the layer table, as `importer → imported (layer)`. */
export function layerViolations(graph: Graph): string[] {
  const problems: string[] = []
  for (const [from, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    const fromLayer = layerOf(from)
    for (const { to } of edges) {
      const toLayer = layerOf(to)
      if (fromLayer === 'test-support') continue // only tests import these; ESLint covers them
      if (toLayer === 'test-support') {
        problems.push(`${from} → ${to} (a shipping module imports test support)`)
      } else if (!MAY_IMPORT[fromLayer].includes(toLayer)) {
        problems.push(`${from} → ${to} (${fromLayer} may not import ${toLayer} at runtime)`)
      }
    }
  }
  return problems
}

describe('the import graph of src/', () => {
  const graph = buildGraph()

  it('covers every layer', () => {
    const layers = new Set([...graph.keys()].map(layerOf))
    expect([...layers].sort()).toEqual(
      [...Object.keys(MAY_IMPORT), 'test-support'].sort() as (Layer | 'test-support')[],
    )
    expect(graph.get('host/worker-host')?.map((e) => e.to)).toEqual([])
    expect(graph.get('host/create-host')).toContainEqual({ to: 'host/local-host', dynamic: true })
  })

  it('has no runtime import cycle', () => {
    expect(findCycles(graph)).toEqual([])
  })

  it('keeps every runtime import within the layer table', () => {
    expect(layerViolations(graph)).toEqual([])
  })
})

describe('the checks themselves', () => {
  const graphOf = (edges: Record<string, string[]>): Graph =>
    new Map(
      Object.entries(edges).map(([from, to]) => [from, to.map((t) => ({ to: t, dynamic: false }))]),
    )

  it('collect runtime imports and skip type-only ones', () => {
    const text = [
      "import type { A } from './a'",
      "import { type B, type C } from './b'",
      "import { type D, e } from './d'",
      "import f from './f'",
      "import * as g from './g'",
      "import './h.css'",
      "export type { I } from './i'",
      "export { type J } from './j'",
      "export { k } from './k'",
      "export * from './l'",
      "const m = () => import('./m')",
    ].join('\n')
    expect(runtimeImports('x.ts', text)).toEqual([
      { specifier: './d', dynamic: false },
      { specifier: './f', dynamic: false },
      { specifier: './g', dynamic: false },
      { specifier: './h.css', dynamic: false },
      { specifier: './k', dynamic: false },
      { specifier: './l', dynamic: false },
      { specifier: './m', dynamic: true },
    ])
  })

  it('find a cycle and print it from its smallest module', () => {
    const graph = graphOf({ 'x/c': ['x/a'], 'x/a': ['x/b'], 'x/b': ['x/c'], 'x/d': ['x/a'] })
    expect(findCycles(graph)).toEqual(['x/a → x/b → x/c → x/a'])
  })

  it('find every cycle through shared modules, and ignore dynamic imports', () => {
    const graph = graphOf({ 'x/a': ['x/b'], 'x/b': ['x/a', 'x/c'], 'x/c': ['x/a', 'x/c'] })
    expect(findCycles(graph)).toEqual(['x/a → x/b → x/a', 'x/a → x/b → x/c → x/a', 'x/c → x/c'])
    graph.set('x/b', [{ to: 'x/a', dynamic: true }])
    graph.set('x/c', [{ to: 'x/c', dynamic: true }])
    expect(findCycles(graph)).toEqual([])
  })

  it('fail on the four-module cycle the engine once had', () => {
    const graph = graphOf({
      'engine/controller': ['engine/replica-manager'],
      'engine/replica-manager': ['engine/produce'],
      'engine/produce': ['engine/replication'],
      'engine/replication': ['engine/controller'],
    })
    expect(findCycles(graph)).toEqual([
      'engine/controller → engine/replica-manager → engine/produce → engine/replication → engine/controller',
    ])
  })

  it('fail an import against the layers, engine runtime imports from ui, and test support', () => {
    const graph = graphOf({
      'engine/a': ['store/b'],
      'ui/c': ['engine/d', 'store/b', 'host/e'],
      'host/e': ['analysis/f', 'store/b'],
      'viz/g': ['test-support/h'],
      'ui/panels/config-form': ['engine/d'],
    })
    expect(layerViolations(graph)).toEqual([
      'engine/a → store/b (engine may not import store at runtime)',
      'host/e → store/b (host may not import store at runtime)',
      'ui/c → engine/d (ui may not import engine at runtime)',
      'ui/panels/config-form → engine/d (ui may not import engine at runtime)',
      'viz/g → test-support/h (a shipping module imports test support)',
    ])
    expect(() => layerViolations(graphOf({ 'nowhere/x': [] }))).toThrow(/in no layer/)
  })
})
