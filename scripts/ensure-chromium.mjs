// Makes sure end-to-end tests have a browser. Order: $CHROMIUM_PATH, Debian's chromium,
// Playwright's own download; if none and apt works as root, installs Debian's `chromium`;
// otherwise stops with the exact command to run. Nothing is fetched outside the package registries.
import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './find-chromium.mjs'

async function playwrightsOwn() {
  try {
    const { chromium } = await import('@playwright/test')
    const path = chromium.executablePath()
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

let found = findChromium() ?? (await playwrightsOwn())
if (found) {
  console.log(`e2e browser: ${found}`)
  process.exit(0)
}
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but no file is there.`)
  process.exit(1)
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = existsSync('/usr/bin/apt-get')
if (isRoot && hasApt) {
  console.log('No Chromium found: installing Debian package `chromium` with apt-get …')
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
    stdio: 'inherit',
  })
  found = findChromium()
  if (found) {
    console.log(`e2e browser: ${found}`)
    process.exit(0)
  }
}
console.error(
  [
    'No Chromium for the end-to-end tests. Install one of:',
    '  sudo apt-get install -y chromium          (Debian/Ubuntu)',
    '  npx playwright install chromium            (elsewhere)',
    'or point CHROMIUM_PATH at a Chromium binary.',
  ].join('\n'),
)
process.exit(1)
