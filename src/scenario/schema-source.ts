/**
 * Builds the JSON Schema (draft 2020-12) of scenario files from the tables in `fields.ts`, the
 * same tables the validator reads. `public/scenario.schema.json` is this function's output; a
 * test fails when the file is out of date and rewrites it when run with UPDATE_SCHEMA=1;
 * `schema.ts` exports the same object to TypeScript.
 * What the schema cannot express (unique ids, references, RF against the broker count...) is
 * checked by `semantics.ts` only.
 */
import {
  AT_MS_FIELD,
  CLUSTER_CONFIG_FIELDS,
  BROKER_LIMITS_FIELDS,
  CLUSTER_FIELDS,
  STORAGE_FIELDS,
  CONSUMER_CONFIG_FIELDS,
  CONSUMER_FIELDS,
  FAULT_RULES,
  INITIAL_FIELDS,
  NARRATION_FIELDS,
  NARRATION_STEP_FIELDS,
  MAX_BROKERS,
  MAX_CONTROLLERS,
  MAX_INT32,
  MAX_PARTITIONS,
  NODE_FIELDS,
  PRODUCER_CONFIG_FIELDS,
  PRODUCER_FIELDS,
  ROOT_FIELDS,
  TOPIC_CONFIG_FIELDS,
  TOPIC_FIELDS,
  TRY_IT_VARIANT_FIELDS,
  type FieldSpec,
  type Rule,
} from './fields'
import {
  MAX_CLIENTS,
  MAX_FAULTS,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_NARRATION_STEPS,
  MAX_TOTAL_PARTITIONS,
} from './budget'
import { PARTITION_KEY } from './shape'

type Schema = Record<string, unknown>

function ruleSchema(rule: Rule): Schema {
  switch (rule.kind) {
    case 'integer':
      return { type: 'integer', minimum: rule.minimum, maximum: rule.maximum }
    case 'boolean':
      return { type: 'boolean' }
    case 'string': {
      const out: Schema = { type: 'string' }
      if (rule.minLength > 0) out.minLength = rule.minLength
      out.maxLength = rule.maxLength
      if (rule.pattern !== undefined) out.pattern = rule.pattern
      return out
    }
    case 'enum':
      return rule.values.length === 1 ? { const: rule.values[0] } : { enum: [...rule.values] }
    case 'integerList':
      return {
        type: 'array',
        items: { type: 'integer', minimum: rule.minimum, maximum: rule.maximum },
        minItems: rule.minItems,
        maxItems: MAX_LIST_ITEMS,
        uniqueItems: true,
      }
    case 'stringList':
      return {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: MAX_NAME_CHARS },
        minItems: rule.minItems,
        maxItems: rule.maxItems ?? MAX_LIST_ITEMS,
        uniqueItems: true,
      }
    case 'enumList':
      return {
        type: 'array',
        items: { enum: [...rule.values] },
        minItems: rule.minItems,
        uniqueItems: true,
      }
    case 'nested':
      return {}
  }
}

function objectSchema(
  description: string,
  specs: Record<string, FieldSpec>,
  nested: Record<string, Schema> = {},
): Schema {
  const properties: Record<string, Schema> = {}
  const required: string[] = []
  for (const [key, spec] of Object.entries(specs)) {
    const body = spec.rule.kind === 'nested' ? (nested[key] ?? {}) : ruleSchema(spec.rule)
    properties[key] = { description: spec.description, ...body }
    if (spec.required) required.push(key)
  }
  const out: Schema = { type: 'object', description, properties }
  if (required.length > 0) out.required = required
  out.additionalProperties = false
  return out
}

const ref = (name: string): Schema => ({ $ref: `#/$defs/${name}` })

function faultSchemas(): Record<string, Schema> {
  const out: Record<string, Schema> = {}
  for (const [type, rule] of Object.entries(FAULT_RULES)) {
    const specs: Record<string, FieldSpec> = {
      atMs: AT_MS_FIELD,
      type: {
        rule: { kind: 'enum', values: [type] },
        required: true,
        description: `${rule.description} Required.`,
      },
      ...rule.fields,
    }
    const schema = objectSchema(`A ${type} fault. ${rule.description}`, specs)
    if (type === 'electLeaders') schema.dependentRequired = { partition: ['topic'] }
    out[`fault_${type}`] = schema
  }
  return out
}

function partitionMapSchema(value: Schema): Schema {
  return {
    type: 'object',
    propertyNames: { pattern: PARTITION_KEY.source },
    maxProperties: MAX_PARTITIONS,
    additionalProperties: value,
  }
}

