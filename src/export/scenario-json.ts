/**
 * The scenario as a version 1 scenario file, through the same writer as the CLI
 * (`scenarioToJson`), so the download reads back with `parseScenario` and `kafka-ha-lab run`.
 */
import type { SimulationSpec } from '../engine/spec'
import { scenarioToJson } from '../scenario/export'
import { type ExportFile, fileStem } from './files'

/**
 * @example
 * download(scenarioJsonFile(state.recordedScenario()))
 */
export function scenarioJsonFile(spec: SimulationSpec): ExportFile {
  return {
    name: `${fileStem(spec.name)}.json`,
    mime: 'application/json',
    data: scenarioToJson(spec),
  }
}
