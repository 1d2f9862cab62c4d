/**
 * Renders ClientLog in jsdom with hand-built log lines and checks that WARN and ERROR are spelled
 * out as text, and that the client and level filters narrow the lines shown.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { ClientLogLine } from '../../engine/types'
import { ClientLog } from './ClientLog'

afterEach(cleanup)

const lines: ClientLogLine[] = [
  {
    atMs: 1000,
    client: 'producer-1',
    level: 'INFO',
    message: 'Connected to node 1',
    logger: 'org.apache.kafka.clients.NetworkClient',
  },
  {
    atMs: 2000,
    client: 'producer-1',
    level: 'WARN',
    message: 'Got error produce response on topic-partition orders-0: NOT_ENOUGH_REPLICAS',
    logger: 'org.apache.kafka.clients.producer.internals.Sender',
  },
  {
    atMs: 3000,
    client: 'consumer-1',
    level: 'ERROR',
    message: 'Offset out of range',
    logger: 'application',
  },
]

function shown() {
  return screen.queryAllByRole('listitem').map((li) => li.textContent)
}

describe('ClientLog', () => {
  it('labels levels with text and filters by client and level', () => {
    render(<ClientLog lines={lines} />)
    expect(shown()).toEqual([
      '  00:01.000 INFO  [producer-1] Connected to node 1 (org.apache.kafka.clients.NetworkClient)',
      '! 00:02.000 WARN  [producer-1] Got error produce response on topic-partition orders-0: NOT_ENOUGH_REPLICAS (org.apache.kafka.clients.producer.internals.Sender)',
      "✖ 00:03.000 ERROR [consumer-1] Offset out of range (the application's send callback)",
    ])
    fireEvent.change(screen.getByRole('combobox', { name: 'Client' }), {
      target: { value: 'producer-1' },
    })
    expect(shown()).toHaveLength(2)
    fireEvent.click(screen.getByRole('checkbox', { name: 'WARN and ERROR only' }))
    expect(shown()).toHaveLength(1)
    expect(shown()[0]).toContain('WARN')
  })
})
