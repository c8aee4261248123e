import { InvalidInputError } from '../../../kernel/errors';
import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { CONTRACT_KINDS, ContractKind } from './contract';
import {
  ContractTermProblem,
  ExistingContract,
  contractTermProblems,
  latestPreliminaryEnd,
  contractsNamedTo,
  overlappingContracts,
  regularContractsInForceAtStart,
} from './contract-overlap';
import { BuildingClass, FeeScheduleFlag, FeeScheduleProblem, assessFeeSchedule } from './fee-schedule';
import {
  AgreementGround,
  HiringDecision,
  HiringDecisionProblem,
  ProviderSelection,
  SelectionProblem,
  hiringDecisionProblems,
  selectionProblems,
} from './selection';
import { CitySettings, HIRING_DECISION_SOURCE } from './statutes';
import { isUuid } from '../../../kernel/uuid';

/** Who signs for the owners' side: the developer (preliminary contract) or the owners' body (regular contract). */
import {
  BUILDING_CLASSES,
  FilingTermsData,
  MAX_CONTRACT_PARTIES,
  MAX_DEMAND_PERIOD_DAYS,
  MAX_LATE_FEE_GRACE_DAYS,
  MAX_LATE_FEE_RATE_PER_TEN_THOUSAND,
  MAX_PROJECT_BUILDING_AREA_CENTI_M2,
  MAX_SERVICE_ITEMS,
  MAX_SUBSIDIES_PER_CLASS,
  OWNERS_SIDE_KINDS,
  publishedLateFee,
  type OwnersSideKind,
} from '../../../catalog';

export { OWNERS_SIDE_KINDS, type OwnersSideKind };

/**
 * Parties named in the contract. Seed 003's four-party agreement (2021-12-10) adds the street office and the
 * receiver of the non-operating assets (首开集团) to the committee and the provider.
 */
export const PARTY_ROLES = [
  'PROVIDER',
  'DEVELOPER',
  'OWNERS_COMMITTEE',
  'PROPERTY_MANAGEMENT_COMMITTEE',
  'STREET_OFFICE',
  'ASSET_RECEIVER',
  'OTHER',
] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

/**
 * A party as the contract names it: `registration` is its unified social credit code (统一社会信用代码) where known.
 * The signatory (who signed for the party) is a person, kept in the hub and never published.
 */
export interface ContractParty extends Omit<FilingTermsData['parties'][number], 'role'> {
  role: PartyRole;
  signatory: string;
}

/** A service scope item (e.g. cleaning of common areas) and the standard promised for it ("daily sweeping"). */
export type ServiceItem = FilingTermsData['serviceItems'][number];

/**
 * Late-payment terms as the contract states them: a simple rate on the unpaid fee, either daily (万分之N per day) or
 * monthly (万分之N per full month overdue), after a grace period, optionally capped at a share of the fee, with the
 * clause's own words when the provider gives them. A contract without a late-fee clause has none (null): then none
 * may be charged. The monthly rate and the clause text are left out (not null) when not given, so terms without them
 * digest and publish exactly as before they existed (catalog/filings.ts).
 */
export type LateFeeTerms = NonNullable<FilingTermsData['lateFee']>;

/**
 * What a service contract says, as the draft, every filing version and the events keep it, so a reviewer, a court
 * and a bureau read the same terms: the published shape (the catalog's FilingTerms) plus the parties' signatories.
 * `number` is the contract's own number (合同编号).
 */
export interface ContractTerms extends Omit<FilingTermsData, 'parties'> {
  parties: ContractParty[];
}

/** `T` with its nullable fields optional: a client may leave out what it does not have. */
type NullsOptional<T> = { [K in keyof T as null extends T[K] ? K : never]?: T[K] } & {
  [K in keyof T as null extends T[K] ? never : K]: T[K];
};

/** The terms as a provider enters them, optional parts left out; normaliseTerms turns them into ContractTerms. */
export type ContractTermsEntry = NullsOptional<
  Omit<
    ContractTerms,
    'lateFee' | 'parties' | 'demandPeriodDays' | 'projectBuildingAreaCentiM2' | 'hiringDecisionId' | 'agreementGround'
  >
> & {
  agreementGround?: AgreementGround | null;
  lateFee?: LateFeeEntry | null;
  demandPeriodDays?: number | null;
  projectBuildingAreaCentiM2?: number | null;
  hiringDecisionId?: string | null;
  parties: NullsOptional<ContractParty>[];
};

