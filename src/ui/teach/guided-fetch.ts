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

const scenarios = () => import('../../scenarios/index')

async function fetchText(file: string): Promise<string> {
  const { guidedScenarioUrl } = await scenarios()
  const response = await fetch(guidedScenarioUrl(file))
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}

function failure(error: unknown): { ok: false; problems: { path: string; message: string }[] } {
  const message = error instanceof Error ? error.message : String(error)
  return { ok: false, problems: [{ path: '$', message }] }
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

export function problemsText(problems: readonly { path: string; message: string }[]): string {
  return problems.map((p) => (p.path === '$' ? p.message : `${p.path}: ${p.message}`)).join('; ')
}
