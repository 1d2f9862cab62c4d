/** "1 finding", "3 findings"; `many` for a plural that is not `one` + "s" ("2 replicas", "2 pages"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}