/** Late-fee terms as entered: the parts not given may be null. */
export type LateFeeEntry = {
  [K in keyof LateFeeTerms]?: LateFeeTerms[K] | null;
} & { graceDays: number };

/** The facts of the area a contract is checked against (from the areas feed). */
export interface AreaFacts {
  areaId: string;
  totalFloorAreaCentiM2: number;
  buildingClasses: readonly BuildingClass[];
  /** The joint decision the terms name as hiring the provider (governance feed): another area's is as if none. */
  hiringDecision?: HiringDecision | null;
}

export type TermsProblemCode =
  | 'MISSING_FIELD'
  | 'INVALID_DATE'
  | 'SIGNED_AFTER_START'
  | 'OWNERS_SIDE_DOES_NOT_MATCH_KIND'
  | 'PROVIDER_PARTY_REQUIRED'
  | 'PROVIDER_NOT_FILING_COMPANY'
  | 'OWNERS_SIDE_PARTY_REQUIRED'
  | 'SERVICE_SCOPE_REQUIRED'
  | 'INVALID_LATE_FEE_TERMS'
  | 'INVALID_DEMAND_PERIOD'
  | SelectionProblem
  | HiringDecisionProblem
  | ContractTermProblem
  | FeeScheduleProblem['code'];

export interface TermsProblem {
  code: TermsProblemCode;
  field?: string;
  message: string;
  /** Extra facts for some codes (the conflicting contract ids, the latest allowed end, the fee problem). */
  details?: Record<string, unknown>;
}

export interface TermsAssessment {
  problems: TermsProblem[];
  /** Fee-schedule flags reviewers should see; they do not stop a filing. */
  feeFlags: FeeScheduleFlag[];
}

/** The longest late-fee clause text kept (the catalog's FilingTerms says the same). */
const CLAUSE_MAX = 2000;

const blank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const wholeAtLeast = (value: unknown, min: number) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** The owners' side that signs each kind of contract (State Council regulation art. 21; Civil Code art. 939). */
const OWNERS_SIDE_OF_KIND: Record<ContractKind, readonly OwnersSideKind[]> = {
  PRELIMINARY: ['DEVELOPER'],
  REGULAR: ['OWNERS_COMMITTEE', 'PROPERTY_MANAGEMENT_COMMITTEE'],
};

/**
 * Every problem of the terms, in a fixed order, plus the fee flags: the shape first, then the provider selection
 * (art. 24 and the city's agreement threshold), the term against the area's other contracts, and the fee schedule
 * against the area's building classes. Reported all at once so a provider fixes a filing in one round.
 */
