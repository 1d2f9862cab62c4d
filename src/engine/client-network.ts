/**
 * The Java client's network layer, shared by producers and consumers: one connection per node
 * with Kafka's states and backoffs (clients/.../ClusterConnectionStates.java), the choice of a
 * node for metadata (NetworkClient.leastLoadedNode), and when a metadata refresh may go out
 * (Metadata.timeToAllowUpdate). docs/kafka-rules.md §5.
 *
 * What a broker's failure looks like from a client, as TCP makes it look:
 * - a crashed or stopped process on a running host resets its connections: the client sees the
 *   disconnect one network latency later and a new connection is refused at once;
 * - a host that is down (its zone stopped) or cut off from clients says nothing: requests already
 *   written wait for `request.timeout.ms`, and a new connection waits for
 *   `socket.connection.setup.timeout.ms`.
 *
 * Simplifications: a connection is ready after one round trip (TCP handshake and ApiVersions
 * folded together); a client's node list is every broker of the cluster (Kafka's is the brokers
 * the last metadata response named); a connection to a starting broker is refused.
 */
import {
  at,
  brokerAt,
  clientLine,
  consumerAt,
  emit,
  findBrokerIdx,
  producerAt,
  type Ctx,
} from './context'
import {
  asBrokerIndex,
  asConsumerIndex,
  asProducerIndex,
  decodeClientCode,
  type BrokerIndex,
} from './ids'
import { clientToBroker } from './network'
import { intInclusive, nextInt, type PrngState } from './prng'
import { EV } from './state'
import type { ClientConnection, ClientNetState } from './state'
import type { ConnectionConfig, IsolationScope, ProducerSpec } from './spec'
import type { MemberSpec } from './context'
import type { ClientLogLine } from './types'
import { atLeast, DEFAULT_KAFKA_VERSION, rulesOf, type VersionRules } from './versions'

export const CONN_DISCONNECTED = 0
export const CONN_CONNECTING = 1
export const CONN_READY = 2

/** The Java client's logger names, as its log lines end: "(org.apache.kafka.clients.NetworkClient)". */
export const LOGGER = {
  network: 'org.apache.kafka.clients.NetworkClient',
  metadata: 'org.apache.kafka.clients.Metadata',
  sender: 'org.apache.kafka.clients.producer.internals.Sender',
  fetchCollector: 'org.apache.kafka.clients.consumer.internals.FetchCollector',
  abstractFetch: 'org.apache.kafka.clients.consumer.internals.AbstractFetch',
  subscriptions: 'org.apache.kafka.clients.consumer.internals.SubscriptionState',
  /** Not Kafka's: what the application's send callback receives (the exception's text). */
  application: 'application',
} as const

/** In-flight requests per consumer connection (the consumer's NetworkClient allows 100). */
const CONSUMER_MAX_IN_FLIGHT = 100

/**
 * ExponentialBackoff.backoff: `initial × 2^attempts`, capped at `max`, times a random factor in
 * [1 − jitter, 1 + jitter) with jitter 0.2, never above `max`. Integer arithmetic: the factor is
 * drawn in thousandths (the engine uses no floating-point randomness).
 */
export function exponentialBackoff(
  prng: PrngState,
  initialMs: number,
  maxMs: number,
  attempts: number,
): number {
  const initial = Math.min(initialMs, maxMs)
  if (maxMs <= initial) return initial
  let term = initial
  for (let i = 0; i < attempts && term < maxMs; i++) term *= 2
  term = Math.min(term, maxMs)
  const factor = intInclusive(prng, 800, 1199)
  return Math.min(Math.floor((term * factor) / 1000), maxMs)
}

/** ClusterConnectionStates' reconnect backoff after `attempts` failures (ExponentialBackoff). */
function reconnectBackoff(ctx: Ctx, config: ConnectionConfig, attempts: number): number {
  return exponentialBackoff(
    ctx.s.prng,
    config['reconnect.backoff.ms'],
    config['reconnect.backoff.max.ms'],
    attempts,
  )
}

