export function renderScenarioDoc(): string
export const VERSION_CHANGES: [string, string[]][]
/** [what, the limit as a number, how the limit reads, where the problem points]. */
export const BUDGETS: [string, number, string, string][]
/** [run, work in units, CPU time, peak memory]. */
export const BUDGET_MEASUREMENTS: [string, string, string, string][]
