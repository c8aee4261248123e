/**
 * The defendant owner's identity as the areas subgraph discloses it to the court of a referral naming that owner
 * (Household.ownerIdentity): held there as sensitive personal information, masked for everyone else. Litigation
 * keeps none of it: it reads it when the court asks for the complaint and writes it into that document only.
 */
import { OWNER_ID_TYPES, type OwnerIdType, isOrganisation } from '../../../catalog';

export { OWNER_ID_TYPES, type OwnerIdType, isOrganisation };

export interface DefendantIdentity {
  legalName: string;
  idType: OwnerIdType;
  idNumber: string;
  phone: string | null;
  serviceAddress: string | null;
  /** True when the areas subgraph masked the values (the caller is not the court of a referral naming the owner). */
  masked: boolean;
}

/**
 * Sex and date of birth as an 18-character resident identity number encodes them (GB 11643-1999 clause 5: the 7th
 * to 14th characters are the date of birth, the 17th is odd for a man, even for a woman); null for other documents,
 * masked numbers, or a number without a real date in it.
 */
export function residentIdFacts(
  identity: Pick<DefendantIdentity, 'idType' | 'idNumber' | 'masked'>,
): { sex: '男' | '女'; bornOn: string } | null {
  if (identity.masked || identity.idType !== 'RESIDENT_ID' || !/^[0-9]{17}[0-9X]$/.test(identity.idNumber)) return null;
  const [y, m, d] = [identity.idNumber.slice(6, 10), identity.idNumber.slice(10, 12), identity.idNumber.slice(12, 14)];
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return null;
  return { sex: Number(identity.idNumber[16]) % 2 === 1 ? '男' : '女', bornOn: `${y}-${m}-${d}` };
}
