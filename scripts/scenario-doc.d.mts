export function renderScenarioDoc(): string
export const VERSION_CHANGES: [string, string[]][]
