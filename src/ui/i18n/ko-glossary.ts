/**
 * 용어집 (the glossary in Korean), in the Korean chunk with ko.ts. Each entry follows
 * en-glossary.ts; the word keeps Kafka's English name in brackets where a Korean engineer would
 * search for it, and the sources stay Kafka's identifiers.
 */
import type { GlossaryTexts } from './catalogue'

export const KO_GLOSSARY = {
  broker: {
    term: '브로커 (Broker)',
    definition:
      'Kafka 서버입니다. 파티션의 복제본을 디스크에 저장하고, 자신이 리더인 파티션에 대한 생산(produce) 요청과 가져오기(fetch) 요청에 응답합니다.',
    source: 'broker.id / node.id',
  },
  partition: {
    term: '파티션 (Partition)',
    definition:
      '토픽을 나눈 한 조각으로, 순서가 있고 끝에 추가만 되는 로그입니다. 각 레코드에는 오프셋이 있고, 파티션은 여러 브로커에 복사됩니다(복제본).',
    source: 'num.partitions; kafka-topics --describe "Partition"',
  },
  replicas: {
    term: '복제본 (Replicas)',
    definition:
      '파티션의 사본을 가진 브로커들로, 할당 순서대로 나열됩니다. 첫 번째가 선호 리더이고, 그 수가 복제 계수(replication factor)입니다.',
    source: 'default.replication.factor; kafka-topics --describe "Replicas"',
  },
  leader: {
    term: '리더 (Leader)',
    definition:
      '파티션의 모든 쓰기를 받고 읽기를 처리하는 단 하나의 복제본입니다. 팔로워는 리더의 로그를 복사하며, 리더에 장애가 나면 컨트롤러가 ISR에서 새 리더를 선출합니다.',
    source: 'kafka-topics --describe "Leader"; Partition.scala makeLeader',
  },
  follower: {
    term: '팔로워 (Follower)',
    definition:
      '리더가 아닌 복제본입니다. 리더에게 계속 가져오기(fetch) 요청을 보내고 받은 내용을 자신의 로그에 추가합니다.',
    source: 'ReplicaFetcherThread; replica.fetch.wait.max.ms',
  },
  'in-sync-follower': {
    term: '동기화된 팔로워 (In-sync follower)',
    definition:
      '최근에 리더를 따라잡아 ISR에 들어 있는 팔로워입니다. acks=all 확인에 포함되며 리더로 선출될 수 있습니다.',
    source: 'replica.lag.time.max.ms (Partition.scala getOutOfSyncReplicas)',
  },
  'out-of-sync-follower': {
    term: '동기화되지 않은 팔로워 (Out-of-sync follower)',
    definition:
      'replica.lag.time.max.ms(기본값 30초)보다 오래 리더를 따라잡지 못해 리더가 ISR에서 제외한 팔로워입니다. 계속 가져오기를 하며, 따라잡으면 ISR에 다시 합류합니다.',
    source: 'replica.lag.time.max.ms (Partition.scala maybeShrinkIsr)',
  },
  'follower-lag': {
    term: '팔로워 지연 (Follower lag)',
    definition:
      '팔로워의 로그 끝 오프셋이 리더보다 몇 레코드 뒤처졌는지를 나타냅니다. 지연이 커질수록 막대가 채워집니다.',
    source: 'kafka.server:type=FetcherLagMetrics,name=ConsumerLag',
  },
  isr: {
    term: 'ISR (동기화된 복제본)',
    definition:
      '리더와, 리더를 따라잡은 팔로워들입니다. 모든 ISR 멤버가 가진 쓰기는 커밋된 것이며, 클린 선출은 ISR에서 새 리더를 고릅니다.',
    source: 'replica.lag.time.max.ms; Partition.scala maybeShrinkIsr / maybeExpandIsr',
  },
  elr: {
    term: 'ELR (리더 적격 복제본)',
    definition:
      'ISR이 min.insync.replicas 아래였을 때 ISR을 떠났지만 커밋된 레코드를 모두 가지고 있는 복제본입니다. ISR이 비면 컨트롤러는 데이터 손실 없이 이 중 하나를 리더로 선출할 수 있습니다.',
    source: 'KIP-966; eligible.leader.replicas.version',
  },
  'last-known-elr': {
    term: 'LastKnownElr',
    definition:
      '파티션이 잃기 전에 마지막으로 적격(ISR 또는 ELR)으로 알려져 있던 복제본입니다. 예를 들어 비정상 종료 뒤에 생깁니다. ISR과 ELR이 모두 비어 있으면, 이 중 하나가 돌아올 때까지 복구를 기다립니다.',
    source: 'KIP-966; PartitionRecord lastKnownElr',
  },
  offline: {
    term: '오프라인 또는 펜싱됨',
    definition:
      '브로커가 중단되었거나 펜싱된 복제본입니다. 브로커가 돌아와 다시 등록할 때까지 복제와 선출에 참여하지 않습니다.',
    source: 'OfflinePartitionsCount; broker.session.timeout.ms',
  },
  fenced: {
    term: '펜싱됨 (Fenced)',
    definition:
      '컨트롤러가 소식이 끊긴 브로커를 더 이상 신뢰하지 않는 상태입니다. KRaft에서는 하트비트 없이 broker.session.timeout.ms(9초)가 지나면, ZooKeeper에서는 세션이 만료되면 펜싱됩니다. 펜싱된 브로커는 모든 ISR에서 제외되고 리더가 될 수 없습니다. 그 전까지는 메타데이터상 정상으로 보입니다.',
    source: 'broker.session.timeout.ms (KRaft, KIP-631); zookeeper.session.timeout.ms (ZooKeeper)',
  },
  'min-insync-replicas': {
    term: 'min.insync.replicas',
    definition:
      '파티션이 acks=all 쓰기를 받을 수 있는 가장 작은 ISR 크기입니다. 이보다 작으면 리더가 NOT_ENOUGH_REPLICAS로 거부합니다. acks=0과 acks=1 쓰기에는 영향이 없습니다.',
    source: 'min.insync.replicas (토픽 또는 브로커 구성)',
  },
  acks: {
    term: 'acks',
    definition:
      '프로듀서가 쓰기 완료를 통보받기 전에 레코드를 가져야 하는 복제본 수입니다. 0(없음, 응답 없음), 1(리더) 또는 all(모든 ISR 멤버, 최소 min.insync.replicas개)입니다. 리더를 잃어도 살아남는 것은 acks=all뿐입니다.',
    source: 'acks (프로듀서 구성; Kafka 3.0부터 기본값 all, KIP-679)',
  },
  'high-watermark': {
    term: '하이 워터마크 (HW)',
    definition:
      '모든 ISR 멤버가 로그를 가지고 있는 오프셋입니다. 그 아래의 레코드는 커밋된 것입니다. acks=all 프로듀서는 HW가 자신의 레코드를 지나면 응답을 받고, 컨슈머는 HW까지만 읽습니다.',
    source: 'Partition.scala maybeIncrementLeaderHW',
  },
  'log-end-offset': {
    term: '로그 끝 오프셋 (LEO)',
    definition:
      '복제본의 로그에 다음으로 추가될 레코드가 받을 오프셋으로, 마지막 레코드보다 하나 큽니다. 리더의 LEO는 ISR이 아직 모두 복사하지 못한 레코드만큼 HW보다 앞서 있습니다.',
    source: 'UnifiedLog.logEndOffset; kafka.log:type=Log,name=LogEndOffset',
  },
  'leader-epoch': {
    term: '리더 에포크 (Leader epoch)',
    definition:
      '파티션에 새 리더가 생길 때마다 컨트롤러가 올리는 카운터입니다. 복제본은 이전 에포크의 요청을 거부하고, 돌아온 복제본은 이를 이용해 자신의 로그가 어디서 갈라졌는지 찾습니다.',
    source: 'KIP-101; KIP-279; PartitionRecord leaderEpoch',
  },
  controller: {
    term: '컨트롤러 (Controller)',
    definition:
      '클러스터 메타데이터를 관리하는 노드입니다. 브로커를 등록하고 펜싱하며, 파티션 리더를 선출하고 ISR 변경을 기록합니다. KRaft에서는 컨트롤러 노드들의 쿼럼이고, ZooKeeper에서는 브로커 하나입니다.',
    source: 'KIP-500 (KRaft); process.roles=controller',
  },
  'active-controller': {
    term: '활성 컨트롤러 (Active controller)',
    definition:
      '현재 책임을 맡은 단 하나의 컨트롤러입니다. 활성 컨트롤러가 없으면 리더를 선출할 수도, 브로커를 펜싱할 수도 없습니다. 다만 정상인 파티션은 계속 서비스됩니다.',
    source: 'kafka.controller:type=KafkaController,name=ActiveControllerCount',
  },
  quorum: {
    term: '컨트롤러 쿼럼 (Controller quorum)',
    definition:
      'KRaft 컨트롤러들은 Raft로 메타데이터 로그를 서로 복제합니다. 활성 컨트롤러를 정하고 변경을 커밋하려면 과반수에 연결할 수 있어야 합니다.',
    source: 'KIP-595; controller.quorum.voters; controller.quorum.election.timeout.ms',
  },
  'unclean-leader-election': {
    term: '언클린 리더 선출 (Unclean leader election)',
    definition:
      '동기화된 복제본이 없어서 ISR에 없는 복제본을 리더로 선출하는 것입니다. 파티션은 다시 쓸 수 있게 되지만, 이전 ISR만 가지고 있던 레코드는 사라집니다.',
    source: 'unclean.leader.election.enable (기본값 false)',
  },
  'preferred-leader': {
    term: '선호 리더 (Preferred leader)',
    definition:
      '파티션 복제본 목록의 첫 번째 복제본입니다. 브로커별 리더 수가 불균형해지면 컨트롤러가 리더십을 이 복제본으로 되돌립니다.',
    source:
      'auto.leader.rebalance.enable; leader.imbalance.per.broker.percentage; leader.imbalance.check.interval.seconds',
  },
  'under-replicated': {
    term: '복제 부족 (Under-replicated)',
    definition:
      'ISR이 복제본 목록보다 작은 파티션입니다. 복제본 하나 이상이 중단되었거나 뒤처져 있습니다. 여전히 동작하지만 다음 장애를 견딜 여유가 줄어듭니다.',
    source: 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
  },
  'under-min-isr': {
    term: '최소 ISR 미달 (Under min ISR)',
    definition:
      'ISR이 min.insync.replicas보다 작은 파티션입니다. 복제본이 따라잡을 때까지 이 파티션에 대한 acks=all 쓰기는 NOT_ENOUGH_REPLICAS로 실패합니다.',
    source: 'min.insync.replicas; kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
  },
  'partition-status': {
    term: '상태 (Status)',
    definition:
      '파티션의 상태를 말로 나타낸 것입니다. 정상, 복제 부족, 최소 ISR 미달, 오프라인(리더 없음), 또는 리더에 연결할 수 없지만 아직 펜싱되지 않음 중 하나입니다.',
    source: 'kafka-topics --describe --under-replicated-partitions / --under-min-isr-partitions',
  },
  'leader-recovery-state': {
    term: '리더 복구 상태 (Leader recovery state)',
    definition:
      '언클린 선출 직후에는 RECOVERING이며, 새 리더가 자신의 로그가 일관됨을 확인하면 RECOVERED가 됩니다. 그 전에는 팔로워가 ISR에 합류할 수 없습니다.',
    source: 'KIP-704; PartitionRecord leaderRecoveryState',
  },
  truncation: {
    term: '잘라내기 (Truncation)',
    definition:
      '돌아왔거나 강등된 복제본이 새 리더에게 없는 로그 끝부분을 잘라내는 것으로, 리더 에포크로 그 지점을 찾습니다. 언클린 선출이 없었다면 잘린 레코드는 커밋된 적이 없는 레코드입니다.',
    source: 'KIP-101; KIP-279 (OffsetsForLeaderEpoch)',
  },
  'acked-then-lost': {
    term: '확인 후 유실',
    definition:
      '프로듀서가 쓰기 완료를 통보받았지만 이제 어느 복제본의 로그에도 없는 레코드입니다. acks=all과 클린 선출이면 0으로 유지되고, acks=1이나 언클린 선출에서는 유실될 수 있습니다.',
    source: '이 시뮬레이터: 확인된 레코드에 대한 자체 집계',
  },
  retries: {
    term: '재시도 (Retries)',
    definition:
      '프로듀서는 재시도 가능한 오류(리더 없음, NOT_ENOUGH_REPLICAS, 시간 초과)로 실패한 배치를 retry.backoff.ms 뒤에 다시 보내며, delivery.timeout.ms가 다 될 때까지 계속합니다.',
    source: 'retries; retry.backoff.ms; enable.idempotence (KIP-98)',
  },
  'request-timeout': {
    term: 'request.timeout.ms',
    definition:
      '클라이언트가 요청 하나의 응답을 기다리다가 포기하고 재시도하기까지의 시간입니다(기본값 30초). ISR을 기다리는 acks=all 요청도 이 시간에 포함됩니다.',
    source: 'request.timeout.ms (클라이언트 구성)',
  },
  'delivery-timeout': {
    term: 'delivery.timeout.ms',
    definition:
      'send() 이후 재시도를 포함해 성공이나 실패를 알리기까지의 상한입니다(기본값 2분). 이 시간이 지나면 레코드는 실패합니다.',
    source: 'delivery.timeout.ms (프로듀서 구성, KIP-91)',
  },
  'producer-records': {
    term: '프로듀서 레코드',
    definition:
      '샘플 구간마다 보낸, 확인된, 실패한 레코드 수와, 확인되었다가 나중에 유실된 레코드의 누적 합계입니다.',
    source: '이 시뮬레이터: 프로듀서 집계 (참고: record-send-rate, record-error-rate)',
  },
  'producer-p99-latency': {
    term: '프로듀서 p99 지연 시간',
    definition:
      '직전 구간에 확인된 레코드의 99%가 그보다 빨랐던, 전송부터 확인까지의 시간입니다. 장애 조치는 빈 구간에 이어 멈춘 시간만큼의 급등으로 나타납니다.',
    source: '이 시뮬레이터 (참고: 프로듀서 request-latency-max)',
  },
  'consumer-lag': {
    term: '컨슈머 지연 (Consumer lag)',
    definition:
      '컨슈머가 아직 읽지 않은 커밋된 레코드 수입니다. 하이 워터마크에서 컨슈머 위치를 뺀 값을 파티션별로 더한 것입니다.',
    source: 'records-lag-max (컨슈머 fetch 지표); kafka-consumer-groups --describe LAG',
  },
  'consumer-group': {
    term: '컨슈머 그룹 (Consumer group)',
    definition:
      'group.id를 공유하며 토픽의 파티션을 나누어 읽는 컨슈머들로, 각 파티션은 멤버 하나가 읽습니다. 그룹은 자신의 위치를 __consumer_offsets에 커밋합니다.',
    source: 'group.id',
  },
  'group-coordinator': {
    term: '그룹 코디네이터 (Group coordinator)',
    definition:
      '그룹이 해시되는 __consumer_offsets 파티션의 리더 브로커입니다. 그룹의 리밸런스를 진행하고 커밋된 오프셋을 저장하며, 장애가 나면 다른 브로커가 그 파티션을 넘겨받습니다.',
    source: '__consumer_offsets; offsets.topic.replication.factor',
  },
  rebalance: {
    term: '리밸런스 (Rebalance)',
    definition:
      '멤버가 합류하거나 떠나거나 세션 시간 초과를 넘기면 그룹의 파티션을 다시 나누어 주는 것입니다. 옮겨지는 파티션은 리밸런스가 끝날 때까지 소비되지 않습니다.',
    source: 'session.timeout.ms; max.poll.interval.ms; KIP-848',
  },
  'availability-zone': {
    term: '가용 영역 (랙)',
    definition:
      'AWS 리전 안의 격리된 데이터 센터입니다. Kafka는 이를 랙(rack)이라고 부르며, 파티션의 복제본을 서로 다른 랙에 배치하므로 가용 영역 하나를 잃어도 나머지가 남습니다.',
    source: 'broker.rack (KIP-36); MSK는 이를 영역 ID(예: use1-az1)로 설정합니다',
  },
  UnderReplicatedPartitions: {
    term: 'UnderReplicatedPartitions',
    definition:
      'ISR이 복제본 목록보다 작은 파티션 수입니다. 어떤 복제본이 중단되었거나 따라잡지 못했습니다. 0보다 크면 장애가 하나만 더 나도 acks=all 쓰기가 멈출 수 있습니다.',
    source: 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
  },
  UnderMinIsrPartitionCount: {
    term: 'UnderMinIsrPartitionCount',
    definition:
      '동기화된 복제본이 min.insync.replicas보다 적은 파티션 수입니다. 이 파티션에 대한 acks=all 쓰기는 NOT_ENOUGH_REPLICAS로 실패합니다.',
    source: 'kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
  },
  AtMinIsrPartitionCount: {
    term: 'AtMinIsrPartitionCount',
    definition:
      'ISR이 정확히 min.insync.replicas인 파티션 수입니다. 여전히 acks=all 쓰기를 받지만, 복제본을 하나 더 잃으면 멈춥니다.',
    source: 'kafka.server:type=ReplicaManager,name=AtMinIsrPartitionCount',
  },
  OfflinePartitionsCount: {
    term: 'OfflinePartitionsCount',
    definition:
      '리더가 없는 파티션 수입니다. 복제본이 선출될 때까지 아무도 쓰거나 읽을 수 없습니다.',
    source: 'kafka.controller:type=KafkaController,name=OfflinePartitionsCount',
  },
  ActiveControllerCount: {
    term: 'ActiveControllerCount',
    definition:
      '스스로 활성이라고 여기는 컨트롤러 수입니다. 클러스터 전체를 합하면 정확히 1이어야 합니다. 0이면 리더 선출도 펜싱도 일어날 수 없습니다.',
    source: 'kafka.controller:type=KafkaController,name=ActiveControllerCount',
  },
  PreferredReplicaImbalanceCount: {
    term: 'PreferredReplicaImbalanceCount',
    definition:
      '리더가 선호 리더가 아닌 파티션 수로, 주로 장애 조치 뒤에 늘어납니다. 자동 리더 리밸런싱이 다시 줄여 줍니다.',
    source: 'kafka.controller:type=KafkaController,name=PreferredReplicaImbalanceCount',
  },
  LeaderCount: {
    term: 'LeaderCount',
    definition:
      '브로커마다 리더를 맡은 파티션 수입니다. 장애 뒤에는 살아남은 브로커가 더 많이 맡고, 돌아온 브로커는 리더십이 되돌아올 때까지 하나도 맡지 않습니다.',
    source: 'kafka.server:type=ReplicaManager,name=LeaderCount',
  },
  IsrShrinksPerSec: {
    term: 'IsrShrinksPerSec / IsrExpandsPerSec',
    definition:
      '복제본이 ISR을 떠나고 다시 합류하는 빈도로, 1분 비율입니다. 축소는 장애나 느린 팔로워 뒤에, 확장은 그 팔로워가 따라잡은 뒤에 일어납니다.',
    source: 'kafka.server:type=ReplicaManager,name=IsrShrinksPerSec (and IsrExpandsPerSec)',
  },
  UncleanLeaderElectionsPerSec: {
    term: 'UncleanLeaderElectionsPerSec',
    definition:
      '언클린 리더 선출의 비율입니다. 선출될 때마다 확인된 레코드를 잃었을 수 있습니다. 항상 0이어야 합니다.',
    source: 'kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec',
  },
  utilisation: {
    term: '사용률 (Utilisation)',
    definition:
      '브로커에서 가장 바쁜 자원(CPU, 네트워크 또는 디스크 처리량)이 해당 브로커 유형 한도에서 차지하는 비율입니다. 100%를 넘으면 요청이 대기열에 쌓입니다. AWS는 MSK CPU를 60% 미만으로 유지하도록 권장합니다.',
    source: '이 시뮬레이터: 용량 모델 (docs/capacity.md)',
  },
  'bytes-in-out': {
    term: 'BytesInPerSec / BytesOutPerSec',
    definition:
      '브로커가 초당 클라이언트로부터 받고 보내는 바이트입니다. Replication 변형은 브로커 사이의 복제량을 셉니다.',
    source:
      'kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec (and ReplicationBytesInPerSec)',
  },
  'request-queue': {
    term: '요청 대기열 (Request queue)',
    definition:
      '과부하된 브로커에서 새 요청이 앞선 작업 뒤에서 기다리는 시간(ms)입니다. 사용률 100% 이상에서 늘어나고 그 아래에서 줄어듭니다.',
    source: '이 시뮬레이터 (참고: kafka.network:type=RequestMetrics,name=RequestQueueTimeMs)',
  },
} as const satisfies GlossaryTexts
