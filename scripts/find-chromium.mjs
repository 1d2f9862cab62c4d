// Finds a Chromium for Playwright without downloading anything: an environment variable if set,
// then Debian's Chromium, then Playwright's own browser (present where `npx playwright install`
// works). Returns null when there is none.
import { existsSync } from 'node:fs'

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH ?? process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null
  for (const candidate of [
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
  ]) {
    if (existsSync(candidate)) return candidate
  }
  return null
}
