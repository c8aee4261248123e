import type { EntityManager } from '@mikro-orm/core';
import { FILING_EVENTS, FilingEventData } from '../../catalog';
import { ConsumerDefinition, on } from '../events/consumer';

/**
 * The local copy of contract filings that arrears (fee schedules in force), litigation (proof a contract was filed
 * and in force), areas (which company serves an area) and complaints (the company an order goes to) keep from
 * `contracts.filings.v1`. Each message is the whole filing after a transition, so the row is replaced when the
 * message's sequence is newer and left alone otherwise: redelivery and replays are no-ops. One table shape and one
 * consumer for all four, each in its own schema; no row is ever deleted, so a SUPERSEDED or TERMINATED filing keeps
 * its dates for servedToSql and servesOnSql.
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

/**
 * The index the look-ups by contract take (servedToSql's termination and later-version probes, servesOnSql's version
 * in force): without it each probe read the whole snapshot, once per row considered, for every company read check
 * and complaint dispatch (a review of 2026-12-07). `if not exists`: on a large snapshot, build it first by hand with
 * `create index concurrently` (README › Production).
 */
export const filingSnapshotContractIndexDdl = (schema: string): string =>
  `create index if not exists "filing_snapshot_contract_index" on "${schema}"."filing_snapshot" ("contract_id", "accepted_on")`;

/**
 * The first day of the unfixed term a contract continues for after its own (Civil Code art. 948: the event's
 * `continuedFrom`), null while it does not: servedToSql reads it.
 */
export const filingSnapshotContinuedFromDdl = (schema: string): string =>
  `alter table "${schema}"."filing_snapshot" add column if not exists "continued_from" date null`;

/**
 * The filing an amendment amends (the event's `amendsFilingId`), null for a contract's first filing: laterVersionSql
 * reads it to order two versions of one contract accepted the same day. Rows kept before the column have it null until
 * their filing's next event, and read as before (the later acceptance day alone).
 */
export const filingSnapshotAmendsFilingDdl = (schema: string): string =>
  `alter table "${schema}"."filing_snapshot" add column if not exists "amends_filing_id" uuid null`;

/**
 * SQL condition over two filing snapshot rows of `<schema>.filing_snapshot` (aliases `later` and `earlier`): `later` is
 * a later accepted version of `earlier`'s contract, accepted on a later day, or on the same day as an amendment of it
 * (an amendment fixing the fee rate filed and accepted the day the original was). `accepted_on` is a day, so by the
 * dates alone two versions of one day were each "with no later version accepted": both counted as in force, arrears
 * billed a month at either one's rates and servesOnSql gave two rows for one contract. An amendment always amends the
 * version then in force, so a chain of same-day amendments is ordered link by link: each earlier one has its own.
 * The one rule for every reader of the snapshot (servedToSql, servesOnSql, arrears' findFilingInForce).
 */
export function laterVersionSql(later: string, earlier: string): string {
  return `(${later}.contract_id = ${earlier}.contract_id and (${later}.accepted_on > ${earlier}.accepted_on
      or (${later}.accepted_on = ${earlier}.accepted_on and ${later}.amends_filing_id = ${earlier}.filing_id)))`;
}

/**
 * SQL for the last day the contract of a filing snapshot row (alias `f` of `<schema>.filing_snapshot`) serves: its
 * term's end, or earlier the day of the contract's termination (of any of its versions: an earlier version still
 * billing a month in which a later one was terminated stops there too), or, for a preliminary contract, the day before
 * the area's regular contract took effect (Civil Code art. 940 ends it then, whether that contract was accepted before
 * or after it; one in force on a day of its term, as contract-overlap.ts regularContractEnding: a regular contract
 * terminated before the preliminary one began ends nothing, and one continuing under art. 948 is in force to its
 * continuation's end, termOrContinuationEndSql: before, its term alone was read, and a preliminary contract it ended
 * served, and was billed, beside it to the day before the owners' next regular contract). The contract's kind is in its
 * terms (`terms.kind`); the row's `kind` is the filing's (INITIAL or AMENDMENT). Only the version in force of the
 * regular contract cuts it: one amended to start after the preliminary term (helper-252 F3) no longer does, and a
 * preliminary contract it superseded serves its own term (Beijing art. 19 para. 3: "期限届满，业主与新物业服务人签订的物业服务
 * 合同生效之前，前期物业服务人继续提供服务"; before, its earlier version, SUPERSEDED by the amendment, still cut it at the old
 * start, and the months between were billed by no one), as contract-overlap.ts occupying. A preliminary contract
 * SUPERSEDED with no later version of its own while no regular contract starting by its term's end is known here (in
 * any version: the one that superseded it, its event not read yet) serves no day until one is. Earlier than its start when
 * it served none. A contract that continues after its term (`continued_from`, Civil Code art. 948) serves
 * past `ends_on` (termOrContinuationEndSql).
 */
