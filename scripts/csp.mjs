/**
 * The Content-Security-Policy of the production build, and the Vite plugin that writes it into
 * `index.html` as a `<meta http-equiv>` tag. The build is a static site for any host, so a meta
 * tag is the one place the policy can travel with it; hosts that can set headers send the same
 * policy plus `frame-ancestors` (docs/hosting.md). The plugin runs only on `vite build`, so the
 * dev server's hot reload, which injects inline scripts and styles, is untouched.
 *
 * Why each source is there:
 * - everything is `'self'`: the app loads nothing from other origins (no CDN, fonts or analytics);
 * - no `'unsafe-inline'` and no `'unsafe-eval'` anywhere: Vite emits only external module scripts
 *   and stylesheets, and React and D3 set styles through the CSSOM (`element.style`), which
 *   style-src does not govern; only `style="..."` markup and `setAttribute('style')` would need
 *   `'unsafe-inline'`, and the app has none. The SVG export writes computed styles as presentation
 *   attributes (`fill="..."`), not `style="..."`: the PNG export draws that SVG through an
 *   `<img>`, and an SVG image inherits the page's policy;
 * - `img-src data:`: the PNG export draws the exported SVG text through an `<img>` whose source is
 *   a `data:` URL (src/export/png.ts) and then onto a canvas; downloads use `blob:` URLs only as
 *   link targets, which img-src does not govern, so `blob:` is not allowed;
 * - `worker-src 'self'`: the simulation and review Web Workers and the service worker are files of
 *   the build;
 * - `manifest-src 'self'`: the web app manifest (installability);
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plugins, no `<base>`, and the
 *   app's one form (the configuration editor) is handled in script and never submits.
 */

/**
 * Directive name and sources, in the order they are written.
 * @type {readonly (readonly [string, string])[]}
 */
export const CSP_DIRECTIVES = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
]

/**
 * The policy as one header or meta value.
 *
 * @example
 * policyText() // "default-src 'self'; script-src 'self'; ..."
 * policyText([['frame-ancestors', "'self' https://courses.example.com"]])
 * @param {readonly (readonly [string, string])[]} [extra] directives to add (header-only ones)
 * @returns {string}
 */
export function policyText(extra = []) {
  return [...CSP_DIRECTIVES, ...extra].map(([name, sources]) => `${name} ${sources}`).join('; ')
}

const CHARSET = /<meta charset="[^"]*"\s*\/?>/i

/**
 * `html` with the policy's meta tag right after `<meta charset>`: a meta policy governs only what
 * the parser meets after it, so it must precede every script, stylesheet and icon link.
 * @param {string} html @param {string} policy @returns {string}
 */
export function insertCspMeta(html, policy) {
  if (!CHARSET.test(html))
    throw new Error('index.html has no <meta charset="...">: the CSP meta tag goes right after it')
  return html.replace(
    CHARSET,
    (charset) =>
      `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
  )
}

/**
 * @example
 * defineConfig({ plugins: [react(), cspPlugin()] })
 * @returns {import('vite').Plugin}
 */
export function cspPlugin() {
  return {
    name: 'kafka-ha-lab:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => insertCspMeta(html, policyText()),
    },
  }
}
