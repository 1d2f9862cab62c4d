/**
 * Fetching the guided scenarios in the browser: the index and one scenario file, both relative
 * to the app's base URL and read by the same parsers the Node tests use. The parsers (and the
 * scenario reader behind them) load on demand, when the picker first opens.
 */
import type {
  GuidedIndexResult,
  GuidedScenarioEntry,
  GuidedScenarioResult,
} from '../../scenarios/index'
// The renderer is a small module of its own, so the scenario reader still loads on demand.
import { makeProblem, renderProblem, type Problem } from '../../scenario/messages'

const scenarios = () => import('../../scenarios/index')

async function fetchText(file: string): Promise<string> {
  const { guidedScenarioUrl } = await scenarios()
  const response = await fetch(guidedScenarioUrl(file))
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}

function failure(error: unknown): { ok: false; problems: Problem[] } {
  const message = error instanceof Error ? error.message : String(error)
  return { ok: false, problems: [makeProblem('$', 'untranslated', { text: message })] }
}

export async function fetchGuidedIndex(): Promise<GuidedIndexResult> {
  try {
    const { GUIDED_INDEX_FILE, parseGuidedIndex } = await scenarios()
    return parseGuidedIndex(await fetchText(GUIDED_INDEX_FILE))
  } catch (error) {
    return failure(error)
  }
}

export async function fetchGuidedScenario(
  entry: GuidedScenarioEntry,
): Promise<GuidedScenarioResult> {
  try {
    const { parseGuidedScenario } = await scenarios()
    return parseGuidedScenario(entry, await fetchText(entry.file))
  } catch (error) {
    return failure(error)
  }
}

export function problemsText(problems: readonly Problem[]): string {
  return problems
    .map((p) => (p.path === '$' ? renderProblem(p) : `${p.path}: ${renderProblem(p)}`))
    .join('; ')
}
