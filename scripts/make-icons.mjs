// Draws the web app manifest's PNG icons from public/favicon.svg with headless Chromium, so the
// icons stay the favicon's drawing rather than a hand-exported copy. Run it after changing the
// favicon: `node scripts/make-icons.mjs`; the PNGs it writes into public/ are committed.
//
// - icon-192.png, icon-512.png: the favicon as it is (rounded tile, transparent corners);
// - icon-maskable-512.png and apple-touch-icon.png (180): a full-bleed tile with the drawing
//   shrunk to 80 %, so launchers that cut the icon to a circle or squircle keep all of it (the
//   maskable safe zone is the central circle of 40 % radius).
import { readFileSync, writeFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findChromium } from './find-chromium.mjs'

const publicDir = new URL('../public/', import.meta.url)
const favicon = readFileSync(new URL('favicon.svg', publicDir), 'utf8')
/** The favicon's tile colour, painted edge to edge behind the maskable drawing. */
const TILE = '#1e293b'

/** The favicon's drawing without its outer <svg>, to nest it in a bigger one. */
function inner(svg) {
  return svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '')
}

function maskable() {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${TILE}"/><g transform="translate(3.2 3.2) scale(0.8)">${inner(favicon)}</g></svg>`
}

const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon },
  { file: 'icon-512.png', size: 512, svg: favicon },
  { file: 'icon-maskable-512.png', size: 512, svg: maskable() },
  { file: 'apple-touch-icon.png', size: 180, svg: maskable() },
]

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined })
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const { file, size, svg } of icons) {
    await page.setViewportSize({ width: size, height: size })
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${sized}`)
    const png = await page.locator('svg').screenshot({ omitBackground: true })
    writeFileSync(new URL(file, publicDir), png)
    console.log(`${file}: ${size}×${size}, ${png.length} bytes`)
  }
} finally {
  await browser.close()
}
