/**
 * The JSON Schema of scenario files (draft 2020-12), as an object, for editors and tools that
 * validate with a schema (the app itself uses `validateScenario`, whose messages are more
 * precise). The same schema is served as `scenario.schema.json` from `public/`; a test checks
 * that the file equals this object.
 *
 * Why it is built here rather than imported from the JSON file: Vite's dev server warns on every
 * load that files in `public/` must not be imported from JavaScript.
 */
import { buildScenarioSchema } from './schema-source'

export const scenarioSchema: Readonly<Record<string, unknown>> = buildScenarioSchema()

/** Where the schema is served, relative to the app's root, for a scenario's `$schema` field. */
export const SCENARIO_SCHEMA_URL = 'scenario.schema.json'