export function assessContractTerms(
  terms: ContractTermsEntry,
  area: AreaFacts,
  existing: readonly ExistingContract[],
  settings: CitySettings,
  /**
   * The company filing the terms, to which the problems are shown: other providers' contracts are counted, not named,
   * and the PROVIDER party's registration, where given, must be its own.
   */
  shownTo?: string,
): TermsAssessment {
  const problems: TermsProblem[] = [];
  const add = (code: TermsProblemCode, message: string, field?: string, details?: Record<string, unknown>) =>
    problems.push({ code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) });

  for (const field of ['number', 'title'] as const)
    if (blank(terms[field])) add('MISSING_FIELD', `${field} must not be empty`, field);
  if (blank(terms.ownersSide?.name)) add('MISSING_FIELD', "the owners' side must be named", 'ownersSide.name');
  const datesOk = (['signedOn', 'startsOn', 'endsOn'] as const).every((field) => {
    if (isIsoDate(terms[field])) return true;
    add('INVALID_DATE', `${field} must be a YYYY-MM-DD calendar date`, field);
    return false;
  });
  if (datesOk && compareDates(terms.signedOn, terms.startsOn) > 0) {
    // Service under a contract not yet signed would be service without a contract.
    add('SIGNED_AFTER_START', 'the contract must be signed on or before the first day of service', 'signedOn');
  }
  const kindOk = CONTRACT_KINDS.includes(terms.kind);
  if (kindOk && !OWNERS_SIDE_OF_KIND[terms.kind].includes(terms.ownersSide?.kind)) {
    add(
      'OWNERS_SIDE_DOES_NOT_MATCH_KIND',
      `a ${terms.kind.toLowerCase()} contract is signed by ${OWNERS_SIDE_OF_KIND[terms.kind].join(' or ')}`,
      'ownersSide.kind',
    );
  }
  const parties = Array.isArray(terms.parties) ? terms.parties : [];
  parties.forEach((p, i) => {
    if (blank(p.name) || blank(p.signatory))
      add('MISSING_FIELD', 'every party needs a name and a signatory', `parties[${i}]`);
  });
  if (parties.filter((p) => p.role === 'PROVIDER').length !== 1)
    add('PROVIDER_PARTY_REQUIRED', 'name exactly one PROVIDER party', 'parties');
  // The provider is the company filing the contract: its organisation id is its unified social credit code. Before,
  // a company filed a contract naming another company's code, had it accepted, and the certificate (备案证明) printed
  // that code as the provider's 统一社会信用代码, the filing, billing and referrals being the filer's.
  parties.forEach((p, i) => {
    const registration = typeof p.registration === 'string' ? p.registration.trim() : '';
    if (p.role === 'PROVIDER' && shownTo !== undefined && registration !== '' && registration !== shownTo)
      add(
        'PROVIDER_NOT_FILING_COMPANY',
        "the PROVIDER party is the company filing the contract: its registration is that company's own, or left out",
        `parties[${i}].registration`,
      );
  });
  if (terms.ownersSide && !parties.some((p) => p.role === terms.ownersSide.kind)) {
    add('OWNERS_SIDE_PARTY_REQUIRED', `the ${terms.ownersSide.kind} must be a party with its signatory`, 'parties');
  }
  const items = Array.isArray(terms.serviceItems) ? terms.serviceItems : [];
  if (items.length === 0)
    add('SERVICE_SCOPE_REQUIRED', 'list the service scope items and their standards', 'serviceItems');
  items.forEach((s, i) => {
    if (blank(s.item) || blank(s.standard))
      add('MISSING_FIELD', 'every service item needs its standard', `serviceItems[${i}]`);
  });
  const late = terms.lateFee;
  if (late !== null && late !== undefined) {
    const capOk =
      late.capPercentOfPrincipal === null ||
      late.capPercentOfPrincipal === undefined ||
      (wholeAtLeast(late.capPercentOfPrincipal, 0) && late.capPercentOfPrincipal <= 100);
    const [daily, monthly] = [late.dailyRatePerTenThousand ?? null, late.monthlyRatePerTenThousand ?? null];
    const rateOk =
      (daily === null) !== (monthly === null) &&
      wholeAtLeast(daily ?? monthly, 1) &&
      (daily ?? monthly)! <= MAX_LATE_FEE_RATE_PER_TEN_THOUSAND[daily === null ? 'monthly' : 'daily'];
    const clause = late.clauseText;
    const clauseOk = clause === null || clause === undefined || (!blank(clause) && clause.length <= CLAUSE_MAX);
    const graceOk = wholeAtLeast(late.graceDays, 0) && late.graceDays <= MAX_LATE_FEE_GRACE_DAYS;
    if (!rateOk || !graceOk || !capOk || !clauseOk) {
      add(
        'INVALID_LATE_FEE_TERMS',
        `late fees need exactly one whole rate per ten thousand (daily 1–${MAX_LATE_FEE_RATE_PER_TEN_THOUSAND.daily} or monthly 1–${MAX_LATE_FEE_RATE_PER_TEN_THOUSAND.monthly}), whole grace days of 0–${MAX_LATE_FEE_GRACE_DAYS}, a cap of 0–100%, and clause text of at most ${CLAUSE_MAX} characters if any`,
        'lateFee',
      );
    }
  }

  const demandDays = terms.demandPeriodDays;
  if (demandDays != null && (!wholeAtLeast(demandDays, 1) || demandDays > MAX_DEMAND_PERIOD_DAYS)) {
    add(
      'INVALID_DEMAND_PERIOD',
      `the reasonable period after a demand is a whole number of days from 1 to ${MAX_DEMAND_PERIOD_DAYS}, or none`,
      'demandPeriodDays',
    );
  }

  if (kindOk) {
    const selection: ProviderSelection = {
      contractKind: terms.kind,
      method: terms.selectionMethod,
      approvalReference: terms.approvalReference,
      agreementGround: terms.agreementGround,
      totalFloorAreaCentiM2: area.totalFloorAreaCentiM2,
      projectBuildingAreaCentiM2: terms.projectBuildingAreaCentiM2,
    };
    for (const code of selectionProblems(selection, settings)) {
      add(
        code,
        SELECTION_MESSAGES[code](settings),
        'selectionMethod',
        code === 'AREA_OVER_AGREEMENT_THRESHOLD' || code === 'BUILDING_AREA_BELOW_REGISTER'
          ? {
              agreementSelectionMaxFloorAreaCentiM2: settings.agreementSelectionMaxFloorAreaCentiM2,
              projectBuildingAreaCentiM2: terms.projectBuildingAreaCentiM2,
              areaFloorAreaCentiM2: area.totalFloorAreaCentiM2,
              source: settings.sources.agreementSelection,
            }
          : undefined,
      );
    }
  }
  if (kindOk && datesOk) {
    // Codes only: the decision's figures and reasons are the area's, which a company may not read (areaJointDecisions).
    for (const code of hiringDecisionProblems(terms, area.hiringDecision ?? null, area.areaId))
      add(code, HIRING_DECISION_MESSAGES[code], 'hiringDecisionId', { source: HIRING_DECISION_SOURCE });
    const candidate = { kind: terms.kind, startsOn: terms.startsOn, endsOn: terms.endsOn };
    for (const code of contractTermProblems(candidate, existing, settings)) {
      if (code === 'OVERLAPS_REGULAR_CONTRACT' || code === 'OVERLAPS_PRELIMINARY_CONTRACT') {
        const kind = code === 'OVERLAPS_REGULAR_CONTRACT' ? 'regular' : 'preliminary';
        add(
          code,
          `the area already has a ${kind} contract binding for part of this period`,
          'startsOn',
          conflictDetails(overlappingContracts(existing, candidate), shownTo),
        );
      } else if (code === 'PRELIMINARY_DURING_REGULAR_CONTRACT') {
        add(
          code,
          "a preliminary contract cannot begin while the owners' regular contract is in force (Civil Code art. 940)",
          'startsOn',
          conflictDetails(regularContractsInForceAtStart(existing, candidate), shownTo),
        );
      } else if (code === 'PRELIMINARY_TERM_TOO_LONG') {
        add(code, `a preliminary contract runs at most ${settings.preliminaryContractMaxYears} years`, 'endsOn', {
          latestEndsOn: latestPreliminaryEnd(terms.startsOn, settings),
          source: settings.sources.preliminaryContractTerm,
        });
      } else {
        add(
          code,
          code === 'ENDS_BEFORE_START' ? 'the contract ends before it starts' : 'unknown contract kind',
          code === 'ENDS_BEFORE_START' ? 'endsOn' : 'kind',
        );
      }
    }
  } else if (!kindOk) {
    add('UNKNOWN_CONTRACT_KIND', 'unknown contract kind', 'kind');
  }

  const fees = assessFeeSchedule(terms.feeSchedule, area.buildingClasses);
  for (const p of fees.problems) {
    const { code, field, ...rest } = p;
    add(code, FEE_MESSAGES[code], field ? `feeSchedule.${field}` : 'feeSchedule', rest);
  }
  return { problems, feeFlags: fees.flags };
}

