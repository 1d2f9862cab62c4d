/**
 * Reading a scenario file for `run`, `analyze` and `validate`: the file, then the scenario
 * layer's parser and validator, whose problems (JSON paths or `line N, column M`) are prefixed
 * with the file name.
 */
import type { SimulationSpec } from '../../engine/spec'
import { parseScenario } from '../../scenario/index'
import type { Problem } from '../args'
import { type CliIo, InputError, inFile, problemLine, readInput, shownFile } from '../io'

export interface LoadedScenario {
  spec: SimulationSpec
  /** Warning lines for stderr; they never block a run. */
  warnings: string[]
}

export async function loadScenario(io: CliIo, path: string): Promise<LoadedScenario> {
  const text = await readInput(io, path, 'the scenario')
  const result = parseScenario(text)
  const file = shownFile(path)
  if (!result.ok) throw new InputError(inFile(file, result.problems))
  return { spec: result.spec, warnings: warningLines(file, result.warnings) }
}

/** `file: path: warning: message`, one a line. */
export function warningLines(file: string, warnings: readonly Problem[]): string[] {
  return inFile(file, warnings).map(warningLine)
}

/** `path: warning: message`, or `path: info: message` for a note that describes no risk. */
export function warningLine(warning: Problem): string {
  const info = 'level' in warning && warning.level === 'info'
  return problemLine(warning, info ? 'info: ' : 'warning: ')
}
