/**
 * The JSON Schema of scenario files (draft 2020-12), as an object, for editors and tools that
 * validate with a schema (the app itself uses `validateScenario`, whose messages are more
 * precise). The file is served as `/scenario.schema.json`; `schema-source.ts` generates it.
 */
import schemaJson from '../../public/scenario.schema.json'

export const scenarioSchema: Readonly<Record<string, unknown>> = schemaJson

/** Where the schema is served from the app's root, for a scenario's `$schema` field. */
export const SCENARIO_SCHEMA_URL = 'scenario.schema.json'
