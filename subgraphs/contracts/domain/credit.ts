import { IsoDate, compareDates } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity, coversDivision } from '../../../kernel/identity';
import { periodEnd, unlessBeyondCalendar } from '../../../kernel/working-days';
import type { CreditEntryKind, CreditSubjectKind } from '../../../catalog';
import { contractsError } from './errors';

/**
 * Credit records (issue 17 §3; seed 004 §六(六) 探索将拒交物业费的纳入个人征信). A company's record holds what the hub
 * sees of its conduct: late filings where the city's rules attach a consequence, unlawful collection measures and other
 * findings a bureau records, each with its legal basis, date and source. An owner appears only
 * by the lawful route: the enforcing court listed the owner as a dishonest judgment debtor for a fee judgment left
 * unpaid (Civil Procedure Law art. 266, 在征信系统记录 … 不履行义务信息); arrears alone never make an entry. A returned
 * filing version makes none either (filing-credit-entry.record.ts): RETURNED_FILING entries are those recorded before.
 *
 * Publication: an entry goes to the city's credit feed the day after its notice period (the city's setting, counted
 * from the day of the entry by Civil Code arts. 201 and 203) has run, unless an objection is pending; a city with no
 * notice period publishes nothing. A bureau's decision ends an objection: upheld, the entry is withdrawn (and the
 * withdrawal published if it had been); dismissed, the entry goes back to where it was.
 */
export const CREDIT_ENTRY_STATUSES = ['RECORDED', 'OBJECTED', 'PUBLISHED', 'WITHDRAWN'] as const;
export type CreditEntryStatus = (typeof CREDIT_ENTRY_STATUSES)[number];

/** The legal basis of an owner's entry. Confirmed text: 民事诉讼法 (2023 amendment) art. 266. */
export const DISHONEST_DEBTOR_BASIS =
  'Civil Procedure Law (2023) art. 266: 被执行人不履行法律文书确定的义务的，人民法院可以…在征信系统记录、通过媒体公布不履行义务信息; listed by the enforcing court as a dishonest judgment debtor (失信被执行人)';

/** Cut-offs to collect fees are unlawful (the basis of a bureau's UNLAWFUL_COLLECTION_MEASURE finding by default). */
export const UNLAWFUL_COLLECTION_BASIS =
  'Civil Code art. 944 para. 3 (不得采取停止供电、供水、供热、供燃气等方式催交物业费)';

/** What a bureau may record by hand; filings' entries and courts' listings are recorded by the hub itself. */
export const BUREAU_RECORDED_KINDS = [
  'UNLAWFUL_COLLECTION_MEASURE',
  'BUREAU_FINDING',
] as const satisfies readonly CreditEntryKind[];
export type BureauRecordedKind = (typeof BUREAU_RECORDED_KINDS)[number];

export interface CreditEntryFacts {
  subjectKind: CreditSubjectKind;
  companyId: string | null;
  streetCode: string;
  districtCode: string;
  status: CreditEntryStatus;
  publishedOn: IsoDate | null;
}

/**
 * The last day of the notice period counted from `recordedOn` (the day the entry was recorded, when the party can
 * first see it and object): null where the city gives none, or where the period ends past the holiday data the hub
 * holds (the entry waits: publishing on a plain count could come a day early, art. 203 only lengthens).
 */
export function noticeEndsOn(recordedOn: IsoDate, noticeDays: number | null | undefined): IsoDate | null {
  if (noticeDays == null) return null;
  return unlessBeyondCalendar(() => periodEnd(recordedOn, noticeDays));
}

/**
 * The notice period an entry runs by: the city's when the entry was recorded, so a later change of the city's
 * setting moves no window already announced (before, shortening it published entries whose owner or company still
 * had days left to object); the city's current one for an entry recorded while the city set none, or before the
 * period was kept with the entry.
 */
export const entryNoticeDays = (
  entry: { noticeDays: number | null },
  cityNoticeDays: number | null | undefined,
): number | null => entry.noticeDays ?? cityNoticeDays ?? null;

/**
 * The last day of the entry's own notice period (entryNoticeDays, noticeEndsOn), counted from the day it was recorded,
 * not the day of the conduct or listing it records (before, an entry recorded after its period had run from that day
 * was published at once): what the API shows and the sweep uses.
 */
