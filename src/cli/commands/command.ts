/**
 * The shape of a CLI command: its words for `--help`, its arguments, and what it does. Each
 * command lives in its own file and is listed once in `index.ts`; help text, argument checking
 * and dispatch are all derived from this one definition.
 */
import type { ArgsSpec, ParsedArgs } from '../args'
import type { CliIo, CommandOutput } from '../io'

export interface Command {
  name: string
  /** One line for the top-level command list. */
  summary: string
  /** Paragraphs for the command's `--help`. */
  description: readonly string[]
  args: ArgsSpec
  examples: readonly string[]
  /**
   * Does the work and returns what to print. Bad input is thrown as an `InputError` before
   * anything is written, so that a failed command leaves stdout empty.
   */
  execute(args: ParsedArgs, io: CliIo): Promise<CommandOutput>
}
