import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';

/** What was read in full: the owner's name (register, references) or the whole identity (ownerIdentity). */
export type OwnerDataKind = 'NAME' | 'IDENTITY';

export interface OwnerDataAccess {
  householdId: string;
  data: OwnerDataKind;
  organisationId: string;
  role: string;
  subject: string;
  referralId: string | null;
  reason: string;
  /** Whose data was read: the owner reference (the owner now, or a former owner); null in entries written before it. */
  ownerReference: string | null;
}

export interface OwnerDataAccessEntry extends OwnerDataAccess {
  id: string;
  accessedAt: Date;
}

interface AccessColumns {
  id: string;
  household_id: string;
  data: OwnerDataKind;
  accessed_at: Date | string;
  organisation_id: string;
  role: string;
  subject: string;
  referral_id: string | null;
  reason: string;
  owner_reference: string | null;
}

const entryOf = (r: AccessColumns): OwnerDataAccessEntry => ({
  id: String(r.id),
  householdId: r.household_id,
  data: r.data,
  accessedAt: new Date(r.accessed_at),
  organisationId: r.organisation_id,
  role: r.role,
  subject: r.subject,
  referralId: r.referral_id,
  reason: r.reason,
  ownerReference: r.owner_reference,
});

/** Appends reads in full to the log in one statement, in the caller's unit of work. */
export async function recordOwnerDataAccesses(em: EntityManager, accesses: readonly OwnerDataAccess[]): Promise<void> {
  if (accesses.length === 0) return;
  await sqlRun(
    em,
    `insert into areas.owner_data_access
       (household_id, data, organisation_id, role, subject, referral_id, reason, owner_reference)
     select household_id, data, organisation_id, role, subject, referral_id, reason, owner_reference
       from json_to_recordset(?::json)
         as t(household_id uuid, data text, organisation_id text, role text, subject text, referral_id uuid, reason text,
              owner_reference text)`,
    [
      JSON.stringify(
        accesses.map((a) => ({
          household_id: a.householdId,
          data: a.data,
          organisation_id: a.organisationId,
          role: a.role,
          subject: a.subject,
          referral_id: a.referralId,
          reason: a.reason,
          owner_reference: a.ownerReference,
        })),
      ),
    ],
  );
}

/**
 * Who may see which entries: the households of the streets a street office's jurisdictions cover, or a court's own
 * reads of the households of the cases referred to it.
 */
export type AccessLogScope = { streetPrefixes: readonly string[] } | { courtId: string };

/** One page of the log within the scope, newest first, with the total, in one query. */
export async function pageOwnerDataAccesses(
  em: EntityManager,
  scope: AccessLogScope,
  filter: { householdId?: string | null; referralId?: string | null; first: number; offset: number },
): Promise<{ items: OwnerDataAccessEntry[]; totalCount: number }> {
  const inScope =
    'courtId' in scope
      ? // Its own reads only: the street office's staff and other courts' referrals (parallel cases) are not its business.
        `l.organisation_id = ? and exists (select 1 from areas.court_household g where g.court_id = l.organisation_id and g.household_id = l.household_id)`
      : `exists (select 1 from areas.household h join areas.building b on b.id = h.building_id join areas.compound c on c.id = b.compound_id
                  where h.id = l.household_id and c.street_code like any (select p || '%' from unnest(?::text[]) p))`;
  const where = `${inScope} and (?::uuid is null or l.household_id = ?::uuid) and (?::uuid is null or l.referral_id = ?::uuid)`;
  const params = [
    'courtId' in scope ? scope.courtId : sqlArray(scope.streetPrefixes),
    filter.householdId ?? null,
    filter.householdId ?? null,
    filter.referralId ?? null,
    filter.referralId ?? null,
  ];
  const rows = await sqlRows<AccessColumns & { total: number }>(
    em,
    `select l.*, count(*) over () as total from areas.owner_data_access l where ${where}
      order by l.accessed_at desc, l.id desc limit ? offset ?`,
    [...params, filter.first, filter.offset],
  );
  if (rows.length > 0 || filter.offset === 0)
    return { items: rows.map(entryOf), totalCount: rows.length > 0 ? Number(rows[0].total) : 0 };
  const [count] = await sqlRows<{ n: number }>(
    em,
    `select count(*) as n from areas.owner_data_access l where ${where}`,
    params,
  );
  return { items: [], totalCount: Number(count.n) };
}