/** ClusterConnectionStates' connection setup timeout after `attempts` failed connects. */
function setupTimeout(ctx: Ctx, config: ConnectionConfig, attempts: number): number {
  return exponentialBackoff(
    ctx.s.prng,
    config['socket.connection.setup.timeout.ms'],
    config['socket.connection.setup.timeout.max.ms'],
    attempts,
  )
}

export function newConnection(config: ConnectionConfig): ClientConnection {
  // The fields every send reads (state, inFlight, gen) first: V8 lays them out in this order,
  // so one cache line serves the producer's per-batch check of a connection (one of thousands).
  return {
    state: CONN_DISCONNECTED,
    inFlight: 0,
    gen: 0,
    brokerGen: -1,
    failedAttempts: 0,
    failedConnectAttempts: 0,
    lastAttemptMs: -1e9,
    reconnectBackoffMs: config['reconnect.backoff.ms'],
    setupTimeoutMs: config['socket.connection.setup.timeout.ms'],
  }
}

export function newClientNet(
  config: ConnectionConfig & { 'bootstrap.servers': readonly number[] },
  brokerCount: number,
  coordinatorNodes = false,
): ClientNetState {
  const nodes =
    brokerCount + config['bootstrap.servers'].length + (coordinatorNodes ? brokerCount : 0)
  return {
    conns: Array.from({ length: nodes }, () => newConnection(config)),
    connected: false,
    metadataGen: 0,
    metadataInFlight: false,
    metadataNode: -1,
    metadataSentAtMs: 0,
    needMetadata: true,
    lastRefreshMs: -1e9,
    lastSuccessfulRefreshMs: 0,
    metadataAttempts: 0,
    equivalentResponses: 0,
    metadataAllowedAtMs: 0,
    metadataPollAtMs: -1,
    bootstrapFailed: false,
  }
}

/**
 * A client process died (crashClient): its sockets went with it. Every connection is closed and
 * any answer still on its way is stale; the process that starts later begins as a new client
 * (bootstrap, metadata, connections).
 */
export function resetClientNet(net: ClientNetState, config: ConnectionConfig): void {
  for (const conn of net.conns) {
    conn.state = CONN_DISCONNECTED
    conn.gen += 1
    conn.brokerGen = -1
    conn.failedAttempts = 0
    conn.failedConnectAttempts = 0
    conn.lastAttemptMs = -1e9
    conn.reconnectBackoffMs = config['reconnect.backoff.ms']
    conn.setupTimeoutMs = config['socket.connection.setup.timeout.ms']
    conn.inFlight = 0
  }
  net.connected = false
  net.metadataGen += 1
  net.metadataInFlight = false
  net.metadataNode = -1
  net.needMetadata = true
  net.lastRefreshMs = -1e9
  net.lastSuccessfulRefreshMs = 0
  net.metadataAttempts = 0
  net.equivalentResponses = 0
  net.metadataAllowedAtMs = 0
  net.metadataPollAtMs = -1
  net.bootstrapFailed = false
}

export type ClientSpecOf = ProducerSpec | MemberSpec

export interface ResolvedClient {
  net: ClientNetState
  spec: ClientSpecOf
  kind: 'producer' | 'consumer'
  index: number
}

export function resolveClient(ctx: Ctx, code: number): ResolvedClient {
  const { kind, index } = decodeClientCode(code)
  const net: ClientNetState & { client: number } =
    kind === 'producer'
      ? producerAt(ctx, asProducerIndex(index))
      : consumerAt(ctx, asConsumerIndex(index))
  const spec =
    kind === 'producer' ? (ctx.spec.clients[net.client] as ProducerSpec) : ctx.memberSpecs[index]
  return { net, spec: spec as ClientSpecOf, kind, index }
}

