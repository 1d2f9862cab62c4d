/**
 * The scenario file (version 1): its types and JSON Schema, validation with precise problems,
 * normalisation into the engine's `SimulationSpec`, export back to JSON, and importers for
 * `kafka-topics --describe` output and `kafka-reassign-partitions` JSON.
 */
export type {
  ImportResult,
  NarrationStep,
  Problem,
  ScenarioAcks,
  ScenarioClient,
  ScenarioCluster,
  ScenarioConsumer,
  ScenarioFault,
  ScenarioFile,
  ScenarioNarration,
  ScenarioParseResult,
  ScenarioProducer,
  ScenarioProducerConfig,
  ScenarioTopic,
  TryItVariant,
} from './types'
export { SCENARIO_VERSION } from './types'
export {
  makeProblem,
  movedProblem,
  renderProblem,
  type ProblemCode,
  type ProblemData,
  type ProblemParams,
} from './messages'
export { note } from './text'
export {
  checkValue,
  parseScenario,
  validateScenario,
  validateVariant,
  type VariantParseResult,
} from './validate'
export { mergePatch } from './merge-patch'
export { VARIANT_NAME_SUFFIX, variantFile } from './variant'
export {
  CONTROLLER_COUNT_RULE,
  FIRST_CONTROLLER_ID,
  MAX_CONTROLLERS,
  MAX_ZONES,
  ZONE_COUNT_RULE,
  type Rule,
} from './fields'
export { normalizeScenario, normalizeAcks } from './normalize'
export {
  LONG_RUN_WORK,
  MAX_CLIENTS,
  MAX_DURATION_MS,
  MAX_FAULTS,
  MAX_RUN_WORK,
  MAX_TEXT_CHARS,
  MAX_TOTAL_PARTITIONS,
  MAX_TOTAL_RECORDS_PER_SECOND,
  MAX_TOTAL_REPLICAS,
  longClientRunsReason,
  longMatrixReason,
  longRunReason,
  runWork,
  specSize,
  type RunSize,
} from './budget'
export { runBudgetProblems } from './budget-check'
export { scenarioToJson, specToScenario } from './export'
export { scenarioSchema, SCENARIO_SCHEMA_URL } from './schema'
export { importDescribe } from './import-describe'
export { importReassignment } from './import-reassignment'
export { UNKNOWN_ZONE, type ImportOptions } from './import-common'
export { parseZoneMap, type ZoneMapResult } from './zone-map'