export function buildScenarioSchema(): Schema {
  const faults = faultSchemas()
  const defs: Record<string, Schema> = {
    node: objectSchema('A broker or controller node.', NODE_FIELDS),
    clusterConfig: objectSchema(
      "Broker and controller configs by Kafka's own keys; omitted keys keep Apache Kafka's defaults.",
      CLUSTER_CONFIG_FIELDS,
    ),
    cluster: {
      ...objectSchema(
        'The cluster: zones, brokers, controllers and broker configs.',
        CLUSTER_FIELDS,
        {
          brokers: { type: 'array', items: ref('node'), minItems: 1, maxItems: MAX_BROKERS },
          controllers: {
            type: 'array',
            items: ref('node'),
            minItems: 1,
            maxItems: MAX_CONTROLLERS,
          },
          config: ref('clusterConfig'),
          brokerLimits: ref('brokerLimits'),
          storage: ref('storage'),
        },
      ),
      oneOf: [{ required: ['brokers'] }, { required: ['brokersPerZone'] }],
    },
    brokerLimits: objectSchema("A custom broker type's limits.", BROKER_LIMITS_FIELDS),
    storage: objectSchema("Each Standard broker's EBS data volume.", STORAGE_FIELDS),
    topicConfig: objectSchema('Topic-level overrides of the cluster configs.', TOPIC_CONFIG_FIELDS),
    initialState: objectSchema('A partition state at t = 0.', INITIAL_FIELDS),
    topic: objectSchema('A topic.', TOPIC_FIELDS, {
      config: ref('topicConfig'),
      assignment: partitionMapSchema({
        type: 'array',
        items: { type: 'integer', minimum: 0, maximum: MAX_INT32 },
        minItems: 1,
        maxItems: MAX_LIST_ITEMS,
        uniqueItems: true,
      }),
      initial: partitionMapSchema(ref('initialState')),
    }),
    producerConfig: objectSchema("Producer configs by Kafka's own keys.", PRODUCER_CONFIG_FIELDS),
    consumerConfig: objectSchema("Consumer configs by Kafka's own keys.", CONSUMER_CONFIG_FIELDS),
    producer: objectSchema(
      'A producer writing to one topic.',
      withKind(PRODUCER_FIELDS, 'producer'),
      {
        config: ref('producerConfig'),
      },
    ),
    consumer: objectSchema('A consumer reading one topic.', withKind(CONSUMER_FIELDS, 'consumer'), {
      config: ref('consumerConfig'),
    }),
    ...faults,
    narrationStep: objectSchema('One step of the narration.', NARRATION_STEP_FIELDS),
    narration: objectSchema('Guided-tour text shown beside the run.', NARRATION_FIELDS, {
      steps: {
        type: 'array',
        items: ref('narrationStep'),
        minItems: 1,
        maxItems: MAX_NARRATION_STEPS,
      },
      tryItVariant: ref('tryItVariant'),
    }),
    tryItVariant: objectSchema(
      "The scenario a guided scenario's closing suggestion describes: this file with a JSON Merge Patch (RFC 7396) applied.",
      TRY_IT_VARIANT_FIELDS,
      {
        // The patch's values may be anything a merge patch holds (null deletes); what it makes
        // is checked by the reader, which applies it and validates the result.
        merge: {
          type: 'object',
          minProperties: 1,
          propertyNames: { enum: Object.keys(ROOT_FIELDS) },
        },
      },
    ),
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Kafka HA Lab scenario, version 1',
    ...objectSchema(
      'A Kafka HA Lab scenario: a cluster spread over availability zones, topics, clients and a fault script. Generated from src/scenario/fields.ts; do not edit by hand. Besides what this schema says, the reader enforces work budgets over the whole file (docs/scenario-format.md, "Work budgets": total partitions, replicas, clients, records per second, the run\'s work, the text\'s size) and refuses control, bidirectional-formatting and zero-width characters in names.',
      ROOT_FIELDS,
      {
        cluster: ref('cluster'),
        // Each topic has a partition at least, each client entry is a client at least.
        topics: { type: 'array', items: ref('topic'), maxItems: MAX_TOTAL_PARTITIONS },
        clients: {
          type: 'array',
          items: { oneOf: [ref('producer'), ref('consumer')] },
          maxItems: MAX_CLIENTS,
        },
        faults: {
          type: 'array',
          items: { oneOf: Object.keys(faults).map(ref) },
          maxItems: MAX_FAULTS,
        },
        narration: ref('narration'),
      },
    ),
    $defs: defs,
  }
}

function withKind(specs: Record<string, FieldSpec>, kind: string): Record<string, FieldSpec> {
  const kindSpec = specs.kind as FieldSpec
  return { ...specs, kind: { ...kindSpec, rule: { kind: 'enum', values: [kind] } } }
}