export function clientPrefix(spec: ClientSpecOf): string {
  if (spec.kind === 'producer') return `[Producer clientId=${spec.id}]`
  if (spec.group !== undefined) return `[Consumer clientId=${spec.clientId}, groupId=${spec.group}]`
  return `[Consumer clientId=${spec.id}, groupId=${spec.id}-group]`
}

/** A client's log line, with the Java class that prints it. */
export function clientLog(
  ctx: Ctx,
  spec: ClientSpecOf,
  level: ClientLogLine['level'],
  logger: string,
  message: string,
): void {
  clientLine(ctx, spec.id, level, `${clientPrefix(spec)} ${message}`, logger)
}

/**
 * The broker behind connection `k`: connections 0…B−1 are the brokers by index, then one per
 * bootstrap server (Kafka numbers bootstrap nodes −1, −2, … in the order of bootstrap.servers),
 * then, for a group member, one per broker as group coordinator (AbstractCoordinator names the
 * coordinator node Integer.MAX_VALUE − broker id "to allow separate connections").
 */
export function nodeBroker(ctx: Ctx, spec: ClientSpecOf, k: number): BrokerIndex {
  const brokers = ctx.s.brokers.length
  if (k < brokers) return asBrokerIndex(k)
  const bootstrap = spec.config['bootstrap.servers'].length
  if (k >= brokers + bootstrap) return asBrokerIndex(k - brokers - bootstrap)
  const id = spec.config['bootstrap.servers'][k - brokers] as number
  return findBrokerIdx(ctx, id)
}

/** The connection index of the group coordinator node on broker `b`. */
export function coordinatorNode(ctx: Ctx, spec: ClientSpecOf, b: BrokerIndex): number {
  return ctx.s.brokers.length + spec.config['bootstrap.servers'].length + b
}

/** A bootstrap node's connection. */
function isBootstrapNode(ctx: Ctx, spec: ClientSpecOf, k: number): boolean {
  const brokers = ctx.s.brokers.length
  return k >= brokers && k < brokers + spec.config['bootstrap.servers'].length
}

export const COORDINATOR_ID_BASE = 2147483647

export function nodeId(ctx: Ctx, spec: ClientSpecOf, k: number): number {
  const brokers = ctx.s.brokers.length
  if (k < brokers) return brokerAt(ctx, asBrokerIndex(k)).id
  if (isBootstrapNode(ctx, spec, k)) return -(k - brokers + 1)
  return COORDINATOR_ID_BASE - brokerAt(ctx, nodeBroker(ctx, spec, k)).id
}

function nodeAddress(ctx: Ctx, spec: ClientSpecOf, k: number): string {
  const brokers = ctx.s.brokers.length
  const id = isBootstrapNode(ctx, spec, k)
    ? spec.config['bootstrap.servers'][k - brokers]
    : brokerAt(ctx, nodeBroker(ctx, spec, k)).id
  return `b-${id}:9092`
}

/**
 * The socket's remote address as InetSocketAddress.toString prints it, "host/ip:port"
 * (KafkaChannel's remoteAddress in NetworkClient's "could not be established" line). The
 * simulator's brokers have synthetic addresses: 10.0.<zone number>.<broker id mod 256>.
 */
function remoteAddress(ctx: Ctx, spec: ClientSpecOf, k: number): string {
  const b = nodeBroker(ctx, spec, k)
  if (b < 0) return nodeAddress(ctx, spec, k)
  const broker = brokerAt(ctx, b)
  return `b-${broker.id}/10.0.${broker.zone + 1}.${broker.id % 256}:9092`
}

/** Node.toString: "b-2:9092 (id: 2147483645 rack: null)" (a coordinator node has no rack). */
export function nodeText(ctx: Ctx, spec: ClientSpecOf, k: number): string {
  return `${nodeAddress(ctx, spec, k)} (id: ${nodeId(ctx, spec, k)} rack: null)`
}

