import type { IsoDate } from '../../../kernel/calendar';
import { ownerKey } from '../../../kernel/owner-key';
import { InvalidInputError } from '../../../kernel/errors';
import { YearMonth, compareMonths, isIsoDate, isYearMonth } from '../../../kernel/calendar';
import { CentiSquareMetres, parseSquareMetres } from './floor-area';
import { HEIRS_OWN_FROM_DEATH_SOURCE, ORGANISATION_ENDS_BY_DEREGISTRATION_SOURCE } from './statutes';
import {
  OwnerIdentity,
  OwnerIdentityInput,
  normaliseOwnerIdentity,
  ownerIdentityProblems,
  residentIdProblem,
} from './owner-identity';

/** Compound kinds named in seed 001 (Beijing's classification of residential compounds). */
export const COMPOUND_KINDS = ['COMMERCIAL', 'AFFORDABLE', 'OLD_PUBLIC_HOUSING', 'BUNGALOW', 'UNMANAGED'] as const;
export type CompoundKind = (typeof COMPOUND_KINDS)[number];

/** 物业服务合同型 / 多方联动共治型 / 政府托底居民自治型 (seed 001), declared in the catalog (complaints dispatch by it). */
import { GOVERNANCE_MODELS, type GovernanceModel } from '../../../catalog';

export { GOVERNANCE_MODELS, type GovernanceModel };

export const MAINTENANCE_FUND_STATUSES = ['ESTABLISHED', 'NOT_ESTABLISHED'] as const;
export type MaintenanceFundStatus = (typeof MAINTENANCE_FUND_STATUSES)[number];

/** Fee standards differ by building class (seed 003: ¥1.78 low-rise, ¥2.45 high-rise). */
import { BUILDING_CLASSES, type BuildingClass } from '../../../catalog';

export { BUILDING_CLASSES, type BuildingClass };

export interface CompoundRegistration {
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode?: string | null;
  kind: CompoundKind;
  governanceModel: GovernanceModel;
  yearBuilt?: number | null;
  propertyRightsUnits: number;
  maintenanceFund: MaintenanceFundStatus;
}

/** A correction of a compound: only the fields given change; its street and district never do. */
export type CompoundChanges = Partial<Omit<CompoundRegistration, 'districtCode' | 'streetCode'>>;

export interface BuildingRegistration {
  label: string;
  buildingClass: BuildingClass;
  floors: number;
  elevators: number;
  /**
   * The month (YYYY-MM) the building's elevators were last installed or replaced, where the street office records it
   * (seed 003: 学院南路32号院's buildings 16 and 17, June 2023). Optional; never after the current month.
   */
  elevatorsReplacedIn?: YearMonth | null;
}

export interface HouseholdRegistration {
  unit: string;
  room: string;
  floorArea: string;
  ownerReference: string;
  ownerName?: string;
  /** The owner's legal identity (domain/owner-identity.ts), for court documents; optional. */
  ownerIdentity?: OwnerIdentityInput | null;
}

/**
 * A correction of a household: a new certificate area, or a new owner (the reference, the name and the identity go
 * together: a new reference without an identity removes the former owner's), or the owner's identity alone.
 */
export interface HouseholdChanges {
  floorArea?: string;
  ownerReference?: string;
  ownerName?: string;
  ownerIdentity?: OwnerIdentityInput | null;
  /** The day the owner became the owner (ownerDaysOf); null clears it; absent: kept, or today with a new owner. */
  ownerSince?: string | null;
  /** The day the registered owner died (ownerDaysOf); null clears it; absent: kept, or cleared with a new owner. */
  ownerDiedOn?: string | null;
}

/** The days the register keeps of the owner registered: when they became the owner, and when they died. */
export interface OwnerDays {
  ownerSince: IsoDate | null;
  ownerDiedOn: IsoDate | null;
}

