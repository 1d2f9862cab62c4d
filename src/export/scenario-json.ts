/**
 * The scenario as a version 1 scenario file, through the same writer as the CLI
 * (`scenarioToJson`), so the download reads back with `parseScenario` and `kafka-ha-lab run`.
 * Controls, bidirectional overrides and invisible characters inside its strings are written as
 * `\u202e` escapes, as the CLI writes them: the file parses to the same scenario, and an editor or
 * `cat` shows it as it is (no "Trojan Source" reordering, no terminal control sequence).
 */
import type { SimulationSpec } from '../engine/spec'
import { scenarioToJson } from '../scenario/export'
import { terminalText } from '../scenario/safe-text'
import { type ExportFile, fileStem } from './files'

/**
 * @example
 * download(scenarioJsonFile(state.recordedScenario()))
 */
export function scenarioJsonFile(spec: SimulationSpec): ExportFile {
  return {
    name: `${fileStem(spec.name)}.json`,
    mime: 'application/json',
    data: terminalText(scenarioToJson(spec)),
  }
}
