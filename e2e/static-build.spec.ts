/**
 * The static build: two builds in a row are byte-identical, and the build works when served
 * from a sub-path of a plain static host (relative asset URLs, no server routes). The second
 * test serves `dist` under /some/sub/path/ with a minimal Node static server and fails on any
 * console error or failed request (the console guard from fixtures).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { test, expect } from './fixtures'

const root = join(import.meta.dirname, '..')

function build(outDir: string): void {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  )
}

function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  walk(dir)
  return out
}

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.png': 'image/png',
}

function serveUnder(dir: string, prefix: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside the sub-path')
      return
    }
    const file = join(dir, path.slice(prefix.length) || 'index.html')
    try {
      const body = readFileSync(file.endsWith('/') ? join(file, 'index.html') : file)
      res
        .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
        .end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      resolve({ server, url: `http://127.0.0.1:${port}${prefix}` })
    })
  })
}

test.describe('static build', () => {
  test.describe.configure({ timeout: 180_000 })
  const first = mkdtempSync(join(tmpdir(), 'kha-dist-a-'))
  const second = mkdtempSync(join(tmpdir(), 'kha-dist-b-'))

  test('two builds in a row give byte-identical output', () => {
    build(first)
    build(second)
    const a = hashTree(first)
    expect(Object.keys(a).length).toBeGreaterThan(2)
    expect(hashTree(second)).toEqual(a)
  })

  test('the build loads from a sub-path with no failed requests', async ({ page }) => {
    if (readdirSync(first).length === 0) build(first)
    const { server, url } = await serveUnder(first, '/some/sub/path/')
    try {
      await page.goto(url)
      await expect(page.getByRole('heading', { name: 'Kafka HA Lab', level: 1 })).toBeVisible()
      await page.waitForLoadState('networkidle')
    } finally {
      server.close()
    }
  })
})