/**
 * The owner's days after a correction of a household, each undefined to leave the stored one as it is.
 *
 * `ownerSince`, the day the owner became the owner (业主): the owner pays the fees (Civil Code art. 944), so the months
 * begun before it are the former owner's, which a referral leaves out. The day is the transfer's registration (art.
 * 209: a transfer of real property takes effect on registration), or for a buyer from the developer who lawfully took
 * the flat over before registering, that handover (法释〔2009〕7号 art. 1 para. 2 counts such a buyer as 业主), or for
 * heirs the death (below). With a new owner reference and no day given, the day of the change in the register (the
 * earliest the hub knows of it: a later day than the real one leaves some of the new owner's months unclaimed, never
 * the former owner's on the new one), unless a death is recorded or given with it (below: the stored day is kept). A
 * day given corrects the stored one, with or without a new reference; null clears it (a corrected reference that was
 * no sale, or a day entered in error).
 *
 * `ownerDiedOn`, the day the registered owner died: a natural person's capacity ends with death (art. 13), so a
 * deceased owner cannot be sued (litigation's OWNER_DECEASED). Null clears it (entered in error). While a death is
 * recorded, a new owner reference is the heirs (继承人, not legatees: art. 230 makes heirs owners from the opening of
 * the succession, art. 1121 at the death, without registration) only with `ownerSince` on or after the death, which
 * clears the death; without `ownerSince` it corrects the deceased owner's reference and the death stays (before, any
 * new reference cleared it, and heirs registered without a day, or with one before the death, were sued for the
 * deceased's months as their own, which art. 1161 limits to the estate's value). A new owner otherwise clears the
 * death unless one is given with it. An organisation (a unified social credit code) does not die: it ends by
 * deregistration (arts. 59, 68).
 *
 * BAD_USER_INPUT for a day after today, a death before the owner became the owner, heirs owning from before the
 * death, or the death of an organisation.
 */
export function ownerDaysOf(
  changes: Pick<HouseholdChanges, 'ownerSince' | 'ownerDiedOn'>,
  newOwner: boolean,
  stored: OwnerDays,
  organisation: boolean,
  today: IsoDate,
): Partial<OwnerDays> {
  const { ownerSince: since, ownerDiedOn: died } = changes;
  const day = (value: string | null | undefined) => value == null || (isIsoDate(value) && value <= today);
  fail('household', {
    ...(day(since) ? {} : { ownerSince: `a YYYY-MM-DD day, not after today (${today})` }),
    ...(day(died) ? {} : { ownerDiedOn: `a YYYY-MM-DD day, not after today (${today})` }),
  });
  if (newOwner && died === undefined && stored.ownerDiedOn) {
    if (since == null) return since === null ? { ownerSince: null } : {};
    if (since < stored.ownerDiedOn)
      fail('household', {
        ownerSince: `the heirs own the flat from the death (${HEIRS_OWN_FROM_DEATH_SOURCE}): on or after ${stored.ownerDiedOn}`,
      });
    return { ownerSince: since as IsoDate, ownerDiedOn: null };
  }
  const next: Partial<OwnerDays> = {};
  if (since !== undefined) next.ownerSince = since as IsoDate | null;
  else if (newOwner && !died) next.ownerSince = today;
  if (died !== undefined) next.ownerDiedOn = died as IsoDate | null;
  else if (newOwner) next.ownerDiedOn = null;
  if (died) {
    const ownerSince = next.ownerSince !== undefined ? next.ownerSince : stored.ownerSince;
    fail('household', {
      ...(organisation
        ? {
            ownerDiedOn: `an organisation does not die: it ends by deregistration (${ORGANISATION_ENDS_BY_DEREGISTRATION_SOURCE})`,
          }
        : {}),
      ...(ownerSince && died < ownerSince
        ? { ownerDiedOn: `not before the day the owner became the owner (${ownerSince})` }
        : {}),
    });
  } else if (since && stored.ownerDiedOn && died === undefined && since > stored.ownerDiedOn)
    fail('household', { ownerSince: `not after the day the owner died (${stored.ownerDiedOn})` });
  return next;
}