export function servedToSql(schema: string): string {
  return `least(
    ${termOrContinuationEndSql(schema, 'f')},
    (select min(t.terminated_on) from "${schema}".filing_snapshot t where t.contract_id = f.contract_id and t.status = 'TERMINATED'),
    case when f.terms->>'kind' = 'PRELIMINARY' then coalesce(
      (select min(r.starts_on) - 1 from "${schema}".filing_snapshot r
        where r.area_id = f.area_id and r.terms->>'kind' = 'REGULAR' and r.accepted_on is not null
          -- the regular contract's version in force (a regular filing is SUPERSEDED only by its own amendment)
          and r.status in ('ACCEPTED', 'TERMINATED') and r.starts_on <= f.ends_on
          -- in force on a day of the preliminary contract's term: to its own last day, or its continuation's
          -- (art. 948), its termination included; one terminated before it began took no effect (asExistingContract)
          and least(${termOrContinuationEndSql(schema, 'r')}, (select min(rt.terminated_on) from "${schema}".filing_snapshot rt
                where rt.contract_id = r.contract_id and rt.status = 'TERMINATED')) >= greatest(f.starts_on, r.starts_on)),
      -- SUPERSEDED, while no regular contract that may have ended it is known here (its event not read yet)
      case when f.status = 'SUPERSEDED' and not exists (select 1 from "${schema}".filing_snapshot n
             where ${laterVersionSql('n', 'f')})
           and not exists (select 1 from "${schema}".filing_snapshot k where k.area_id = f.area_id
             and k.terms->>'kind' = 'REGULAR' and k.accepted_on is not null and k.starts_on <= f.ends_on)
        then f.starts_on - 1 end) end)`;
}

/**
 * The end of the term of a snapshot row (alias `row`: servedToSql's own row `f`, or the regular contract `r` its
 * preliminary branch reads, which is in force over a preliminary contract's term while it continues), or for a contract
 * continuing after it (`continued_from`, Civil Code art. 948; Beijing arts. 19 para. 3 and 75 para. 2) the day before
 * the area's next contract takes effect: any other contract accepted (whatever its status since) starting on or after
 * the continuation's first day, not terminated before it began (art. 950: the former provider serves until the new one
 * takes over), and of a regular contract only a regular one (contract-overlap.ts endsContinuation: a developer's
 * preliminary contract is no decision of the owners, art. 948); '9999-12-31', the last day a date holds, while none is
 * known. Its termination, past the term, is servedToSql's next term.
 */
function termOrContinuationEndSql(schema: string, row: 'f' | 'r'): string {
  return `case when ${row}.continued_from is null then ${row}.ends_on else coalesce(
      (select min(s.starts_on) - 1 from "${schema}".filing_snapshot s
        where s.area_id = ${row}.area_id and s.contract_id <> ${row}.contract_id and s.accepted_on is not null
          and s.status in ('ACCEPTED', 'TERMINATED', 'SUPERSEDED') and s.starts_on >= ${row}.continued_from
          and (${row}.terms->>'kind' <> 'REGULAR' or s.terms->>'kind' = 'REGULAR')
          and not exists (select 1 from "${schema}".filing_snapshot st where st.contract_id = s.contract_id
                and st.status = 'TERMINATED' and st.terminated_on < s.starts_on)),
      date '9999-12-31') end`;
}

/**
 * SQL condition over a filing snapshot row (alias `f` of `<schema>.filing_snapshot`) with one placeholder, the day
 * (China time, `todayInChina()`): the filing is its contract's version in force (accepted once, whatever it was
 * recorded as since, SUPERSEDED or TERMINATED, and no later version of the contract accepted: laterVersionSql) and the contract
 * serves that day, judged by its dates as arrears bills it: from its start to the last day served (servedToSql: its
 * end, its terminatedOn, or for a preliminary contract the day before the area's regular contract takes effect).
 * `from: 'acceptance'` takes the day from the acceptance instead of the start (a company reads the area it is to
 * serve before it begins, so it prepares), while the contract has a day to serve. The status alone is recorded with
 * the act, not when it takes effect: a preliminary provider is SUPERSEDED at the regular contract's acceptance weeks
 * before it stops serving, and a termination recorded ahead is TERMINATED at once.
 */
export function servesOnSql(schema: string, { from }: { from: 'start' | 'acceptance' }): string {
  const servedTo = servedToSql(schema);
  const day =
    from === 'start' ? `?::date between f.starts_on and ${servedTo}` : `${servedTo} >= greatest(f.starts_on, ?::date)`;
  return `(f.accepted_on is not null and f.status in ('ACCEPTED', 'TERMINATED', 'SUPERSEDED')
    and not exists (select 1 from "${schema}".filing_snapshot v where ${laterVersionSql('v', 'f')})
    and ${day})`;
}

export async function applyFilingSnapshot(em: EntityManager, schema: string, f: FilingEventData): Promise<void> {
  await em.getConnection().execute(
    `insert into "${schema}"."filing_snapshot" as s (filing_id, contract_id, area_id, company_id, kind, status, sequence, record_number,
        accepted_on, starts_on, ends_on, terminated_on, continued_from, amends_filing_id, terms, terms_sha256)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
      on conflict (filing_id) do update set status = excluded.status, sequence = excluded.sequence, record_number = excluded.record_number,
        accepted_on = excluded.accepted_on, starts_on = excluded.starts_on, ends_on = excluded.ends_on, terminated_on = excluded.terminated_on,
        continued_from = excluded.continued_from, amends_filing_id = excluded.amends_filing_id, terms = excluded.terms, terms_sha256 = excluded.terms_sha256, received_at = now()
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
      f.continuedFrom ?? null,
      f.amendsFilingId ?? null,
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
