import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { CollectionMonth } from '../domain/performance';

interface CollectionMonthRow {
  area_id: string;
  company_id: string;
  month: string;
  due_on: string;
  households: number;
  paid_households: number;
  billed_fen: string;
  collected_fen: string;
}

const collectionMonthOf = (r: CollectionMonthRow): CollectionMonth => ({
  areaId: r.area_id,
  companyId: r.company_id,
  month: r.month,
  dueOn: r.due_on,
  households: r.households,
  paidHouseholds: r.paid_households,
  billedFen: Number(r.billed_fen),
  collectedFen: Number(r.collected_fen),
});

/** The month as the arrears subgraph last summarized it: a later summary of the same month replaces it. */
export async function upsertCollectionMonth(em: EntityManager, m: CollectionMonth): Promise<void> {
  await sqlRun(
    em,
    `insert into contracts.collection_month (area_id, company_id, month, due_on, households, paid_households, billed_fen, collected_fen)
     values (?::uuid, ?, ?, ?::date, ?, ?, ?, ?)
     on conflict (area_id, company_id, month) do update set due_on = excluded.due_on, households = excluded.households,
       paid_households = excluded.paid_households, billed_fen = excluded.billed_fen, collected_fen = excluded.collected_fen, received_at = now()`,
    [m.areaId, m.companyId, m.month, m.dueOn, m.households, m.paidHouseholds, m.billedFen, m.collectedFen],
  );
}

/** The months of many (area, provider) pairs whose charges fell due in [from, before), one query. */
export async function collectionMonthsDue(
  em: EntityManager,
  pairs: readonly { areaId: string; companyId: string }[],
  from: string,
  before: string,
): Promise<CollectionMonth[]> {
  if (pairs.length === 0) return [];
  const rows = await sqlRows<CollectionMonthRow>(
    em,
    `select area_id, company_id, month, due_on::text as due_on, households, paid_households, billed_fen::text as billed_fen, collected_fen::text as collected_fen
       from contracts.collection_month
      where (area_id, company_id) in (select * from unnest(?::uuid[], ?::text[])) and due_on >= ?::date and due_on < ?::date
      order by area_id, month`,
    [sqlArray(pairs.map((p) => p.areaId)), sqlArray(pairs.map((p) => p.companyId)), from, before],
  );
  return rows.map(collectionMonthOf);
}