export interface ValidHousehold extends Omit<HouseholdRegistration, 'floorArea' | 'ownerIdentity'> {
  floorAreaCentiM2: CentiSquareMetres;
  ownerIdentity?: OwnerIdentity;
}

type Problems = Record<string, string>;
const fail = (what: string, problems: Problems) => {
  if (Object.keys(problems).length > 0) throw new InvalidInputError(`The ${what} is invalid`, { fields: problems });
};
const text = (value: string | undefined, max: number) =>
  (value ?? '').trim().length > 0 && (value ?? '').trim().length <= max;

/** `today` is China's calendar day (kernel/clock.ts): the year built may be this year from 00:00 on 1 January there. */
export function validateCompound(input: CompoundRegistration, today: IsoDate): CompoundRegistration {
  const problems: Problems = {};
  if (!text(input.name, 200)) problems.name = 'name must have 1 to 200 characters';
  if (!/^[0-9]{6}$/.test(input.districtCode))
    problems.districtCode = 'district code must be the 6-digit GB/T 2260 code';
  if (!/^[0-9]{9}$/.test(input.streetCode) || !input.streetCode.startsWith(input.districtCode)) {
    problems.streetCode = 'street code must be 9 digits within the district';
  }
  if (
    input.communityCode != null &&
    (!/^[0-9]{12}$/.test(input.communityCode) || !input.communityCode.startsWith(input.streetCode))
  ) {
    problems.communityCode = 'community code must be 12 digits within the street';
  }
  if (
    input.yearBuilt != null &&
    (!Number.isInteger(input.yearBuilt) || input.yearBuilt < 1900 || input.yearBuilt > Number(today.slice(0, 4)))
  ) {
    problems.yearBuilt = 'year built must be a year between 1900 and this year';
  }
  if (!Number.isInteger(input.propertyRightsUnits) || input.propertyRightsUnits < 0) {
    problems.propertyRightsUnits = 'the number of property-rights units must be a whole number, 0 or more';
  }
  fail('compound', problems);
  return { ...input, name: input.name.trim() };
}

/** The problems of one building by field (empty when valid); bulk imports report them per line. */
export function buildingProblems(input: BuildingRegistration, thisMonth: YearMonth = '9999-12'): Problems {
  const problems: Problems = {};
  if (!text(input.label, 50)) problems.label = 'label must have 1 to 50 characters';
  if (!Number.isInteger(input.floors) || input.floors < 1 || input.floors > 200)
    problems.floors = 'floors must be between 1 and 200';
  if (!Number.isInteger(input.elevators) || input.elevators < 0 || input.elevators > 100)
    problems.elevators = 'elevators must be between 0 and 100';
  const replacedIn = input.elevatorsReplacedIn;
  if (replacedIn != null) {
    if (
      !isYearMonth(replacedIn) ||
      compareMonths(replacedIn, '1900-01') < 0 ||
      compareMonths(replacedIn, thisMonth) > 0
    )
      problems.elevatorsReplacedIn = `the month elevators were replaced is a YYYY-MM month from 1900-01 to ${thisMonth}`;
    else if (input.elevators === 0) problems.elevatorsReplacedIn = 'a building without elevators has none replaced';
  }
  return problems;
}

/** `thisMonth`: the current month, the latest the elevators can have been replaced in. */
export function validateBuilding(input: BuildingRegistration, thisMonth: YearMonth): BuildingRegistration {
  fail('building', buildingProblems(input, thisMonth));
  return { ...input, label: input.label.trim() };
}

/** Words a register uses for an owner not known (or not filled in), compared after NFKC and in lower case. */
const PLACEHOLDER_WORDS = new Set([
  '未知',
  '不详',
  '不明',
  '待定',
  '待查',
  '待核实',
  '待确认',
  '暂无',
  '无',
  '空',
  'unknown',
  'n/a',
  'na',
  'none',
  'null',
  'nil',
  'tbd',
  'tba',
]);

