/** Every command, in the order `--help` lists them. */
import { analyzeCommand } from './analyze'
import type { Command } from './command'
import { importCommand } from './import'
import { runCommand } from './run'
import { validateCommand } from './validate'

export type { Command } from './command'

export const COMMANDS: readonly Command[] = [
  runCommand,
  analyzeCommand,
  importCommand,
  validateCommand,
]