/**
 * The conflicting contracts a problem names: to a company (`shownTo`) its own by id, and how many of other providers
 * (before, their ids: a company refused learned its competitor's contract ids, helper-200); to a reviewer every id.
 */
function conflictDetails(conflicting: readonly ExistingContract[], shownTo?: string): Record<string, unknown> {
  const { ids, ...counted } = contractsNamedTo(conflicting, shownTo);
  return { conflictingContractIds: ids, ...counted };
}

/** Throws BAD_USER_INPUT with details.problems when the terms cannot be filed; otherwise returns the fee flags. */
export function validateContractTerms(
  terms: ContractTermsEntry,
  area: AreaFacts,
  existing: readonly ExistingContract[],
  settings: CitySettings,
  shownTo?: string,
): FeeScheduleFlag[] {
  const { problems, feeFlags } = assessContractTerms(terms, area, existing, settings, shownTo);
  if (problems.length > 0) throw new InvalidInputError('The contract cannot be filed as it stands', { problems });
  return feeFlags;
}

const SELECTION_MESSAGES: Record<SelectionProblem, (s: CitySettings) => string> = {
  UNKNOWN_CONTRACT_KIND: () => 'unknown contract kind',
  UNKNOWN_SELECTION_METHOD: () => 'the selection method must be TENDER or AGREEMENT',
  AGREEMENT_NEEDS_APPROVAL: () => "choosing a provider by agreement needs the bureau's approval reference",
  AREA_OVER_AGREEMENT_THRESHOLD: (s) =>
    `choosing by agreement as a small project is open only to projects of at most ${(s.agreementSelectionMaxFloorAreaCentiM2 ?? 0) / 100} m² of building area (after a tender of fewer than three bidders, agreementGround: FEWER_THAN_THREE_BIDDERS)`,
  AREA_UNKNOWN_FOR_AGREEMENT: (s) =>
    `choosing by agreement is open only to projects of at most ${(s.agreementSelectionMaxFloorAreaCentiM2 ?? 0) / 100} m² of building area: state the project's total building area (projectBuildingAreaCentiM2, 总建筑面积 as its planning permit gives it)`,
  BUILDING_AREA_BELOW_REGISTER: () =>
    "the project's stated building area is less than its registered flats' floor area, which it holds",
};

