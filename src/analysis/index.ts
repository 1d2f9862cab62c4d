/**
 * Static analysis of a simulation spec: the survivability matrix, the best-practice advisor with
 * applicable fixes, zone-aware reassignment, the combined report in JSON and Markdown, and the
 * comparison of two runs (what differs; the runs themselves happen in the host).
 */
export type { FailureKind, FailureOutcome, SurvivabilityReport } from './survivability'
export { assumptionText, survivabilityMatrix } from './survivability'
export type {
  FailureDetail,
  PartitionOutcome,
  SurvivorLoad,
  TopicClassRollup,
  TopicOutcome,
  TopicRollup,
} from './survivability-detail'
export { failureDetail, survivorLoads, topicRollup } from './survivability-detail'
export type {
  Finding,
  FindingData,
  FindingId,
  FindingParams,
  Fix,
  FixCode,
  FixData,
  FixParams,
  Severity,
  SharedZoneExample,
} from './finding-messages'
export {
  FINDING_IDS,
  makeFinding,
  makeFix,
  renderFinding,
  renderFixLabel,
} from './finding-messages'
export { advise } from './advisor'
export type {
  ScenarioPatch,
  SetClientConfigPatch,
  SetClusterConfigPatch,
  SetTopicConfigPatch,
} from './patch'
export { applyFix } from './patch'
export { reassignmentJson, zoneAwareReassignment } from './reassignment'
export type { AnalysisReport } from './report'
export {
  analysisToMarkdown,
  analyze,
  MARKDOWN_COMBINED_ROWS_MAX,
  MARKDOWN_WORST_ROWS,
} from './report'
export type { ChangeKind, CompareRow, Comparison, ConfigChange, RunOutcome } from './compare'
export {
  applyChange,
  CHANGE_KINDS,
  describeChange,
  runOutcome,
  suggestedChange,
  summarise,
} from './compare'
export type {
  DetectionCause,
  ElectionClass,
  Incident,
  IncidentContext,
  IncidentMark,
  IncidentMarkKind,
  IncidentRecap,
} from './incident'
export { createIncidentTimeline, incidentAt, incidentTimeline } from './incident'
export type {
  ClassVerdict,
  ClientImpact,
  Verdict,
  VerdictOptions,
  VerdictTopic,
  WorstCase,
} from './verdict'
export {
  clientImpact,
  compareSeverity,
  faultsForFailure,
  FAILURE_CLASSES,
  verdict,
} from './verdict'
export { CLASS_LABELS, classSentences, clientsNote, verdictHeadline } from './verdict-text'
