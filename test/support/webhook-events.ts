import { randomUUID } from 'node:crypto';
import { Producer } from 'kafkajs';
import {
  AREA_REGISTERED,
  AreaRegisteredData,
  EventDefinition,
  FILING_ACCEPTED,
  FilingEventData,
  REFERRAL_SUBMITTED,
  ReferralSubmittedData,
} from '../../catalog';
import { encodeHeaders } from '../../platform/events/cloudevent';

/**
 * Events as the areas, contracts and litigation subgraphs publish them, produced straight onto their topics: the
 * webhook tests and benchmark exercise the feeds subgraph alone, with exactly the events they choose.
 */
export const areaRegistered = (areaId: string, districtCode: string): AreaRegisteredData => ({
  areaId,
  name: `区域 ${areaId.slice(0, 4)}`,
  districtCode,
  streetCode: `${districtCode}001`,
  registeredBy: 'street-office-test',
  registeredAt: new Date().toISOString(),
});

export const filingEvent = (filingId: string, areaId: string, sequence: number): FilingEventData => ({
  filingId,
  contractId: randomUUID(),
  areaId,
  companyId: 'company-test',
  kind: 'INITIAL',
  amendsFilingId: null,
  status: sequence === 1 ? 'SUBMITTED' : 'ACCEPTED',
  version: 1,
  sequence,
  recordNumber: sequence === 1 ? null : `备-${sequence}`,
  submittedOn: '2026-11-02',
  deadline: '2026-11-16',
  late: false,
  lateConsequence: null,
  acceptedOn: sequence === 1 ? null : '2026-11-05',
  returnReasons: [],
  supersededByFilingId: null,
  terminatedOn: null,
  handoverOn: null,
  terminationReason: null,
  terms: {
    kind: 'REGULAR',
    number: 'HT-2026-001',
    title: '物业服务合同',
    ownersSide: { kind: 'OWNERS_COMMITTEE', name: '业主委员会' },
    selectionMethod: 'TENDER',
    approvalReference: null,
    signedOn: '2026-11-01',
    startsOn: '2026-12-01',
    endsOn: '2029-11-30',
    serviceItems: [{ item: '保洁', standard: '每日两次' }],
    feeSchedule: {
      classes: [
        { buildingClass: 'HIGH_RISE', assessedRateFenPerM2Month: 167, ownerRateFenPerM2Month: 167, subsidies: [] },
      ],
    },
    lateFee: null,
    parties: [{ role: 'PROVIDER', name: '物业公司', registration: null }],
  },
  termsSha256: 'a'.repeat(64),
});

export const referralSubmitted = (referralId: string, courtId: string): ReferralSubmittedData => ({
  referralId,
  courtId,
  companyId: 'company-test',
  accountId: randomUUID(),
  householdId: randomUUID(),
  areaId: randomUUID(),
  status: 'SUBMITTED',
  contractId: randomUUID(),
  procedure: 'SMALL_CLAIMS',
  amountInDisputeFen: 120000,
  grandTotalFen: 125000,
  packageVersion: 1,
  packageDigest: 'b'.repeat(64),
  submittedOn: '2026-11-20',
});

export interface ProducedEvent<E extends EventDefinition = EventDefinition> {
  definition: E;
  key: string;
  data: unknown;
  id?: string;
}

/** Produces events in order (one batch, acks from all replicas), as a subgraph's outbox relay would. */
export async function produceEvents(
  producer: Producer,
  topicPrefix: string,
  events: readonly ProducedEvent[],
): Promise<string[]> {
  const ids = events.map((e) => e.id ?? randomUUID());
  const byTopic = new Map<string, { key: string; value: string; headers: ReturnType<typeof encodeHeaders> }[]>();
  events.forEach((e, i) => {
    const topic = `${topicPrefix}${e.definition.topic.name}`;
    const message = {
      key: e.key,
      value: JSON.stringify(e.data),
      headers: encodeHeaders({
        id: ids[i],
        type: e.definition.type,
        source: `/hub/${e.definition.topic.producer}`,
        time: new Date().toISOString(),
        data: e.data,
      }),
    };
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  });
  await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  return ids;
}

export { AREA_REGISTERED, FILING_ACCEPTED, REFERRAL_SUBMITTED };