const HIRING_DECISION_MESSAGES: Record<HiringDecisionProblem, string> = {
  HIRING_DECISION_FOR_PRELIMINARY_CONTRACT:
    "a preliminary contract's provider is chosen by the developer, not by an owners' joint decision: name none",
  HIRING_DECISION_NOT_RECORDED:
    "no owners' joint decision of the contract's area has this id (one just recorded may take a moment to reach filings)",
  HIRING_DECISION_INVALID: "the owners' joint decision did not pass",
  NOT_A_HIRING_DECISION: "the owners' joint decision is not on hiring or dismissing the provider",
  HIRING_DECISION_AFTER_SIGNING: "the owners' joint decision was taken after the contract was signed",
};

const FEE_MESSAGES: Record<FeeScheduleProblem['code'], string> = {
  UNKNOWN_BUILDING_CLASS: 'unknown building class',
  DUPLICATE_BUILDING_CLASS: 'a building class is listed twice',
  BUILDING_CLASS_NOT_COVERED: 'the area has buildings of a class the schedule has no fee for',
  INVALID_RATE: 'rates must be whole fen per m² per month, 0 or more',
  INVALID_SUBSIDY: 'a subsidy needs a payer, a start month and 1–1200 months',
  OWNER_RATE_ABOVE_ASSESSED: 'owners cannot be charged more than the assessed rate',
  RATES_DO_NOT_ADD_UP: 'owner rate plus the subsidies running must equal the assessed rate',
};

/**
 * Terminated contracts occupy the days up to their termination; see BINDING_STATUSES. A contract continuing after its
 * term (Civil Code art. 948) carries the continuation's first day, and its termination past the term as the
 * continuation's last (contractsServingOn reads them); one terminated within its term or superseded continues nothing.
 */
export function asExistingContract(c: {
  id: string;
  companyId?: string;
  status: ExistingContract['status'];
  kind: ContractKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  terminatedOn?: IsoDate | null;
  continuedFrom?: IsoDate | null;
}): ExistingContract {
  const continues = c.continuedFrom != null && (c.status === 'ACCEPTED' || c.status === 'TERMINATED');
  if (c.status === 'TERMINATED' && c.terminatedOn && compareDates(c.terminatedOn, c.startsOn) >= 0) {
    const pastTerm = compareDates(c.terminatedOn, c.endsOn) > 0;
    return {
      id: c.id,
      companyId: c.companyId,
      kind: c.kind,
      startsOn: c.startsOn,
      endsOn: pastTerm ? c.endsOn : c.terminatedOn,
      status: 'ACCEPTED',
      ...(continues && pastTerm ? { continuedFrom: c.continuedFrom, continuedTo: c.terminatedOn } : {}),
    };
  }
  return {
    id: c.id,
    companyId: c.companyId,
    kind: c.kind,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    status: c.status,
    ...(continues && c.status === 'ACCEPTED' ? { continuedFrom: c.continuedFrom, continuedTo: null } : {}),
  };
}

