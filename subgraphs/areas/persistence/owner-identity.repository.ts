import type { EntityManager } from '@mikro-orm/postgresql';
import { ownerDataCipher } from '../../../platform/crypto/owner-data-cipher';
import { sqlArray, sqlRows, sqlRun } from '../../../platform/db/sql';
import { maskOwnerName } from '../domain/compound';
import {
  OwnerIdType,
  OwnerIdentity,
  OwnerIdentityView,
  maskIdNumber,
  maskPhone,
  maskServiceAddress,
} from '../domain/owner-identity';

/**
 * `areas.owner_identity`: the ID number and phone are sealed here, on the way in, and opened only by `unsealed`,
 * which the application calls for the parties entitled to them. The associated data binds each sealed value to its
 * household and column, so a value copied to another row does not open.
 */
export interface StoredOwnerIdentity {
  householdId: string;
  legalName: string;
  idType: OwnerIdType;
  idNumberSealed: string;
  idNumberMasked: string;
  phoneSealed: string | null;
  phoneMasked: string | null;
  serviceAddress: string | null;
}

interface OwnerIdentityColumns {
  household_id: string;
  legal_name: string;
  id_type: OwnerIdType;
  id_number_sealed: string;
  id_number_masked: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  service_address: string | null;
}

const sealedAs = (householdId: string, column: 'id_number' | 'phone') =>
  `areas.owner_identity:${householdId}:${column}`;

/** The row to store for a household's (already validated) identity, with its values sealed and masked. */
function sealedRow(householdId: string, identity: OwnerIdentity): OwnerIdentityColumns {
  const cipher = ownerDataCipher();
  return {
    household_id: householdId,
    legal_name: identity.legalName,
    id_type: identity.idType,
    id_number_sealed: cipher.encrypt(identity.idNumber, sealedAs(householdId, 'id_number')),
    id_number_masked: maskIdNumber(identity.idNumber),
    phone_sealed: identity.phone === null ? null : cipher.encrypt(identity.phone, sealedAs(householdId, 'phone')),
    phone_masked: identity.phone === null ? null : maskPhone(identity.phone),
    service_address: identity.serviceAddress,
  };
}

const INSERT_CHUNK = 5_000;

/** Records (or replaces) the owners' identities of households, set-based (the compound file's import uses it too). */
export async function saveOwnerIdentities(
  em: EntityManager,
  identities: readonly { householdId: string; identity: OwnerIdentity }[],
  recordedBy: string,
): Promise<void> {
  for (let i = 0; i < identities.length; i += INSERT_CHUNK) {
    const rows = identities.slice(i, i + INSERT_CHUNK).map((o) => sealedRow(o.householdId, o.identity));
    await sqlRun(
      em,
      `insert into areas.owner_identity
         (household_id, legal_name, id_type, id_number_sealed, id_number_masked, phone_sealed, phone_masked, service_address, recorded_by)
       select household_id, legal_name, id_type, id_number_sealed, id_number_masked, phone_sealed, phone_masked, service_address, ?
         from json_to_recordset(?::json) as t(household_id uuid, legal_name text, id_type text, id_number_sealed text,
              id_number_masked text, phone_sealed text, phone_masked text, service_address text)
       on conflict (household_id) do update set
         legal_name = excluded.legal_name, id_type = excluded.id_type, id_number_sealed = excluded.id_number_sealed,
         id_number_masked = excluded.id_number_masked, phone_sealed = excluded.phone_sealed, phone_masked = excluded.phone_masked,
         service_address = excluded.service_address, recorded_by = excluded.recorded_by, recorded_at = now()`,
      [recordedBy, JSON.stringify(rows)],
    );
  }
}

/** A new owner without an identity on record: the former owner's is removed. */
export async function removeOwnerIdentity(em: EntityManager, householdId: string): Promise<void> {
  await sqlRun(em, `delete from areas.owner_identity where household_id = ?`, [householdId]);
}

/** The stored identities of the households asked for, in one query; households without one are absent. */
export async function findOwnerIdentities(
  em: EntityManager,
  householdIds: readonly string[],
): Promise<StoredOwnerIdentity[]> {
  const rows = await sqlRows<OwnerIdentityColumns>(
    em,
    `select * from areas.owner_identity where household_id = any(?::uuid[])`,
    [sqlArray(householdIds)],
  );
  return rows.map((r) => ({
    householdId: r.household_id,
    legalName: r.legal_name,
    idType: r.id_type,
    idNumberSealed: r.id_number_sealed,
    idNumberMasked: r.id_number_masked,
    phoneSealed: r.phone_sealed,
    phoneMasked: r.phone_masked,
    serviceAddress: r.service_address,
  }));
}

/** The identity in full: decrypts; a value altered or moved in the database throws FieldDecryptionError. */
export function unsealed(stored: StoredOwnerIdentity): OwnerIdentityView {
  const cipher = ownerDataCipher();
  return {
    legalName: stored.legalName,
    idType: stored.idType,
    idNumber: cipher.decrypt(stored.idNumberSealed, sealedAs(stored.householdId, 'id_number')),
    phone:
      stored.phoneSealed === null ? null : cipher.decrypt(stored.phoneSealed, sealedAs(stored.householdId, 'phone')),
    serviceAddress: stored.serviceAddress,
    masked: false,
  };
}

/** The identity masked, from what was masked on the way in: nothing is decrypted. */
export function masked(stored: StoredOwnerIdentity): OwnerIdentityView {
  return {
    legalName: maskOwnerName(stored.legalName) ?? '*',
    idType: stored.idType,
    idNumber: stored.idNumberMasked,
    phone: stored.phoneMasked,
    serviceAddress: stored.serviceAddress === null ? null : maskServiceAddress(stored.serviceAddress),
    masked: true,
  };
}
