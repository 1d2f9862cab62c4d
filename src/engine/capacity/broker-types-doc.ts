/**
 * The Markdown tables of broker types that docs/capacity.md carries between its `broker-types`
 * markers, rendered from the data file; broker-types.test.ts keeps the two equal (on a change,
 * paste the output of `brokerTypesMarkdown()` between the markers).
 */
import { BROKER_TYPES, COLUMN_SOURCES, SOURCES, type BrokerTypeFigures } from './broker-types'

const NOT_PUBLISHED = 'not published'

function cell(value: number | null, missing = NOT_PUBLISHED): string {
  return value === null ? missing : String(value)
}

function standardRow(t: BrokerTypeFigures): string {
  const network =
    t.networkBurstGbps === null
      ? `${cell(t.networkBaselineGbps)}`
      : `${cell(t.networkBaselineGbps)} (bursts to ${t.networkBurstGbps} on credits)`
  return `| \`${t.type}\` | ${cell(t.vcpus)} | ${cell(t.memoryGiB)} | ${network} | ${cell(t.volumeDefaultMiBps)} | ${cell(t.volumeMaxProvisionedMiBps, 'cannot provision')} | ${cell(t.recommendedPartitions)} | ${cell(t.maxPartitions)} |`
}

function expressRow(t: BrokerTypeFigures): string {
  return `| \`${t.type}\` | ${cell(t.expressIngressMBps)} | ${cell(t.expressEgressMBps)} | ${cell(t.vcpus)} | ${cell(t.networkBaselineGbps)} | ${cell(t.maxPartitions)} |`
}

function sourceList(family: BrokerTypeFigures['family']): string {
  const ids = [...new Set(Object.values(COLUMN_SOURCES[family]))]
  return ids.map((id) => `[${SOURCES[id].title}](${SOURCES[id].url})`).join('; ')
}

export function brokerTypesMarkdown(): string {
  const standard = BROKER_TYPES.filter((t) => t.family === 'standard')
  const express = BROKER_TYPES.filter((t) => t.family === 'express')
  return [
    '### Standard brokers',
    '',
    '| Type | vCPUs | Memory (GiB) | Network baseline (Gbps) | Volume throughput, default (MiB/s) | Provisioned throughput, max (MiB/s) | Partitions per broker, recommended | Partitions per broker, max |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...standard.map(standardRow),
    '',
    `Sources: ${sourceList('standard')}.`,
    '',
    '### Express brokers',
    '',
    '| Type | Ingress, recommended max (MBps) | Egress, recommended max (MBps) | vCPUs | Network (Gbps) | Partitions per broker, max |',
    '| --- | --- | --- | --- | --- | --- |',
    ...express.map(expressRow),
    '',
    `Sources: ${sourceList('express')}. Express vCPUs, network bandwidth and partition quotas appear only in third-party copies of the MSK quota page, not in an AWS page we could read, so they are left out ("${NOT_PUBLISHED}").`,
  ].join('\n')
}

export const BEGIN_MARKER =
  '<!-- broker-types: generated from src/engine/capacity/broker-types.ts -->'
export const END_MARKER = '<!-- /broker-types -->'
