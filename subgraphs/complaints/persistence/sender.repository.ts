import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';

/** A hotline system registered to send work orders for the streets of its jurisdictions. */
export interface HotlineSender {
  organisationId: string;
  name: string;
  jurisdictions: string[];
}

export async function saveSender(em: EntityManager, s: HotlineSender): Promise<void> {
  await sqlRun(
    em,
    `insert into complaints.hotline_sender (organisation_id, name, jurisdictions, registered_at) values (?, ?, ?::text[], now())
     on conflict (organisation_id) do update set name = excluded.name, jurisdictions = excluded.jurisdictions`,
    [s.organisationId, s.name, `{${s.jurisdictions.join(',')}}`],
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

/** Every registered system with its divisions and when it was first registered (a handful: one a city or district). */
export async function allSenders(em: EntityManager): Promise<(HotlineSender & { registeredAt: Date })[]> {
  const rows = await sqlRows<{ organisation_id: string; name: string; jurisdictions: string[]; registered_at: Date }>(
    em,
    `select organisation_id, name, jurisdictions, registered_at from complaints.hotline_sender order by organisation_id`,
  );
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    name: r.name,
    jurisdictions: r.jurisdictions,
    registeredAt: new Date(r.registered_at),
  }));
}
