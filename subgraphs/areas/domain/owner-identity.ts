/**
 * The owner's identity as a court needs it to name a defendant: legal name, identity document, phone and service
 * address. It is sensitive personal information (PIPL art. 28: identity numbers; art. 51: encryption and access
 * control), so the hub checks it on entry, keeps the document number and phone encrypted (persistence/), shows it in
 * full only to the street office of the household's street and a court its case was referred to (domain/access.ts),
 * and records every read in full (application/read-owner-identities.ts).
 */
import { OWNER_ID_TYPES, type OwnerIdType } from '../../../catalog';
import { compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { isValidCreditCode } from '../../../kernel/credit-code';

export { OWNER_ID_TYPES, type OwnerIdType };

export interface OwnerIdentityInput {
  legalName: string;
  idType: OwnerIdType;
  idNumber: string;
  phone?: string | null;
  serviceAddress?: string | null;
}

/** A checked identity: trimmed, the resident ID's check character upper-cased, empty optionals as null. */
export interface OwnerIdentity {
  legalName: string;
  idType: OwnerIdType;
  idNumber: string;
  phone: string | null;
  serviceAddress: string | null;
}

/** As a reader sees it: in full, or masked (`masked: true`). */
export interface OwnerIdentityView extends OwnerIdentity {
  masked: boolean;
}

/**
 * An identity as a household answers it, with whose it is: the household's owner now, or, for the court of a referral
 * against an owner who has sold since, that former owner (domain/access.ts ownerInFull); and the day that owner died,
 * where the register recorded it.
 */
export interface HouseholdOwnerIdentityView extends OwnerIdentityView {
  ownerReference: string;
  ownerDiedOn: string | null;
}

/** GB 11643-1999 §8.2: ISO 7064 MOD 11-2 weights of the 17 body digits and the check character for sum mod 11. */
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const RESIDENT_ID_CHECK = '10X98765432';

/** The check character of a resident ID's 17-digit body (GB 11643-1999). */
export function residentIdCheckCharacter(body: string): string {
  if (!/^[0-9]{17}$/.test(body)) throw new Error('a resident ID body is 17 digits');
  const sum = [...body].reduce((s, d, i) => s + Number(d) * RESIDENT_ID_WEIGHTS[i], 0);
  return RESIDENT_ID_CHECK[sum % 11];
}

/**
 * Why an 18-character citizen identity number (GB 11643-1999) is not valid, or undefined when it is: 17 digits and a
 * check character (a digit or X), a real birth date (digits 7–14, YYYYMMDD, from 1800 and not after today) and the
 * check character the body gives. The message never repeats the number.
 */
export function residentIdProblem(value: string, today = new Date()): string | undefined {
  const id = value.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return 'a resident ID number has 17 digits and a check character (a digit or X)';
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number);
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (
    y < 1800 ||
    birth.getUTCFullYear() !== y ||
    birth.getUTCMonth() !== m - 1 ||
    birth.getUTCDate() !== d ||
    // Not after today in China: compared with the instant, a child born today was refused from 00:00 to 08:00 (UTC+8).
    compareDates(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, todayInChina(today)) > 0
  ) {
    return 'the birth date in the resident ID number is not a valid date';
  }
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id[17])
    return 'the resident ID number’s check character does not match (GB 11643)';
  return undefined;
}

// C0 controls, DEL and the bidirectional overrides never belong in a name, number or address.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const text = (value: string | null | undefined, max: number) => {
  const v = (value ?? '').trim();
  return v.length > 0 && [...v].length <= max && !UNPRINTABLE.test(v);
};
const blank = (value: string | null | undefined) => value == null || value.trim() === '';

