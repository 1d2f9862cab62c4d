export function renderScenarioDoc(): string