/** How a connection attempt to broker `b` ends: it opens, it is refused, or nothing answers. */
function connectOutcome(ctx: Ctx, b: BrokerIndex): 'open' | 'refused' | 'silent' {
  if (b < 0) return 'silent'
  if (clientToBroker(ctx, b)) return 'open'
  const broker = brokerAt(ctx, b)
  if (!broker.hostUp) return 'silent'
  const zone = ctx.s.zones[broker.zone] as { isolatedFrom: IsolationScope[] }
  if (broker.isolatedFrom.includes('clients') || zone.isolatedFrom.includes('clients'))
    return 'silent'
  // The host answers with a reset: no process listens (crashed, stopped or still starting).
  return 'refused'
}

export function maxInFlight(spec: ClientSpecOf): number {
  return spec.kind === 'producer'
    ? spec.config['max.in.flight.requests.per.connection']
    : CONSUMER_MAX_IN_FLIGHT
}

/** NetworkClient.canSendRequest: ready, and fewer than the maximum requests in flight. */
export function canSendRequest(conn: ClientConnection, limit: number): boolean {
  return conn.state === CONN_READY && conn.inFlight < limit
}

/** ClusterConnectionStates.canConnect: disconnected and the reconnect backoff has passed. */
export function canConnect(conn: ClientConnection, now: number): boolean {
  return conn.state === CONN_DISCONNECTED && now - conn.lastAttemptMs >= conn.reconnectBackoffMs
}

/** NetworkClient.initiateConnect: the connection is CONNECTING until it opens, fails or times out. */
export function initiateConnect(ctx: Ctx, code: number, k: number): void {
  const { net, spec } = resolveClient(ctx, code)
  const conn = net.conns[k] as ClientConnection
  if (conn.gen === 0) {
    // ClusterConnectionStates.connecting creates the node's state with backoff(0) of both
    // ExponentialBackoffs: already jittered.
    conn.reconnectBackoffMs = reconnectBackoff(ctx, spec.config, 0)
    conn.setupTimeoutMs = setupTimeout(ctx, spec.config, 0)
  }
  conn.state = CONN_CONNECTING
  conn.gen += 1
  conn.lastAttemptMs = ctx.s.nowMs
  at(ctx, 2 * ctx.latencyClientMs, EV.connectCheck, code, k, conn.gen)
}

/**
 * A connection attempt's outcome: opened (ClusterConnectionStates.ready), refused at once, or,
 * when nothing answers, given up after the connection setup timeout
 * (NetworkClient.handleTimedOutConnections).
 */
export function checkConnect(
  ctx: Ctx,
  code: number,
  k: number,
  gen: number,
): 'ready' | DisconnectCause | 'pending' {
  const { net, spec } = resolveClient(ctx, code)
  const conn = net.conns[k] as ClientConnection
  if (conn.gen !== gen || conn.state !== CONN_CONNECTING) return 'pending'
  const b = nodeBroker(ctx, spec, k)
  const outcome = connectOutcome(ctx, b)
  const now = ctx.s.nowMs
  if (outcome === 'open') {
    conn.state = CONN_READY
    conn.brokerGen = brokerAt(ctx, b).gen
    // resetReconnectBackoff, resetConnectionSetupTimeout: backoff(0), jittered.
    conn.failedAttempts = 0
    conn.reconnectBackoffMs = reconnectBackoff(ctx, spec.config, 0)
    conn.failedConnectAttempts = 0
    conn.setupTimeoutMs = setupTimeout(ctx, spec.config, 0)
    return 'ready'
  }
  if (outcome === 'refused') return 'refused'
  const deadline = conn.lastAttemptMs + conn.setupTimeoutMs
  if (now < deadline) {
    // The SYN goes unanswered; look again when the setup timeout is due.
    at(ctx, deadline - now, EV.connectCheck, code, k, gen)
    return 'pending'
  }
  return 'setup-timeout'
}

export type DisconnectCause = 'refused' | 'setup-timeout' | 'reset' | 'request-timeout'

