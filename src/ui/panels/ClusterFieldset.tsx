/**
 * The Kafka version, zones, brokers per zone, the control plane (KRaft quorum or ZooKeeper
 * ensemble) and the capacity: broker type and storage. The version picker says under it what the
 * engine does differently on that version. Choosing a broker type that fixes cluster configs
 * (Express: min.insync.replicas 2, default.replication.factor 3, unclean election off) shows
 * those values in the broker config fields.
 */
import type { ControllerMode, SimulationSpec } from '../../engine/spec'
import {
  KAFKA_VERSIONS,
  type KafkaVersion,
  versionLabel,
  versionSummary,
} from '../../analysis/version'
import { MAX_ZONES } from '../../scenario/fields'
import { mergedClusterConfig } from '../../scenario/normalize'
import { BrokerTypeFieldset } from './BrokerTypeFieldset'
import { type ConfigForm, type FieldProblems, topologyOf, withKafkaVersion } from './config-form'
import { Field, INPUT_CLASS, fieldGridStyle, longestLabel } from './Field'

interface ClusterFieldsetProps {
  form: ConfigForm
  base: SimulationSpec
  errors: FieldProblems
  onChange: (edit: (draft: ConfigForm) => void) => void
}

const CONTROLLER_MODES: Record<ControllerMode, string> = {
  kraft: 'KRaft',
  zookeeper: 'ZooKeeper (Kafka 3.9 and earlier)',
}
const SPREAD = 'Spread over the zones'
const GONE_ZONE = 'A zone that no longer exists'
const allIn = (zone: string) => `All in ${zone}`

/** The cluster configs a broker type sets (Express's fixed settings), shown in the form. */
function showTypeDefaults(form: ConfigForm): void {
  if (form.brokerType === 'none') return
  const typed = mergedClusterConfig(undefined, form.kafkaVersion, form.brokerType)
  const plain = mergedClusterConfig(undefined, form.kafkaVersion)
  for (const key of ['min.insync.replicas', 'default.replication.factor'] as const) {
    if (typed[key] !== plain[key]) form.numeric[key] = String(typed[key])
  }
  const unclean = 'unclean.leader.election.enable'
  if (typed[unclean] !== plain[unclean]) form.flags[unclean] = typed[unclean]
}

export function ClusterFieldset({ form, base, errors, onChange }: ClusterFieldsetProps) {
  const topology = topologyOf(form, base)
  const nodes = form.controllerMode === 'kraft' ? 'KRaft controllers' : 'ZooKeeper nodes'
  const brokerIds = topology.brokers.map((b) => b.id)
  // Every column fits the widest of the selects' options, so none is cut off.
  const gridStyle = fieldGridStyle(
    longestLabel([
      ...KAFKA_VERSIONS.map(versionLabel),
      ...Object.values(CONTROLLER_MODES),
      SPREAD,
      GONE_ZONE,
      ...topology.zones.map(allIn),
    ]),
  )
  return (
    <fieldset className="grid gap-2 rounded border border-border p-2" style={gridStyle}>
      <legend className="px-1 font-semibold">Cluster</legend>
      <Field
        label="Kafka version"
        problems={errors.kafkaVersion}
        hint={versionSummary(form.kafkaVersion)}
      >
        {(a11y) => (
          <select
            {...a11y}
            className={INPUT_CLASS}
            value={form.kafkaVersion}
            onChange={(e) => {
              const version = e.target.value as KafkaVersion
              onChange((f) => {
                Object.assign(f, withKafkaVersion(f, version))
              })
            }}
          >
            {[...KAFKA_VERSIONS].reverse().map((version) => (
              <option key={version} value={version}>
                {versionLabel(version)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={`Zones (1–${MAX_ZONES})`}
        problems={errors.zoneCount}
        hint={topology.zones.join(', ')}
      >
        {(a11y) => (
          <input
            {...a11y}
            inputMode="numeric"
            className={INPUT_CLASS}
            value={form.zoneCount}
            onChange={(e) =>
              onChange((f) => {
                f.zoneCount = e.target.value
              })
            }
          />
        )}
      </Field>
      <Field
        label="Brokers per zone"
        problems={errors.brokersPerZone}
        hint={`Brokers ${brokerIds[0] ?? 1}–${brokerIds.at(-1) ?? 1}, round-robin over the zones`}
      >
        {(a11y) => (
          <input
            {...a11y}
            inputMode="numeric"
            className={INPUT_CLASS}
            value={form.brokersPerZone}
            onChange={(e) =>
              onChange((f) => {
                f.brokersPerZone = e.target.value
              })
            }
          />
        )}
      </Field>
      <Field label="Controller mode" problems={errors.controllerMode}>
        {(a11y) => (
          <select
            {...a11y}
            className={INPUT_CLASS}
            value={form.controllerMode}
            onChange={(e) =>
              onChange((f) => {
                f.controllerMode = e.target.value as ControllerMode
              })
            }
          >
            <option value="kraft">{CONTROLLER_MODES.kraft}</option>
            <option value="zookeeper">{CONTROLLER_MODES.zookeeper}</option>
          </select>
        )}
      </Field>
      <Field
        label={form.controllerMode === 'kraft' ? 'Controllers' : 'ZooKeeper nodes'}
        problems={errors.controllerCount}
        hint={`Ids ${topology.controllers.map((c) => c.id).join(', ')}`}
      >
        {(a11y) => (
          <input
            {...a11y}
            inputMode="numeric"
            className={INPUT_CLASS}
            value={form.controllerCount}
            onChange={(e) =>
              onChange((f) => {
                f.controllerCount = e.target.value
              })
            }
          />
        )}
      </Field>
      <Field label={`Place ${nodes}`} problems={errors.controllerPlacement}>
        {(a11y) => (
          <select
            {...a11y}
            className={INPUT_CLASS}
            value={form.controllerPlacement}
            onChange={(e) =>
              onChange((f) => {
                f.controllerPlacement = e.target.value
              })
            }
          >
            <option value="spread">{SPREAD}</option>
            {topology.zones.map((zone, i) => (
              <option key={zone} value={String(i)}>
                {allIn(zone)}
              </option>
            ))}
            {form.controllerPlacement !== 'spread' &&
              Number(form.controllerPlacement) >= topology.zones.length && (
                <option value={form.controllerPlacement}>{GONE_ZONE}</option>
              )}
          </select>
        )}
      </Field>
      <BrokerTypeFieldset
        form={form}
        errors={errors}
        onChange={(edit) =>
          onChange((f) => {
            const before = f.brokerType
            edit(f)
            if (f.brokerType !== before) showTypeDefaults(f)
          })
        }
      />
    </fieldset>
  )
}
