import type { EntityManager } from '@mikro-orm/core';
import { FILING_EVENTS, FilingEventData } from '../../catalog';
import { ConsumerDefinition, on } from '../events/consumer';

/**
 * The local copy of contract filings that arrears (fee schedules in force), litigation (proof a contract was filed
 * and in force) and areas (which company serves an area) keep from `contracts.filings.v1`. Each message is the whole
 * filing after a transition, so the row is replaced when the message's sequence is newer and left alone otherwise:
 * redelivery and replays are no-ops. One table shape and one consumer for all three, each in its own schema.
 */
export function filingSnapshotDdl(schema: string): string[] {
  return [
    `create table "${schema}"."filing_snapshot" (
      "filing_id" uuid primary key,
      "contract_id" uuid not null,
      "area_id" uuid not null,
      "company_id" text not null,
      "kind" text not null,
      "status" text not null,
      "sequence" int not null,
      "record_number" text null,
      "accepted_on" date null,
      "starts_on" date not null,
      "ends_on" date not null,
      "terminated_on" date null,
      "terms" jsonb not null,
      "terms_sha256" text not null,
      "received_at" timestamptz not null default now())`,
    `create index "filing_snapshot_area_index" on "${schema}"."filing_snapshot" ("area_id", "status")`,
  ];
}

export async function applyFilingSnapshot(em: EntityManager, schema: string, f: FilingEventData): Promise<void> {
  await em.getConnection().execute(
    `insert into "${schema}"."filing_snapshot" as s (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
        accepted_on, starts_on, ends_on, terminated_on, terms, terms_sha256)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
      on conflict (filing_id) do update set status = excluded.status, sequence = excluded.sequence, record_number = excluded.record_number,
        accepted_on = excluded.accepted_on, starts_on = excluded.starts_on, ends_on = excluded.ends_on, terminated_on = excluded.terminated_on,
        terms = excluded.terms, terms_sha256 = excluded.terms_sha256, received_at = now()
      where s.sequence < excluded.sequence`,
    [
      f.filingId,
      f.contractId,
      f.areaId,
      f.companyId,
      f.kind,
      f.status,
      f.sequence,
      f.recordNumber,
      f.acceptedOn,
      f.terms.startsOn,
      f.terms.endsOn,
      f.terminatedOn,
      JSON.stringify(f.terms),
      f.termsSha256,
    ],
    'run',
    em.getTransactionContext(),
  );
}

export function filingSnapshotConsumer(
  subgraph: 'areas' | 'arrears' | 'litigation' | 'complaints',
): ConsumerDefinition {
  return {
    name: `${subgraph}.filing-snapshots`,
    subscriptions: FILING_EVENTS.map((definition) =>
      on(definition, (em, event) => applyFilingSnapshot(em, subgraph, event.data)),
    ),
  };
}