/**
 * NetworkClient.processDisconnection, the network half: the connection state and its backoffs,
 * the log lines and a metadata request in flight failed. The caller cancels its own requests in
 * flight on the connection, then asks for a metadata update (DefaultMetadataUpdater
 * .handleServerDisconnect: "the disconnect may be the result of stale metadata").
 */
export function disconnected(ctx: Ctx, code: number, k: number, cause: DisconnectCause): number {
  const { net, spec } = resolveClient(ctx, code)
  const conn = net.conns[k] as ClientConnection
  const id = nodeId(ctx, spec, k)
  const config = spec.config
  if (cause === 'refused') {
    // NetworkClient.handleDisconnections logs every selector disconnection, then
    // processDisconnection warns for one that never connected (ChannelState NOT_CONNECTED).
    clientLog(ctx, spec, 'INFO', LOGGER.network, `Node ${id} disconnected.`)
    clientLog(
      ctx,
      spec,
      'WARN',
      LOGGER.network,
      `Connection to node ${id} (${remoteAddress(ctx, spec, k)}) could not be established. ${atLeast(clientRules(ctx).version, '3.7') ? 'Node' : 'Broker'} may not be available.`,
    )
  } else if (cause === 'setup-timeout') {
    clientLog(
      ctx,
      spec,
      'INFO',
      LOGGER.network,
      `Disconnecting from node ${id} due to socket connection setup timeout. The timeout value is ${conn.setupTimeoutMs} ms.`,
    )
  } else if (cause === 'request-timeout') {
    clientLog(
      ctx,
      spec,
      'INFO',
      LOGGER.network,
      `Disconnecting from node ${id} due to request timeout.`,
    )
  } else {
    clientLog(ctx, spec, 'INFO', LOGGER.network, `Node ${id} disconnected.`)
  }
  // ClusterConnectionStates.disconnected.
  const wasConnecting = conn.state === CONN_CONNECTING
  conn.lastAttemptMs = ctx.s.nowMs
  conn.reconnectBackoffMs = reconnectBackoff(ctx, config, conn.failedAttempts)
  conn.failedAttempts += 1
  if (wasConnecting) {
    conn.failedConnectAttempts += 1
    conn.setupTimeoutMs = setupTimeout(ctx, config, conn.failedConnectAttempts)
  } else {
    conn.failedConnectAttempts = 0
    conn.setupTimeoutMs = setupTimeout(ctx, config, 0)
  }
  conn.state = CONN_DISCONNECTED
  conn.gen += 1
  // Requests in flight on it are cancelled: timed out, or disconnected.
  const inFlight = conn.inFlight
  conn.inFlight = 0
  if (net.metadataInFlight && net.metadataNode === k) {
    net.metadataInFlight = false
    net.metadataGen += 1
    failedMetadataUpdate(ctx, net, spec)
  } else if (
    !net.metadataInFlight &&
    ctx.s.nowMs >= net.metadataAllowedAtMs &&
    (net.needMetadata ||
      ctx.s.nowMs - net.lastSuccessfulRefreshMs >= spec.config['metadata.max.age.ms'])
  ) {
    // DefaultMetadataUpdater.handleServerDisconnect: a disconnect while an update is due counts
    // as a failed update (Metadata.failedUpdate), so the next attempt backs off.
    failedMetadataUpdate(ctx, net, spec)
  }
  if (!net.connected && isBootstrapNode(ctx, spec, k)) {
    // Metadata still comes from bootstrap servers (Cluster.isBootstrapConfigured).
    clientLog(
      ctx,
      spec,
      'WARN',
      LOGGER.network,
      `Bootstrap broker ${nodeAddress(ctx, spec, k)} (id: ${id} rack: null) disconnected`,
    )
    if (!net.bootstrapFailed && everyBootstrapFailed(ctx, net, spec)) {
      net.bootstrapFailed = true
      emit(ctx, {
        atMs: ctx.s.nowMs,
        type: 'ClientConnectFailed',
        client: spec.id,
        bootstrapServers: spec.config['bootstrap.servers'].slice(),
      })
    }
  }
  return inFlight
}

