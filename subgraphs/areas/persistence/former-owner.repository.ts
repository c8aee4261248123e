import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../kernel/calendar';
import { ownerKey } from '../../../kernel/owner-key';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { OwnerIdType, OwnerIdentity, OwnerIdentityView } from '../domain/owner-identity';
import { liveGrantSql } from './court-household.repository';
import { ownerKeySql } from './owner-key.sql';
import {
  SealedColumn,
  SealedIdentity,
  SealedIdentityColumns,
  openedIdentity,
  sealedIdentity,
  sealedIdentityOf,
} from './owner-identity.repository';

/**
 * `areas.former_owner`: the owners a household had before its current one, kept when the street office registers a
 * change of owner, so the court of a referral against an owner who has sold since still reads the owner its case is
 * against (domain/access.ts ownerInFull). Their identity is sealed as the current owner's is, each value bound to its
 * history row and column, so a value moved to another row, or between a household's former and current owner, does
 * not open. Owners replaced before migration 20261231030000 were not kept.
 */
export interface FormerOwner {
  id: string;
  householdId: string;
  ownerReference: string;
  ownerName: string | null;
  ownerSince: IsoDate | null;
  ownerDiedOn: IsoDate | null;
  /** The day the next owner became the owner, where the register recorded one. */
  succeededOn: IsoDate | null;
  /** Null: the register held no identity of this owner. */
  identity: SealedIdentity | null;
}

const sealedAs = (id: string) => (column: SealedColumn) => `areas.former_owner:${id}:${column}`;

/** Keeps the owner a change of owner replaces, with their identity (given in full: it is sealed here) where held. */
export async function recordFormerOwner(
  em: EntityManager,
  owner: Omit<FormerOwner, 'id' | 'identity'> & { identity: OwnerIdentity | null },
  recordedBy: string,
): Promise<void> {
  const id = randomUUID();
  const sealed = owner.identity && sealedIdentity(owner.identity, sealedAs(id));
  await sqlRun(
    em,
    `insert into areas.former_owner
       (id, household_id, owner_reference, owner_name, owner_since, owner_died_on, succeeded_on, legal_name, id_type,
        id_number_sealed, id_number_masked, phone_sealed, phone_masked, service_address, recorded_by)
     values (?, ?, ?, ?, ?::date, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      id,
      owner.householdId,
      owner.ownerReference,
      owner.ownerName,
      owner.ownerSince,
      owner.ownerDiedOn,
      owner.succeededOn,
      sealed?.legalName ?? null,
      sealed?.idType ?? null,
      sealed?.idNumberSealed ?? null,
      sealed?.idNumberMasked ?? null,
      sealed?.phoneSealed ?? null,
      sealed?.phoneMasked ?? null,
      sealed?.serviceAddress ?? null,
      recordedBy,
    ],
  );
}

interface FormerOwnerColumns {
  id: string;
  household_id: string;
  owner_reference: string;
  owner_name: string | null;
  owner_since_day: IsoDate | null;
  owner_died_on_day: IsoDate | null;
  succeeded_on_day: IsoDate | null;
  legal_name: string | null;
  id_type: OwnerIdType | null;
  id_number_sealed: string | null;
  id_number_masked: string | null;
  phone_sealed: string | null;
  phone_masked: string | null;
  service_address: string | null;
}

/**
 * The former owners asked for, each by household and owner reference (compared as kernel/owner-key.ts compares them),
 * in one query: the latest one recorded where a household had that owner twice; absent where the register kept none.
 */
export async function findFormerOwners(
  em: EntityManager,
  wanted: readonly { householdId: string; ownerReference: string }[],
): Promise<FormerOwner[]> {
  if (wanted.length === 0) return [];
  const rows = await sqlRows<FormerOwnerColumns>(
    em,
    `select distinct on (household_id, ${ownerKeySql('owner_reference')}) id, household_id, owner_reference, owner_name,
            to_char(owner_since, 'YYYY-MM-DD') as owner_since_day, to_char(owner_died_on, 'YYYY-MM-DD') as owner_died_on_day,
            to_char(succeeded_on, 'YYYY-MM-DD') as succeeded_on_day, legal_name, id_type, id_number_sealed,
            id_number_masked, phone_sealed, phone_masked, service_address
       from areas.former_owner
      where household_id = any(?::uuid[]) and ${ownerKeySql('owner_reference')} = any(?::text[])
      order by household_id, ${ownerKeySql('owner_reference')}, recorded_at desc, id`,
    [sqlArray(wanted.map((w) => w.householdId)), sqlArray(wanted.map((w) => ownerKey(w.ownerReference)))],
  );
  const asked = new Set(wanted.map((w) => `${w.householdId}|${ownerKey(w.ownerReference)}`));
  return rows
    .filter((r) => asked.has(`${r.household_id}|${ownerKey(r.owner_reference)}`))
    .map((r) => ({
      id: r.id,
      householdId: r.household_id,
      ownerReference: r.owner_reference,
      ownerName: r.owner_name,
      ownerSince: r.owner_since_day,
      ownerDiedOn: r.owner_died_on_day,
      succeededOn: r.succeeded_on_day,
      identity:
        r.legal_name === null || r.id_type === null || r.id_number_sealed === null || r.id_number_masked === null
          ? null
          : sealedIdentityOf(r as SealedIdentityColumns),
    }));
}

/** A former owner's identity in full: decrypts (FieldDecryptionError for a value altered or moved in the database). */
export function unsealedFormer(owner: FormerOwner & { identity: SealedIdentity }): OwnerIdentityView {
  return openedIdentity(owner.identity, sealedAs(owner.id));
}

/**
 * Erases, in one statement, the former owners succeeded before `succeededBefore` (the day recorded where the register
 * has none) that no court's grant live on `today` names (`areas.court_household`: the household with that owner
 * reference, compared as kernel/owner-key.ts compares them; a grant whose case is over names nobody,
 * domain/court-case-end.ts): their particulars are needed no longer (domain/former-owner-retention.ts). Before, any
 * grant kept them, and grants never end: a former owner once named by a referral was kept for good. Returns how many
 * were erased.
 */
export async function eraseFormerOwnersNeededNoLonger(
  em: EntityManager,
  { succeededBefore, today }: { succeededBefore: IsoDate; today: IsoDate },
): Promise<number> {
  const erased = await sqlRows<{ id: string }>(
    em,
    `delete from areas.former_owner f
      where coalesce(f.succeeded_on, (f.recorded_at at time zone 'Asia/Shanghai')::date) < ?::date
        and not exists (select 1 from areas.court_household g
                         where g.household_id = f.household_id and g.owner_reference is not null
                           and ${ownerKeySql('g.owner_reference')} = ${ownerKeySql('f.owner_reference')}
                           and ${liveGrantSql('g')})
      returning f.id`,
    [succeededBefore, today],
  );
  return erased.length;
}
