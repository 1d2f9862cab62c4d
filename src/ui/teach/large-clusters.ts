/**
 * The picker's large clusters: scenario files without narration in `public/scenarios/clusters/`,
 * listed by `clusters/index.json` in the guided index's format. They are kept out of the guided
 * index, whose every entry the guided-scenario tests play and narrate. Entries come back with
 * their file relative to `public/scenarios/` and the group `large`; loading one fetches its text,
 * which the page then opens as any scenario file (read in a worker, since it is large).
 */
import type { GuidedIndexResult } from '../../scenarios/index'
import { makeProblem } from '../../scenario/messages'

export const LARGE_CLUSTERS_FOLDER = 'clusters/'

const scenarios = () => import('../../scenarios/index')

/** Fetches a file under `public/scenarios/` (a path such as `clusters/reference-cluster.json`). */
export async function fetchScenarioFile(file: string): Promise<string> {
  const { guidedScenarioUrl } = await scenarios()
  const response = await fetch(guidedScenarioUrl(file))
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`)
  return response.text()
}

export async function fetchLargeClusterIndex(): Promise<GuidedIndexResult> {
  try {
    const { GUIDED_INDEX_FILE, parseGuidedIndex } = await scenarios()
    const result = parseGuidedIndex(
      await fetchScenarioFile(`${LARGE_CLUSTERS_FOLDER}${GUIDED_INDEX_FILE}`),
    )
    if (!result.ok) return result
    return {
      ok: true,
      entries: result.entries.map((entry) => ({
        ...entry,
        file: `${LARGE_CLUSTERS_FOLDER}${entry.file}`,
        group: 'large',
      })),
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, problems: [makeProblem('$', 'untranslated', { text: message })] }
  }
}
