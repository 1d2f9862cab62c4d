import type { Plugin } from 'vite'

export const CSP_DIRECTIVES: readonly (readonly [string, string])[]
export function policyText(extra?: readonly (readonly [string, string])[]): string
export function insertCspMeta(html: string, policy: string): string
export function cspPlugin(): Plugin