function everyBootstrapFailed(ctx: Ctx, net: ClientNetState, spec: ClientSpecOf): boolean {
  const first = ctx.s.brokers.length
  for (let j = 0; j < spec.config['bootstrap.servers'].length; j++) {
    const conn = net.conns[first + j] as ClientConnection
    if (conn.state !== CONN_DISCONNECTED || conn.failedAttempts === 0) return false
  }
  return true
}

/** Metadata.failedUpdate: counts the attempt, so the next one backs off exponentially. */
function failedMetadataUpdate(ctx: Ctx, net: ClientNetState, spec: ClientSpecOf): void {
  const now = ctx.s.nowMs
  net.lastRefreshMs = now
  net.metadataAttempts += 1
  net.equivalentResponses = 0
  net.metadataAllowedAtMs = now + refreshBackoff(ctx, spec, net.metadataAttempts - 1)
}

/**
 * Metadata's refresh backoff: from 3.7 (KIP-580) `retry.backoff.ms` doubling up to
 * `retry.backoff.max.ms` with jitter; before, a constant `retry.backoff.ms`.
 */
function refreshBackoff(ctx: Ctx, spec: ClientSpecOf, attempts: number): number {
  const base = spec.config['retry.backoff.ms']
  if (!clientRules(ctx).exponentialRetryBackoff) return base
  return exponentialBackoff(ctx.s.prng, base, spec.config['retry.backoff.max.ms'], attempts)
}

/**
 * The client library's rules: the Kafka version the scenario names (an upgradeCluster upgrades
 * the brokers, not the applications' client libraries).
 */
export function clientRules(ctx: Ctx): VersionRules {
  return rulesOf(ctx.spec.cluster.kafkaVersion ?? DEFAULT_KAFKA_VERSION)
}

/**
 * NetworkClient's DefaultMetadataUpdater.maybeUpdate: when an update is due and allowed, send it
 * to the least loaded node, connecting to one first if none is ready.
 */
export function maybeUpdateMetadata(ctx: Ctx, code: number): void {
  const { net, spec } = resolveClient(ctx, code)
  if (net.metadataInFlight) return
  const now = ctx.s.nowMs
  if (!net.needMetadata && now - net.lastSuccessfulRefreshMs < spec.config['metadata.max.age.ms'])
    return
  if (now < net.metadataAllowedAtMs) {
    schedulePoll(ctx, code, net, net.metadataAllowedAtMs)
    return
  }
  const k = leastLoadedNode(ctx, net, spec)
  if (k < 0) {
    // "Give up sending metadata request since no node is available": look again after the backoff.
    schedulePoll(ctx, code, net, now + spec.config['reconnect.backoff.ms'])
    return
  }
  const conn = net.conns[k] as ClientConnection
  if (canSendRequest(conn, maxInFlight(spec))) {
    net.metadataInFlight = true
    net.metadataNode = k
    net.metadataSentAtMs = now
    net.metadataGen += 1
    conn.inFlight += 1
    at(ctx, 2 * ctx.latencyClientMs, EV.metadataResponse, code, k, net.metadataGen)
    return
  }
  // A connection under way wakes the client when it opens (onReady) or fails (disconnected).
  if (anyConnecting(net)) return
  if (canConnect(conn, now)) initiateConnect(ctx, code, k)
}

function anyConnecting(net: ClientNetState): boolean {
  for (const conn of net.conns) if (conn.state === CONN_CONNECTING) return true
  return false
}

function schedulePoll(ctx: Ctx, code: number, net: ClientNetState, atMs: number): void {
  if (net.metadataPollAtMs >= ctx.s.nowMs && net.metadataPollAtMs <= atMs) return
  net.metadataPollAtMs = atMs
  at(ctx, atMs - ctx.s.nowMs, EV.metadataRetry, code)
}

