/**
 * Offline use and updates (issue 19, docs/hosting.md), with service workers allowed (fixtures.ts
 * blocks them for every other journey). After one visit the service worker controls the page
 * and Cache Storage holds the shell, the simulation worker and every guided scenario; offline, a
 * reload still opens a guided scenario through the Scenarios picker and plays it, with not one
 * request failing (the console guard). Chromium finds the app installable. Then an update, with the app served under a sub-path by
 * a small proxy in front of the test server that can change sw.js as a new deploy would: the
 * new worker installs beside the running one and waits; the page says so, keeps running (no
 * reload of its own), and reloads into the new version only when the reader presses Reload.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.use({ serviceWorkers: 'allow' })

interface GuidedEntry {
  title: string
  file: string
  group?: string
}

const guided = JSON.parse(
  readFileSync(new URL('../public/scenarios/index.json', import.meta.url), 'utf8'),
) as GuidedEntry[]

/** Loads the app and waits until its service worker is active and controls the page. */
async function installed(page: Page, url = './'): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => window.__sim?.settled() === true)
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', {
    timeout: 30_000,
  })
}

/** Every URL path in Cache Storage, without the query Workbox adds for revisions. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = []
    for (const name of await caches.keys()) {
      const cache = await caches.open(name)
      for (const request of await cache.keys()) paths.push(new URL(request.url).pathname)
    }
    return paths
  })
}

test('after one visit the app works offline: a guided scenario opens and plays', async ({
  page,
  context,
  sim,
  toolbar,
}) => {
  await installed(page)
  const paths = await cachedPaths(page)
  expect(paths).toContain('/index.html')
  expect(paths).toContain('/manifest.webmanifest')
  expect(paths).toContain('/scenario.schema.json')
  expect(paths).toContain('/scenarios/index.json')
  expect(paths.filter((p) => /^\/assets\/simulation\.worker-[\w-]+\.js$/.test(p))).toHaveLength(1)
  expect(paths.filter((p) => /^\/assets\/review\.worker-[\w-]+\.js$/.test(p))).toHaveLength(1)
  for (const { file } of guided) expect(paths).toContain(`/scenarios/${file}`)

  await context.setOffline(true)
  await page.reload()
  await sim.settled()
  const first = guided.find((entry) => entry.group === 'guided') ?? guided[0]
  if (first === undefined) throw new Error('public/scenarios/index.json lists no scenario')
  await page.getByRole('button', { name: 'Scenarios' }).click()
  const picker = page.getByRole('dialog', { name: 'Guided scenarios' })
  await picker.getByRole('button', { name: first.title, exact: false }).first().click()
  await expect(picker).toBeHidden()
  await page.waitForFunction((title) => window.__sim?.scenarioName() === title, first.title)
  await sim.settled()
  const before = await sim.nowMs()
  await toolbar.play.click()
  await sim.waitFor(`(s) => s.nowMs > ${before + 1000}`)
})

test('the app is installable: Chromium finds nothing missing in the manifest and icons', async ({
  page,
  context,
}) => {
  await installed(page)
  const cdp = await context.newCDPSession(page)
  const manifest = await cdp.send('Page.getAppManifest')
  expect(manifest.errors).toEqual([])
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
  // A Playwright context is an incognito one, which Chromium never installs from; nothing else.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito')).toEqual(
    [],
  )
  const parsed = JSON.parse(manifest.data ?? '{}') as {
    name: string
    start_url: string
    scope: string
    display: string
    icons: { sizes: string; purpose?: string }[]
  }
  expect(parsed).toMatchObject({
    name: 'Kafka HA Lab',
    start_url: './',
    scope: './',
    display: 'standalone',
  })
  const sizes = parsed.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`)
  expect(sizes).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable', 'any any']),
  )
})

interface Deploy {
  /** The app's address under the proxy's sub-path. */
  url: string
  /** From now on sw.js differs, as after a new build. */
  newBuild: () => void
  close: () => Promise<void>
}

/** The test server's build under `prefix` on another port; sw.js changes on `newBuild()`. */
function deployUnder(target: string, prefix: string): Promise<Deploy> {
  let changed = false
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').slice(prefix.length - 1)
    void fetch(new URL(`.${path}`, target)).then(async (upstream) => {
      let body = Buffer.from(await upstream.arrayBuffer())
      if (changed && path.split('?')[0] === '/sw.js')
        body = Buffer.concat([body, Buffer.from('\n// a new build\n')])
      response.writeHead(upstream.status, {
        'content-type': upstream.headers.get('content-type') ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      })
      response.end(body)
    })
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      resolve({
        url: `http://127.0.0.1:${port}${prefix}`,
        newBuild: () => {
          changed = true
        },
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

test('a new version waits for the reader: the notice offers Reload, nothing reloads by itself', async ({
  page,
  sim,
  baseURL,
}) => {
  const deploy = await deployUnder(baseURL ?? 'http://localhost:4173/', '/courses/kafka/lab/')
  try {
    await installed(page, deploy.url)
    const scope = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.scope,
    )
    expect(scope).toBe(deploy.url)
    // Reload once so that this page was loaded under the worker, as on any later visit.
    await page.reload()
    await sim.settled()
    await page.evaluate(() => {
      ;(window as unknown as Record<string, unknown>).__sameDocument = true
    })

    // A new build: any change to sw.js makes the browser install it beside the running one.
    // registration.update() is what the browser does on a later navigation.
    deploy.newBuild()
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update()
    })
    const notice = page.getByRole('status', { name: 'App update' })
    await expect(notice).toContainText('A new version is available.')
    // The notice does not reload the page: the same document keeps running.
    await page.waitForTimeout(1000)
    expect(await page.evaluate(() => '__sameDocument' in window)).toBe(true)

    await notice.getByRole('button', { name: 'Reload' }).click()
    await page.waitForFunction(() => !('__sameDocument' in window))
    await sim.settled()
    await expect(notice).toBeEmpty()
    const settledVersion = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration()
      return { waiting: registration?.waiting ?? null, active: registration?.active?.state }
    })
    expect(settledVersion).toEqual({ waiting: null, active: 'activated' })
  } finally {
    await deploy.close()
  }
})
