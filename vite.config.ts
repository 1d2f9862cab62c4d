/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { readFileSync } from 'node:fs'
import { VitePWA } from 'vite-plugin-pwa'
import { cspPlugin } from './scripts/csp.mjs'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
  description: string
}

/**
 * Offline use and installation (docs/hosting.md). Workbox precaches the whole build: the shell,
 * every JavaScript chunk (the lazy panels and both Web Workers among them), the stylesheet, the
 * schemas, the guided scenarios with their clusters and any translations under public/scenarios,
 * and the icons. An update waits (`registerType: 'prompt'`) until the reader presses Reload in
 * the notice (src/ui/UpdateNotice.tsx); nothing reloads mid-lesson by itself. Every URL is
 * relative (`./sw.js`, scope `./`, start_url `./`), so the app installs from any sub-path.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  // src/ui/pwa.ts registers the worker through `virtual:pwa-register`, loaded after first paint.
  injectRegister: false,
  devOptions: { enabled: false },
  manifest: {
    id: './',
    name: 'Kafka HA Lab',
    short_name: 'Kafka HA Lab',
    description: pkg.description,
    start_url: './',
    scope: './',
    display: 'standalone',
    // The header's panel colour and the page's background (src/index.css, light theme).
    theme_color: '#ffffff',
    background_color: '#f8fafc',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  },
  workbox: {
    // JSON takes in public/scenarios/**: clusters/ and any future i18n/ folder come along.
    globPatterns: ['**/*.{html,js,css,json,svg,png}'],
    // Query strings carry the app's own parameters (`?embed=1`, `?scenario=...`) for the one
    // static index.html; a static host ignores them, so the precache does too.
    ignoreURLParametersMatching: [/.*/],
    // No navigation fallback: a navigation to another page under the same path (another site's
    // docs/, a schema opened in a tab) must reach the network, not get this app's index.html.
    navigateFallback: null,
    // The first visit's page comes under the worker once it is installed, so lazy chunks fetched
    // later in that same visit are served from the cache if the network goes away.
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  },
})

// `base: './'` makes every asset URL relative, so `dist/` works from any sub-path of any static host.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), cspPlugin(), pwa],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  worker: {
    format: 'es',
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
        },
      },
    ],
  },
})
