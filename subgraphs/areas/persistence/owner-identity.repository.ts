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
/** An identity as stored, its ID number and phone sealed (for the row and column `boundTo` names) and masked. */
export interface SealedIdentity {
  legalName: string;
  idType: OwnerIdType;
  idNumberSealed: string;
  idNumberMasked: string;
  phoneSealed: string | null;
  phoneMasked: string | null;
  serviceAddress: string | null;
}

export interface StoredOwnerIdentity extends SealedIdentity {
  householdId: string;
}

/** The sealed columns; each sealed value is bound to its row and column (`areas.owner_identity:<household>:<column>`). */
export type SealedColumn = 'id_number' | 'phone';

/** The sealed identity's columns, as areas.owner_identity and areas.former_owner both keep them. */
export interface SealedIdentityColumns {
  legal_name: string;
  id_type: OwnerIdType;
  id_number_sealed: string;
  id_number_masked: string;
  phone_sealed: string | null;
  phone_masked: string | null;
  service_address: string | null;
}

interface OwnerIdentityColumns extends SealedIdentityColumns {
  household_id: string;
}

/** A sealed identity as read from its columns (sealed values stay sealed). */
export const sealedIdentityOf = (r: SealedIdentityColumns): SealedIdentity => ({
  legalName: r.legal_name,
  idType: r.id_type,
  idNumberSealed: r.id_number_sealed,
  idNumberMasked: r.id_number_masked,
  phoneSealed: r.phone_sealed,
  phoneMasked: r.phone_masked,
  serviceAddress: r.service_address,
});

const sealedAs = (householdId: string) => (column: SealedColumn) => `areas.owner_identity:${householdId}:${column}`;

/** An identity's values sealed and masked, each sealed value bound to the row and column `boundTo` names. */
export function sealedIdentity(identity: OwnerIdentity, boundTo: (column: SealedColumn) => string): SealedIdentity {
  const cipher = ownerDataCipher();
  return {
    legalName: identity.legalName,
    idType: identity.idType,
    idNumberSealed: cipher.encrypt(identity.idNumber, boundTo('id_number')),
    idNumberMasked: maskIdNumber(identity.idNumber),
    phoneSealed: identity.phone === null ? null : cipher.encrypt(identity.phone, boundTo('phone')),
    phoneMasked: identity.phone === null ? null : maskPhone(identity.phone),
    serviceAddress: identity.serviceAddress,
  };
}

/** The row to store for a household's (already validated) identity, with its values sealed and masked. */
function sealedRow(householdId: string, identity: OwnerIdentity): OwnerIdentityColumns {
  const sealed = sealedIdentity(identity, sealedAs(householdId));
  return {
    household_id: householdId,
    legal_name: sealed.legalName,
    id_type: sealed.idType,
    id_number_sealed: sealed.idNumberSealed,
    id_number_masked: sealed.idNumberMasked,
    phone_sealed: sealed.phoneSealed,
    phone_masked: sealed.phoneMasked,
    service_address: sealed.serviceAddress,
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
  return rows.map((r) => ({ householdId: r.household_id, ...sealedIdentityOf(r) }));
}

/** The identity in full: decrypts; a value altered or moved in the database throws FieldDecryptionError. */
export function unsealed(stored: StoredOwnerIdentity): OwnerIdentityView {
  return openedIdentity(stored, sealedAs(stored.householdId));
}

/** An identity in full, its sealed values opened as bound to the row and column `boundTo` names (FieldDecryptionError). */
export function openedIdentity(stored: SealedIdentity, boundTo: (column: SealedColumn) => string): OwnerIdentityView {
  const cipher = ownerDataCipher();
  return {
    legalName: stored.legalName,
    idType: stored.idType,
    idNumber: cipher.decrypt(stored.idNumberSealed, boundTo('id_number')),
    phone: stored.phoneSealed === null ? null : cipher.decrypt(stored.phoneSealed, boundTo('phone')),
    serviceAddress: stored.serviceAddress,
    masked: false,
  };
}

/** The identity masked, from what was masked on the way in: nothing is decrypted. */
export function masked(stored: SealedIdentity): OwnerIdentityView {
  return {
    legalName: maskOwnerName(stored.legalName) ?? '*',
    idType: stored.idType,
    idNumber: stored.idNumberMasked,
    phone: stored.phoneMasked,
    serviceAddress: stored.serviceAddress === null ? null : maskServiceAddress(stored.serviceAddress),
    masked: true,
  };
}
