import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import type { ServedDivision } from '../domain/hotline-sender';

/** A hotline system registered to send work orders for the streets of its jurisdictions. */
export interface HotlineSender {
  organisationId: string;
  name: string;
  jurisdictions: string[];
}

/** Saves a registration with each division's start (`served_since`: code → instant). */
export async function saveSender(
  em: EntityManager,
  s: HotlineSender,
  served: readonly ServedDivision[],
): Promise<void> {
  const since = Object.fromEntries(served.map((d) => [d.code, d.since.toISOString()]));
  await sqlRun(
    em,
    `insert into complaints.hotline_sender (organisation_id, name, jurisdictions, registered_at, served_since)
     values (?, ?, ?::text[], now(), ?::jsonb)
     on conflict (organisation_id) do update
       set name = excluded.name, jurisdictions = excluded.jurisdictions, served_since = excluded.served_since`,
    [s.organisationId, s.name, `{${s.jurisdictions.join(',')}}`, JSON.stringify(since)],
  );
}

export async function findSender(em: EntityManager, organisationId: string): Promise<HotlineSender | undefined> {
  const [row] = await sqlRows<{ organisation_id: string; name: string; jurisdictions: string[] }>(
    em,
    `select organisation_id, name, jurisdictions from complaints.hotline_sender where organisation_id = ?`,
    [organisationId],
  );
  return row && { organisationId: row.organisation_id, name: row.name, jurisdictions: row.jurisdictions };
}

/** Every registered system with its divisions and since when it has served each (a handful: one a city or district). */
export async function allSenders(em: EntityManager): Promise<(HotlineSender & { served: ServedDivision[] })[]> {
  const rows = await sqlRows<{
    organisation_id: string;
    name: string;
    jurisdictions: string[];
    served_since: Record<string, string>;
  }>(
    em,
    `select organisation_id, name, jurisdictions, served_since from complaints.hotline_sender order by organisation_id`,
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    name: r.name,
    jurisdictions: r.jurisdictions,
    // Every start kept: the divisions registered, and narrower ones served since earlier (divisionsServed).
    served: Object.entries(r.served_since).map(([code, since]) => ({ code, since: new Date(since) })),
  }));
}