/** Lists longer than the terms' bounds (MAX_SERVICE_ITEMS and the rest, in the catalog beside the published shape). */
function listProblems(terms: ContractTermsEntry): Record<string, string> {
  const fields: Record<string, string> = {};
  const over = (list: readonly unknown[] | null | undefined, max: number, path: string) => {
    if ((list?.length ?? 0) > max) fields[path] = `at most ${max}, not ${list!.length}`;
  };
  over(terms.serviceItems, MAX_SERVICE_ITEMS, 'serviceItems');
  over(terms.parties, MAX_CONTRACT_PARTIES, 'parties');
  if (terms.hiringDecisionId != null && !isUuid(terms.hiringDecisionId))
    fields.hiringDecisionId = "the id of the owners' joint decision (a UUID), or none";
  if (terms.agreementGround != null && (terms.selectionMethod !== 'AGREEMENT' || terms.kind !== 'PRELIMINARY'))
    fields.agreementGround =
      "only for a preliminary contract's provider chosen by agreement (selectionMethod AGREEMENT), or none";
  const built = terms.projectBuildingAreaCentiM2;
  if (built != null && (!wholeAtLeast(built, 1) || built > MAX_PROJECT_BUILDING_AREA_CENTI_M2))
    fields.projectBuildingAreaCentiM2 = `whole hundredths of m², 1 to ${MAX_PROJECT_BUILDING_AREA_CENTI_M2}, or none`;
  const classes = terms.feeSchedule?.classes;
  over(classes, BUILDING_CLASSES.length, 'feeSchedule.classes');
  if ((classes?.length ?? 0) <= BUILDING_CLASSES.length)
    classes?.forEach((c, i) => over(c.subsidies, MAX_SUBSIDIES_PER_CLASS, `feeSchedule.classes[${i}].subsidies`));
  return fields;
}

const trimmed = (value: string | null | undefined): string => (typeof value === 'string' ? value.trim() : '');
const orNull = (value: string | null | undefined): string | null => trimmed(value) || null;

/**
 * The terms as stored: text trimmed, absent optional parts as explicit nulls, so two submissions of the same terms
 * digest the same. A draft may still have problems (they are reported when it is filed), but its kind and dates must
 * be real, because the contract is listed and ordered by them.
 */
export function normaliseTerms(terms: ContractTermsEntry): ContractTerms {
  const fields: Record<string, string> = {};
  if (!CONTRACT_KINDS.includes(terms.kind)) fields.kind = `kind must be one of ${CONTRACT_KINDS.join(', ')}`;
  for (const field of ['signedOn', 'startsOn', 'endsOn'] as const)
    if (!isIsoDate(terms[field])) fields[field] = 'must be a YYYY-MM-DD calendar date';
  Object.assign(fields, listProblems(terms));
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The contract terms are invalid', { fields });
  return {
    kind: terms.kind,
    number: trimmed(terms.number),
    title: trimmed(terms.title),
    ownersSide: { kind: terms.ownersSide.kind, name: trimmed(terms.ownersSide.name) },
    selectionMethod: terms.selectionMethod,
    approvalReference: orNull(terms.approvalReference),
    // Left out when not stated (a small project), so terms without it digest and publish exactly as before it existed.
    ...(terms.agreementGround == null ? {} : { agreementGround: terms.agreementGround }),
    // Left out when not named, so terms without it digest and publish exactly as before it existed.
    ...(terms.hiringDecisionId == null ? {} : { hiringDecisionId: terms.hiringDecisionId.toLowerCase() }),
    // Left out when not stated, so terms without it digest and publish exactly as before it existed.
    ...(terms.projectBuildingAreaCentiM2 == null
      ? {}
      : { projectBuildingAreaCentiM2: terms.projectBuildingAreaCentiM2 }),
    signedOn: terms.signedOn,
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    serviceItems: (terms.serviceItems ?? []).map((s) => ({ item: trimmed(s.item), standard: trimmed(s.standard) })),
    feeSchedule: {
      classes: (terms.feeSchedule?.classes ?? []).map((c) => ({
        buildingClass: c.buildingClass,
        assessedRateFenPerM2Month: c.assessedRateFenPerM2Month,
        ownerRateFenPerM2Month: c.ownerRateFenPerM2Month,
        subsidies: (c.subsidies ?? []).map((s) => ({
          payer: trimmed(s.payer),
          rateFenPerM2Month: s.rateFenPerM2Month,
          startMonth: s.startMonth,
          months: s.months,
        })),
      })),
    },
    lateFee: terms.lateFee ? publishedLateFee(terms.lateFee) : null,
    // Left out when not stated, so terms without it digest and publish exactly as before it existed.
    ...(terms.demandPeriodDays == null ? {} : { demandPeriodDays: terms.demandPeriodDays }),
    parties: (terms.parties ?? []).map((p) => ({
      role: p.role,
      name: trimmed(p.name),
      registration: orNull(p.registration),
      signatory: trimmed(p.signatory),
    })),
  };
}