/**
 * Whether an owner reference stands for no owner: a word for "unknown" (未知, 待核实, n/a, …) or nothing but
 * punctuation, symbols and zeros ("-", "？", "0000"). One reference is one owner in a joint decision (法释〔2009〕7号
 * art. 9: 业主人数按照专有部分的数量计算，一个专有部分按一人计算), so sixty units registered as 未知 would count as one
 * owner voting once with all their area.
 */
export function isPlaceholderOwnerReference(reference: string): boolean {
  const folded = ownerKey(reference).toLowerCase();
  return PLACEHOLDER_WORDS.has(folded) || /^[\p{P}\p{S}\s0]+$/u.test(folded);
}

/**
 * Whether an owner reference is a resident ID number (GB 11643, its check character right): the reference travels
 * in clear to arrears, litigation and every company and court reading the household (areas.households.v1, claims,
 * referrals), while an ID number belongs in the owner's identity, sealed and shown masked (a privacy audit of
 * 2026-12-07; PIPL art. 28: an ID number is sensitive personal information).
 */
export const isResidentIdReference = (reference: string): boolean =>
  // As the register compares references (ownerKey: full-width digits typed by a Chinese input method are the ID too),
  // and without the spaces or hyphens an ID is often written with (110105 19491231 002X).
  residentIdProblem(ownerKey(reference).replace(/[\s-]/g, '')) === undefined;

/**
 * Returns the problems of one household row by field (empty when valid), so bulk imports can report every line. A
 * placeholder owner reference is refused (`isPlaceholderOwnerReference`), and so is a resident ID number
 * (`isResidentIdReference`); `storedReference` lets a correction of another field through while the reference stored
 * before these rules stays unchanged.
 */
export function householdProblems(input: HouseholdRegistration, { storedReference = false } = {}): Problems {
  const problems: Problems = {};
  if (!text(input.unit, 20)) problems.unit = 'unit must have 1 to 20 characters';
  if (!text(input.room, 20)) problems.room = 'room must have 1 to 20 characters';
  const area = parseSquareMetres(input.floorArea ?? '');
  if (area === undefined || area === 0)
    problems.floorArea = 'floor area must be a positive number of m² with at most two decimals';
  if (!text(input.ownerReference, 64)) problems.ownerReference = 'owner reference must have 1 to 64 characters';
  else if (!storedReference && isPlaceholderOwnerReference(input.ownerReference))
    problems.ownerReference =
      'owner reference stands for no owner: give a unit whose owner is not known a reference of its own (its certificate number, or building-unit-room), or units of different owners count as one';
  else if (!storedReference && isResidentIdReference(input.ownerReference))
    problems.ownerReference =
      'owner reference is a resident ID number, which the reference would carry in clear to companies, courts and the event feeds: give the ID number as ownerIdentity.idNumber (sealed, shown masked) and the owner a reference of your own register, the same on each of their units';
  if (input.ownerName !== undefined && input.ownerName.trim().length > 100)
    problems.ownerName = 'owner name is too long';
  if (input.ownerIdentity) {
    for (const [field, problem] of Object.entries(ownerIdentityProblems(input.ownerIdentity)))
      problems[`ownerIdentity.${field}`] = problem;
  }
  return problems;
}

export function validateHousehold(
  input: HouseholdRegistration,
  options: { storedReference?: boolean } = {},
): ValidHousehold {
  fail('household', householdProblems(input, options));
  const { floorArea, ownerIdentity, ...rest } = input;
  return {
    ...rest,
    ownerIdentity: ownerIdentity ? normaliseOwnerIdentity(ownerIdentity) : undefined,
    unit: input.unit.trim(),
    room: input.room.trim(),
    // One owner is one reference (法释〔2009〕7号 art. 9): "A-1 " and "A-1" must not count as two.
    ownerReference: input.ownerReference.trim(),
    ownerName: input.ownerName?.trim() || undefined,
    floorAreaCentiM2: parseSquareMetres(floorArea)!,
  };
}

/**
 * Personal data is minimised: only the managing parties see an owner's full name; everyone else sees the family
 * name followed by asterisks (张三丰 → 张**).
 */
export function maskOwnerName(name: string | undefined | null): string | null {
  if (!name) return null;
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
