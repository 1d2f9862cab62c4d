/**
 * The production build's Content-Security-Policy (scripts/csp.mjs): strict (nothing inline, no
 * eval, nothing from other origins), written into index.html before anything it governs, and the
 * same policy as the one docs/hosting.md tells hosts to send as a header.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CSP_DIRECTIVES, insertCspMeta, policyText } from './csp.mjs'

const directives = new Map(CSP_DIRECTIVES.map(([name, sources]) => [name, sources]))

describe('the Content-Security-Policy', () => {
  it('never allows inline code, eval or another origin', () => {
    const policy = policyText()
    for (const loosening of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", '*', 'http:'])
      expect(policy).not.toContain(loosening)
    expect(directives.get('default-src')).toBe("'self'")
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('style-src')).toBe("'self'")
  })

  it('shuts what the app never uses: plugins, <base>, form submission', () => {
    expect(directives.get('object-src')).toBe("'none'")
    expect(directives.get('base-uri')).toBe("'none'")
    expect(directives.get('form-action')).toBe("'none'")
  })

  it('lets the workers, the manifest and the PNG export (a data: image) work', () => {
    expect(directives.get('worker-src')).toBe("'self'")
    expect(directives.get('manifest-src')).toBe("'self'")
    expect(directives.get('img-src')).toBe("'self' data:")
  })

  it('goes right after <meta charset>, before every script and stylesheet', () => {
    const html =
      '<html><head>\n<meta charset="UTF-8" />\n<link rel="icon" href="./favicon.svg" />' +
      '<script type="module" src="./assets/index.js"></script></head></html>'
    const out = insertCspMeta(html, policyText())
    const meta = out.indexOf('http-equiv="Content-Security-Policy"')
    expect(meta).toBeGreaterThan(out.indexOf('<meta charset'))
    expect(meta).toBeLessThan(out.indexOf('<link'))
    expect(meta).toBeLessThan(out.indexOf('<script'))
    expect(out).toContain(`content="${policyText()}"`)
  })

  it('refuses a page without <meta charset> rather than build without a policy', () => {
    expect(() => insertCspMeta('<html><head></head></html>', policyText())).toThrow(/charset/)
  })

  it('is the policy docs/hosting.md gives hosts, there with frame-ancestors', () => {
    const doc = readFileSync(new URL('../docs/hosting.md', import.meta.url), 'utf8')
    expect(doc).toContain(`Content-Security-Policy: ${policyText()}; frame-ancestors `)
  })
})