export function onMetadataPoll(ctx: Ctx, code: number): void {
  const { net } = resolveClient(ctx, code)
  if (net.metadataPollAtMs !== ctx.s.nowMs) return
  net.metadataPollAtMs = -1
  maybeUpdateMetadata(ctx, code)
}

/**
 * NetworkClient.leastLoadedNode: from a random offset, the first ready node with nothing in
 * flight; else the ready node with the fewest; else one connecting; else the one whose last
 * attempt is oldest among those allowed to connect. -1 when none is.
 */
export function leastLoadedNode(ctx: Ctx, net: ClientNetState, spec: ClientSpecOf): number {
  const brokers = ctx.s.brokers.length
  const first = net.connected ? 0 : brokers
  const count = net.connected ? brokers : spec.config['bootstrap.servers'].length
  const limit = maxInFlight(spec)
  const now = ctx.s.nowMs
  const offset = nextInt(ctx.s.prng, count)
  let foundReady = -1
  let fewest = Number.MAX_SAFE_INTEGER
  let foundConnecting = -1
  let foundCanConnect = -1
  for (let i = 0; i < count; i++) {
    const k = first + ((offset + i) % count)
    const conn = net.conns[k] as ClientConnection
    if (canSendRequest(conn, limit)) {
      if (conn.inFlight === 0) return k
      if (conn.inFlight < fewest) {
        fewest = conn.inFlight
        foundReady = k
      }
    } else if (conn.state === CONN_CONNECTING) {
      foundConnecting = k
    } else if (canConnect(conn, now)) {
      if (
        foundCanConnect < 0 ||
        (net.conns[foundCanConnect] as ClientConnection).lastAttemptMs > conn.lastAttemptMs
      )
        foundCanConnect = k
    }
  }
  if (foundReady >= 0) return foundReady
  if (foundConnecting >= 0) return foundConnecting
  return foundCanConnect
}

/**
 * A metadata response reaches the client (its answer was computed by the broker at `b`). Returns
 * false when it cannot: the client then waits for the request timeout.
 */
export function takeMetadataResponse(ctx: Ctx, code: number, k: number, gen: number): boolean {
  const { net, spec } = resolveClient(ctx, code)
  if (gen !== net.metadataGen || !net.metadataInFlight) return false
  const b = nodeBroker(ctx, spec, k)
  if (b < 0 || !clientToBroker(ctx, b)) return false
  const conn = net.conns[k] as ClientConnection
  net.metadataInFlight = false
  conn.inFlight = Math.max(0, conn.inFlight - 1)
  return true
}

/**
 * Metadata.update after a successful response: the refresh time, and the count of responses that
 * brought nothing new (KIP-580, 3.7: each one doubles the wait before the next refresh).
 */
export function metadataUpdated(ctx: Ctx, code: number, changed: boolean): void {
  const { net, spec } = resolveClient(ctx, code)
  const now = ctx.s.nowMs
  net.needMetadata = false
  net.lastRefreshMs = now
  net.lastSuccessfulRefreshMs = now
  net.metadataAttempts = 0
  net.equivalentResponses = changed ? 0 : net.equivalentResponses + 1
  const base = refreshBackoff(ctx, spec, 0)
  net.metadataAllowedAtMs =
    now +
    Math.max(
      base,
      net.equivalentResponses > 0 ? refreshBackoff(ctx, spec, net.equivalentResponses - 1) : 0,
    )
}

/** Metadata.requestUpdate, then an attempt to send it. */
export function requestMetadataUpdate(ctx: Ctx, code: number): void {
  resolveClient(ctx, code).net.needMetadata = true
  maybeUpdateMetadata(ctx, code)
}

/** The connection of a metadata request in flight past `request.timeout.ms`, else -1. */
export function expiredMetadataNode(ctx: Ctx, code: number): number {
  const { net, spec } = resolveClient(ctx, code)
  if (!net.metadataInFlight) return -1
  if (ctx.s.nowMs - net.metadataSentAtMs < spec.config['request.timeout.ms']) return -1
  return net.metadataNode
}
