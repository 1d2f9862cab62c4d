#!/usr/bin/env node
// The `kafka-ha-lab` executable. The CLI is TypeScript run without a build step: register tsx's
// ESM loader, then hand over to src/cli/main.ts, which reads process.argv and sets the exit code.
// Kept tiny so that nothing here can fail in an interesting way; if it does (tsx missing, a
// broken install), it still prints one line and exits 3, as the CLI's contract says.
try {
  const { register } = await import('tsx/esm/api')
  register()
  const { runProcess } = await import(new URL('../src/cli/main.ts', import.meta.url).href)
  await runProcess()
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  process.stderr.write(`internal error: ${message.replace(/\s*\n\s*/g, ' ')}\n`)
  process.exitCode = 3
}