/** Problems of an owner identity by field (empty when valid); messages never echo the values. */
export function ownerIdentityProblems(input: OwnerIdentityInput, today = new Date()): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!text(input.legalName, 100)) problems.legalName = 'legal name must have 1 to 100 printable characters';
  if (!(OWNER_ID_TYPES as readonly string[]).includes(input.idType))
    problems.idType = `ID type must be one of ${OWNER_ID_TYPES.join(', ')}`;
  else if (input.idType === 'RESIDENT_ID') {
    const problem = residentIdProblem(input.idNumber ?? '', today);
    if (problem) problems.idNumber = problem;
  } else if (input.idType === 'PASSPORT' && !/^[A-Z0-9]{5,20}$/i.test((input.idNumber ?? '').trim())) {
    problems.idNumber = 'a passport number has 5 to 20 letters and digits';
  } else if (
    input.idType === 'UNIFIED_SOCIAL_CREDIT_CODE' &&
    !isValidCreditCode((input.idNumber ?? '').trim().toUpperCase())
  ) {
    problems.idNumber = 'a unified social credit code has 18 characters, the last the GB 32100 check character';
  } else if (input.idType === 'OTHER' && !text(input.idNumber, 40)) {
    problems.idNumber = 'an ID number has 1 to 40 printable characters';
  }
  if (!blank(input.phone) && !/^\+?[0-9][0-9 -]{5,22}[0-9]$/.test(input.phone!.trim())) {
    problems.phone = 'phone must be 7 to 24 digits (spaces, hyphens and a leading + allowed)';
  }
  if (!blank(input.serviceAddress) && !text(input.serviceAddress, 200))
    problems.serviceAddress = 'service address must have at most 200 printable characters';
  return problems;
}

/** The identity as stored: call only after `ownerIdentityProblems` found nothing. */
export function normaliseOwnerIdentity(input: OwnerIdentityInput): OwnerIdentity {
  const idNumber = input.idNumber.trim();
  return {
    legalName: input.legalName.trim(),
    idType: input.idType,
    idNumber: input.idType === 'OTHER' ? idNumber : idNumber.toUpperCase(),
    phone: blank(input.phone) ? null : input.phone!.trim(),
    serviceAddress: blank(input.serviceAddress) ? null : input.serviceAddress!.trim(),
  };
}

/**
 * Keeps the first `head` and last `tail` characters and stars the rest (`110***********1234`, `138****5678`);
 * a value too short to keep both keeps only its last character, or nothing.
 */
function maskMiddle(value: string, head: number, tail: number): string {
  const chars = [...value];
  if (chars.length > head + tail)
    return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
  if (chars.length > 1) return '*'.repeat(chars.length - 1) + chars[chars.length - 1];
  return '*'.repeat(chars.length);
}

/** An ID number as everyone but the parties entitled sees it: `110***********1234`. */
export const maskIdNumber = (idNumber: string): string => maskMiddle(idNumber, 3, 4);

/** A phone number as everyone but the parties entitled sees it: `138****5678`. */
export const maskPhone = (phone: string): string => maskMiddle(phone, 3, 4);

/**
 * The divisions a service address may keep in view: a first division name of 2–5 characters ending 省, 市, 区, 县,
 * 旗, 州 or 盟 (北京市, 临江市, 吉林省), then at most a district or county of 2–4 ending 区, 县 or 旗 (海淀区), each
 * not followed by a street's, road's or town's part. Anything else is a street's name: 临江市's 新市街道, 新市场路,
 * 县前街 and 市府路 each showed part of it after the city (helper-223's audit and its review).
 */
const SHOWN_DIVISIONS =
  /^[^省市区县旗州盟]{1,4}[省市区县旗州盟](?![街路道镇乡村巷场])(?:[^省市区县旗州盟]{1,3}[区县旗](?![街路道镇乡村巷场]))?/u;

/**
 * A service address keeps only the divisions it starts with (SHOWN_DIVISIONS): `北京市海淀区****`, `临江市****`.
 * Before, the first 6 characters whatever they were, so a county-level city's address showed part of its street
 * (`临江市建国街****`, helper-203's audit).
 */
export function maskServiceAddress(address: string): string {
  return (SHOWN_DIVISIONS.exec(address)?.[0] ?? '') + '****';
}