export const entryNoticeEndsOn = (
  entry: { recordedOn: IsoDate; noticeDays: number | null },
  cityNoticeDays: number | null | undefined,
): IsoDate | null => noticeEndsOn(entry.recordedOn, entryNoticeDays(entry, cityNoticeDays));

/** Whether the entry is to be published on `today`: recorded (no objection pending) and its notice period over. */
export function isDueForPublication(
  entry: { status: CreditEntryStatus; recordedOn: IsoDate; noticeDays: number | null },
  cityNoticeDays: number | null | undefined,
  today: IsoDate,
): boolean {
  if (entry.status !== 'RECORDED') return false;
  const ends = entryNoticeEndsOn(entry, cityNoticeDays);
  return ends !== null && compareDates(today, ends) > 0;
}

const BUREAUS: ReadonlySet<string> = new Set(['CITY_BUREAU', 'ENFORCEMENT_BUREAU']);

/**
 * Who reads an entry: the company its own company entries, the bureaus whose jurisdiction covers the area's
 * district (the bureaus of its city), the street office the owner entries of its streets (it lodges an owner's
 * objection: owners hold no account in the hub), and the admin.
 */
export function mayReadCreditEntry(identity: Identity, entry: CreditEntryFacts): boolean {
  if (identity.role === 'ADMIN') return true;
  if (identity.role === 'PROPERTY_COMPANY')
    return entry.subjectKind === 'COMPANY' && entry.companyId === identity.organisationId;
  if (BUREAUS.has(identity.role)) return coversDivision(identity, entry.districtCode);
  if (identity.role === 'STREET_OFFICE')
    return entry.subjectKind === 'OWNER' && coversDivision(identity, entry.streetCode);
  return false;
}

/** The company objects to its own entries; the street office to an owner's entry on the owner's behalf. */
export function mayObjectToCreditEntry(identity: Identity, entry: CreditEntryFacts): boolean {
  if (identity.role === 'PROPERTY_COMPANY')
    return entry.subjectKind === 'COMPANY' && entry.companyId === identity.organisationId;
  if (identity.role === 'STREET_OFFICE')
    return entry.subjectKind === 'OWNER' && coversDivision(identity, entry.streetCode);
  return false;
}

/**
 * The bureau that decides objections and records findings: the city's filing reviewer role (CITY_BUREAU in
 * Beijing, ENFORCEMENT_BUREAU in 临江市) with a jurisdiction over the area's district.
 */
export function isCityBureauOf(
  identity: Identity,
  area: { districtCode: string },
  reviewerRole: string | null,
): boolean {
  return identity.role === reviewerRole && coversDivision(identity, area.districtCode);
}

/** The status an objection leads to; refused while one is pending or after a withdrawal. */
export function objectTo(entry: Pick<CreditEntryFacts, 'status'>): CreditEntryStatus {
  if (entry.status !== 'RECORDED' && entry.status !== 'PUBLISHED') {
    throw contractsError('CREDIT_OBJECTION_NOT_ALLOWED', `The credit entry is ${entry.status.toLowerCase()}`, {
      status: entry.status,
    });
  }
  return 'OBJECTED';
}

/** The bureau's decision on a pending objection: upheld withdraws the entry, dismissed restores it. */
export function decideObjection(
  entry: Pick<CreditEntryFacts, 'status' | 'publishedOn'>,
  upheld: boolean,
): CreditEntryStatus {
  if (entry.status !== 'OBJECTED')
    throw contractsError('NO_PENDING_OBJECTION', 'The credit entry has no objection awaiting a decision', {
      status: entry.status,
    });
  if (upheld) return 'WITHDRAWN';
  return entry.publishedOn === null ? 'RECORDED' : 'PUBLISHED';
}

/** Bounded free text (grounds, reasons, legal bases): required, at most 2,000 characters. */
export function requireText(fields: Record<string, string | null | undefined>): Record<string, string> {
  const problems: Record<string, string> = {};
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    const trimmed = value?.trim() ?? '';
    if (trimmed === '') problems[name] = 'must not be empty';
    else out[name] = trimmed;
  }
  if (Object.keys(problems).length > 0) throw new InvalidInputError('Required text is missing', { fields: problems });
  return out;
}
