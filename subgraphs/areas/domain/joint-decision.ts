import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { JOINT_DECISION_MATTERS, type JointDecisionTallySource } from '../../../catalog';
import { percentHalfUp } from '../../../kernel/percent';
import { InvalidInputError } from '../../../kernel/errors';
import { CentiSquareMetres, formatSquareMetres } from './floor-area';
import { areasError } from './errors';
import { isPlaceholderOwnerReference } from './compound';
import { ownerKey } from '../../../kernel/owner-key';
import {
  Fraction,
  JOINT_DECISION_PARTICIPATION,
  JointDecisionMatter,
  ORDINARY_MATTER_CONSENT,
  SPECIAL_MATTER_CONSENT,
  SPECIAL_MATTERS,
  Threshold,
  meetsThreshold,
} from './statutes';

/**
 * Owners' joint decisions (业主共同决定), Civil Code art. 278. A decision needs two tests passed on both headcount
 * and exclusive-part area: enough owners took part, and enough of those who took part consented. Counts and areas
 * are integers (areas in hundredths of m²) and every comparison is a cross-multiplication, because a vote that
 * lands exactly on a statutory line must not flip on a rounding error.
 */

/** Aggregate figures as a committee reports them; areas are exclusive-part areas from the property register. */
export interface DecisionTally {
  totalOwners: number;
  totalAreaCentiM2: CentiSquareMetres;
  participatingOwners: number;
  participatingAreaCentiM2: CentiSquareMetres;
  consentingOwners: number;
  consentingAreaCentiM2: CentiSquareMetres;
}

/** 同意 / 反对 / 弃权 / 未参与表决. Abstaining owners took part, so they count toward participation, not consent. */
export type BallotVote = 'CONSENT' | 'OPPOSE' | 'ABSTAIN' | 'NOT_VOTED';
const BALLOT_VOTES: readonly BallotVote[] = ['CONSENT', 'OPPOSE', 'ABSTAIN', 'NOT_VOTED'];

export interface HouseholdBallot {
  areaCentiM2: CentiSquareMetres;
  vote: BallotVote;
}

export type JointDecisionReason =
  | 'PARTICIPATION_AREA_BELOW_TWO_THIRDS'
  | 'PARTICIPATION_OWNERS_BELOW_TWO_THIRDS'
  | 'CONSENT_AREA_BELOW_THREE_QUARTERS'
  | 'CONSENT_OWNERS_BELOW_THREE_QUARTERS'
  | 'CONSENT_AREA_NOT_MAJORITY'
  | 'CONSENT_OWNERS_NOT_MAJORITY';

/** An exact ratio, with a percentage rounded half-up to two decimals for display only ("77.84%"). */
export interface RatioView extends Fraction {
  display: string;
}

export interface JointDecisionOutcome {
  matter: JointDecisionMatter;
  valid: boolean;
  /** One stable code per failed condition, in a fixed order; empty when the decision is valid. */
  reasons: JointDecisionReason[];
  ratios: {
    participationOwners: RatioView;
    participationArea: RatioView;
    /** Of the participating owners; null when nobody took part. */
    consentOwners: RatioView | null;
    /** Of the participating area; null when nobody took part. */
    consentArea: RatioView | null;
  };
  thresholds: { participation: Threshold; consent: Threshold };
}

/**
 * One ballot per owner, each with the area of all the owner's exclusive parts: tallyAreaBallots merges the parts of
 * one owner (法释〔2009〕7号 art. 9) before tallying here; this function cannot tell who owns what.
 */
export function tallyBallots(households: readonly HouseholdBallot[]): DecisionTally {
  const problems: Record<string, string> = {};
  households.forEach((h, i) => {
    if (!Number.isSafeInteger(h.areaCentiM2) || h.areaCentiM2 <= 0) {
      problems[`households[${i}].areaCentiM2`] = 'area must be a positive whole number of hundredths of m²';
    }
    if (!BALLOT_VOTES.includes(h.vote))
      problems[`households[${i}].vote`] = `vote must be one of ${BALLOT_VOTES.join(', ')}`;
  });
  if (households.length === 0) problems.households = 'at least one household is needed';
  if (Object.keys(problems).length > 0) throw new InvalidInputError('The ballots are invalid', { fields: problems });

  const tally: DecisionTally = {
    totalOwners: 0,
    totalAreaCentiM2: 0,
    participatingOwners: 0,
    participatingAreaCentiM2: 0,
    consentingOwners: 0,
    consentingAreaCentiM2: 0,
  };
  for (const h of households) {
    tally.totalOwners += 1;
    tally.totalAreaCentiM2 += h.areaCentiM2;
    if (h.vote === 'NOT_VOTED') continue;
    tally.participatingOwners += 1;
    tally.participatingAreaCentiM2 += h.areaCentiM2;
    if (h.vote !== 'CONSENT') continue;
    tally.consentingOwners += 1;
    tally.consentingAreaCentiM2 += h.areaCentiM2;
  }
  validateTally(tally);
  return tally;
}

/** A household's ballot as cast: one vote per household, households that did not vote are not named. */
export interface CastBallot {
  householdId: string;
  vote: BallotVote;
}

/** An exclusive part (专有部分) of the area as the register holds it: its registered area and its owner. */
export interface RegisteredUnit {
  id: string;
  /** The area on the property register (不动产登记簿), or as measured where none is registered (法释〔2009〕7号 art. 8). */
  floorAreaCentiM2: CentiSquareMetres;
  /** The register's owner reference: the developer's unsold and undelivered units carry the developer's reference. */
  ownerReference: string;
  /** The day its owner became the owner, where the register recorded a change of owner (null: registered with it). */
  ownerSince?: IsoDate | null;
  /** The day its building joined the area, where it was added to an area delimited before (null: as delimited). */
  joinedAreaOn?: IsoDate | null;
}

/**
 * The area's units on the meeting day: a building added to the area after the meeting (`joinedAreaOn` after
 * `heldOn`) was not of the area then, so its owners neither took part nor count among the area's owners (Civil Code
 * art. 278 counts the area's owners). Counted against today's area, a meeting held before a building joined had its
 * own correct tally refused and its ballots counted against owners who could not vote (a helper's audit). A ballot
 * naming a household of such a building is refused (HOUSEHOLD_JOINED_AREA_AFTER_MEETING, the households named).
 */
export function unitsOnMeetingDay(
  units: readonly RegisteredUnit[],
  heldOn: IsoDate,
  ballots?: readonly { householdId: string }[] | null,
): RegisteredUnit[] {
  const joinedLater = new Set(
    units.filter((u) => u.joinedAreaOn != null && compareDates(u.joinedAreaOn, heldOn) > 0).map((u) => u.id),
  );
  const named = (ballots ?? []).map((b) => b.householdId).filter((id) => joinedLater.has(id));
  if (named.length > 0)
    throw new InvalidInputError(
      `Ballots name households of buildings that joined the area after the meeting of ${heldOn}`,
      {
        problems: ['HOUSEHOLD_JOINED_AREA_AFTER_MEETING'],
        households: [...new Set(named)].slice(0, 20),
      },
    );
  return units.filter((u) => !joinedLater.has(u.id));
}

/**
 * How many of the units changed owner after the meeting (`ownerSince` after `heldOn`): the register keeps only the
 * current owner, so for these it no longer says who voted on the meeting day. Art. 278 counts the owners who took
 * part in the vote, one owner of several units as one (法释〔2009〕7号 art. 9): counted against today's register, a
 * flat sold since moved both the headcount and the verdict (a helper's audit: a failed vote recorded as passed, the
 * meeting's own correct tally refused).
 */
export const changedSinceMeeting = (units: readonly RegisteredUnit[], heldOn: IsoDate): number =>
  units.filter((u) => u.ownerSince != null && compareDates(u.ownerSince, heldOn) > 0).length;

/** Ballots name households, whose owners on the meeting day the register must still hold: REGISTER_CHANGED_SINCE_MEETING. */
export function checkBallotsCountable(changedHouseholds: number, heldOn: IsoDate): void {
  if (changedHouseholds === 0) return;
  throw areasError(
    'REGISTER_CHANGED_SINCE_MEETING',
    `${changedHouseholds} household(s) of the area changed owner after the meeting of ${heldOn}: record the meeting's tally`,
    { changedHouseholds, heldOn },
  );
}

/** One owner as the Supreme People's Court counts owners: their units and the sum of their areas. */
export interface CountedOwner {
  ownerReference: string;
  unitIds: string[];
  areaCentiM2: CentiSquareMetres;
}

/**
 * The owners of an area under 法释〔2009〕7号 (最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释,
 * amended 2020) arts. 8–9: each owner's area is the registered area of their exclusive parts (art. 8); owners are
 * counted by exclusive parts, except that one owner of several parts counts as one, and the developer's unsold
 * parts and those sold but not yet delivered count as one (art. 9). The register's owner reference is what ties parts
 * to an owner, so parts sharing a reference (compared in NFKC form) are one owner; the developer's parts carry the
 * developer's reference. Two references of one person (two certificate numbers) still count as two: nothing ties them.
 */
export function countOwners(units: readonly RegisteredUnit[]): CountedOwner[] {
  const owners = new Map<string, CountedOwner>();
  for (const unit of units) {
    // One reference however it was typed: full-width Ａ-1 is A-1 (NFKC), or one owner counted as two (a helper's audit).
    const key = ownerKey(unit.ownerReference);
    const owner = owners.get(key) ?? { ownerReference: unit.ownerReference, unitIds: [], areaCentiM2: 0 };
    owner.unitIds.push(unit.id);
    owner.areaCentiM2 += unit.floorAreaCentiM2;
    owners.set(key, owner);
  }
  return [...owners.values()];
}

/**
 * Ballots counted against the register (Civil Code art. 278 with 法释〔2009〕7号 arts. 8–9): each ballot names a
 * household, the register says whose it is, and each owner is one voter with the area of all their units. An owner
 * who cast no ballot did not vote; ballots for several units of one owner must agree (one owner, one vote), or the
 * ballots are refused naming the owners. A household voting twice, or one outside the area, makes the ballots invalid.
 */
export function tallyAreaBallots(units: readonly RegisteredUnit[], ballots: readonly CastBallot[]): DecisionTally {
  const votes = new Map<string, BallotVote>();
  for (const b of ballots) {
    if (votes.has(b.householdId))
      throw new InvalidInputError('A household voted twice', { householdId: b.householdId });
    votes.set(b.householdId, b.vote);
  }
  const known = new Set(units.map((h) => h.id));
  const strangers = [...votes.keys()].filter((id) => !known.has(id));
  if (strangers.length > 0)
    throw new InvalidInputError('Ballots name households outside the area', { households: strangers.slice(0, 20) });
  const conflicting: string[] = [];
  const ownerBallots = countOwners(units).map((owner) => {
    const cast = new Set(owner.unitIds.map((id) => votes.get(id)).filter((v): v is BallotVote => v !== undefined));
    if (cast.size > 1) conflicting.push(...owner.unitIds.filter((id) => votes.has(id)));
    const [vote] = [...cast];
    return { areaCentiM2: owner.areaCentiM2, vote: vote ?? 'NOT_VOTED' };
  });
  if (conflicting.length > 0) {
    throw new InvalidInputError(
      'An owner of several units cast different votes: one owner has one vote (法释〔2009〕7号 art. 9)',
      {
        problems: ['OWNER_VOTED_DIFFERENTLY'],
        // the ballots' own households, not the register's owner references: an owners' committee records decisions
        // but reads no household of the register (an authorization audit of 2026-12-04)
        households: conflicting.slice(0, 20),
      },
    );
  }
  return tallyBallots(ownerBallots);
}

/** What the register holds for an area: its owners counted as countOwners does, and their exclusive-part area. */
export interface RegisterTotals {
  owners: number;
  areaCentiM2: CentiSquareMetres;
}

export type TallySource = JointDecisionTallySource;

/** The register's totals for an area's units (countOwners), or null when it holds none of them. */
export function registerTotals(units: readonly RegisteredUnit[]): RegisterTotals | null {
  if (units.length === 0) return null;
  return {
    owners: countOwners(units).length,
    areaCentiM2: units.reduce((sum, u) => sum + u.floorAreaCentiM2, 0),
  };
}

/**
 * A reported tally's totals are the whole of what art. 278's shares are taken of: all the area's owners and all their
 * exclusive-part area, as the register holds them (法释〔2009〕7号 arts. 8–9). Where the register holds the area's
 * households the totals must be the register's, or a meeting could carry a matter by reporting fewer owners or less
 * area than the area has; a register that is incomplete is completed first. BAD_USER_INPUT names the register's
 * figures (aggregates of the caller's own area, no household).
 */
export function checkTallyTotals(
  tally: DecisionTally,
  register: RegisterTotals | null,
  changedSinceMeeting = 0,
): TallySource {
  if (!register) return 'REPORTED_TALLY_UNCHECKED';
  const fields: Record<string, string> = {};
  // A unit that changed owner since the meeting moves the count of owners by one at most (its owner then may own no
  // other unit now, its owner now may have owned none then), and no area: REPORTED_TALLY_BOUNDED.
  const [fewest, most] = [register.owners - changedSinceMeeting, register.owners + changedSinceMeeting];
  if (changedSinceMeeting === 0 && tally.totalOwners !== register.owners)
    fields.totalOwners = `the register counts ${register.owners} owners`;
  else if (tally.totalOwners < fewest || tally.totalOwners > most)
    fields.totalOwners = `the register counts ${register.owners} owners, ${changedSinceMeeting} household(s) changed owner since the meeting: ${fewest} to ${most}`;
  if (tally.totalAreaCentiM2 !== register.areaCentiM2)
    fields.totalArea = `the register holds ${formatSquareMetres(register.areaCentiM2)} m²`;
  if (Object.keys(fields).length > 0) {
    throw new InvalidInputError("The tally's totals are not the area's owners and area on the register", {
      problems: ['TOTALS_DIFFER_FROM_REGISTER'],
      fields,
      register: { owners: register.owners, area: formatSquareMetres(register.areaCentiM2) },
    });
  }
  return changedSinceMeeting === 0 ? 'REPORTED_TALLY_CHECKED' : 'REPORTED_TALLY_BOUNDED';
}

/** The most households a street office may declare for one area (an input bound, not a statute's). */
export const MAX_DECLARED_HOUSEHOLDS = 1_000_000;

/**
 * A joint decision's shares are taken of all the area's owners and their area (Civil Code art. 278), which the
 * register holds only once every household of the area is in it; a register imported building by building is
 * partial for a while, and a vote counted against it passed on a fraction of the owners (135 of 180 registered is
 * 75% participation, of the 1,080 homes 12.5%). Where the street office declared the area's households, a register
 * holding some but fewer is REGISTER_INCOMPLETE; with none declared, the register is taken as it is, and one holding
 * none counts nothing (a meeting's tally is then taken as reported, REPORTED_TALLY_UNCHECKED).
 */
export function checkRegisterComplete(registeredHouseholds: number, declaredHouseholds: number | null): void {
  if (declaredHouseholds === null || registeredHouseholds === 0 || registeredHouseholds >= declaredHouseholds) return;
  throw areasError(
    'REGISTER_INCOMPLETE',
    `The register holds ${registeredHouseholds} of the ${declaredHouseholds} households declared for the area`,
    { registered: registeredHouseholds, declared: declaredHouseholds },
  );
}

/**
 * Owners are counted by their reference (法释〔2009〕7号 art. 9), so a register holding units under a placeholder
 * (未知, "-", registered before such references were refused) would count their owners as one: OWNER_REFERENCES_UNRESOLVED
 * with how many units, until the street office gives each its reference (updateHousehold).
 */
export function checkOwnerReferencesResolved(units: readonly { ownerReference: string }[]): void {
  const unresolved = units.filter((u) => isPlaceholderOwnerReference(u.ownerReference)).length;
  if (unresolved > 0)
    throw areasError(
      'OWNER_REFERENCES_UNRESOLVED',
      `${unresolved} households of the area are registered under a placeholder owner reference: their owners would count as one`,
      { households: unresolved },
    );
}

/** A decision is reported with exactly one basis: the meeting's tally, or at least one household ballot. */
export function checkDecisionBasis(input: { tally?: unknown; ballots?: readonly unknown[] }): void {
  if ((input.tally === undefined) === (input.ballots === undefined))
    throw new InvalidInputError('Give either an aggregate tally or household ballots, not both or neither', {
      fields: { tally: 'exactly one of tally and ballots', ballots: 'exactly one of tally and ballots' },
    });
  if (input.ballots?.length === 0)
    throw new InvalidInputError('Ballots must name at least one household', {
      fields: { ballots: 'at least one ballot' },
    });
}

/** A decision is recorded once its meeting has been held: heldOn is a date, not after today (China time). */
export function checkMeetingDay(heldOn: string, today: IsoDate): void {
  if (!isIsoDate(heldOn))
    throw new InvalidInputError('heldOn must be YYYY-MM-DD', { fields: { heldOn: 'not a date' } });
  if (compareDates(heldOn, today) > 0)
    throw new InvalidInputError('A decision is recorded after its meeting', {
      fields: { heldOn: `after today (${today})` },
    });
}

const TALLY_FIELDS: readonly (keyof DecisionTally)[] = [
  'totalOwners',
  'totalAreaCentiM2',
  'participatingOwners',
  'participatingAreaCentiM2',
  'consentingOwners',
  'consentingAreaCentiM2',
];

/** Whether two tallies have the same six figures (the same meeting reported twice, or two different counts of it). */
export const sameTally = (a: DecisionTally, b: DecisionTally): boolean => TALLY_FIELDS.every((f) => a[f] === b[f]);

/**
 * A meeting decides one matter once per agenda item (议题): the area, the day, the matter and the item name the
 * decision. The same decision reported again (a retry without a key, a second clerk, the committee after the street
 * office) with the same figures is the first record; with other figures it is refused, JOINT_DECISION_ALREADY_RECORDED,
 * since two counts of one vote cannot both stand. Two items of one matter on one day are told apart by agendaItem.
 */
export function checkSameDecision(recorded: { id: string } & DecisionTally, tally: DecisionTally): string {
  if (sameTally(recorded, tally)) return recorded.id;
  throw areasError(
    'JOINT_DECISION_ALREADY_RECORDED',
    'This meeting’s decision on the matter is already recorded with other figures: a second count of the same vote is refused (name the agenda item when the meeting decided the matter more than once)',
    { decisionId: recorded.id },
  );
}

/** The agenda item as given, trimmed; null when none is given. Blank is refused. */
export function agendaItemOf(item: string | null | undefined): string | null {
  if (item === undefined || item === null) return null;
  // Kept as typed (a Chinese colon stays one); only the spaces around it go.
  const trimmed = item.trim();
  if (!trimmed) throw new InvalidInputError('agendaItem must not be blank', { fields: { agendaItem: 'blank' } });
  return trimmed;
}

/** Checks a reported tally; every problem is reported at once, by field. */
export function validateTally(tally: DecisionTally): DecisionTally {
  const problems: Record<string, string> = {};
  for (const field of TALLY_FIELDS) {
    const value = tally[field];
    if (!Number.isSafeInteger(value) || value < 0) problems[field] = `${field} must be a whole number, 0 or more`;
  }
  const ok = (field: keyof DecisionTally) => !(field in problems);
  if (ok('totalOwners') && tally.totalOwners === 0) problems.totalOwners = 'totalOwners must be more than 0';
  if (ok('totalAreaCentiM2') && tally.totalAreaCentiM2 === 0)
    problems.totalAreaCentiM2 = 'totalAreaCentiM2 must be more than 0';
  const notAbove = (part: keyof DecisionTally, whole: keyof DecisionTally) => {
    if (ok(part) && ok(whole) && tally[part] > tally[whole]) problems[part] = `${part} must not exceed ${whole}`;
  };
  notAbove('participatingOwners', 'totalOwners');
  notAbove('participatingAreaCentiM2', 'totalAreaCentiM2');
  notAbove('consentingOwners', 'participatingOwners');
  notAbove('consentingAreaCentiM2', 'participatingAreaCentiM2');
  // Every exclusive part has a positive area, so owners and their area are zero together or positive together.
  const together = (owners: keyof DecisionTally, area: keyof DecisionTally) => {
    if (ok(owners) && ok(area) && (tally[owners] === 0) !== (tally[area] === 0)) {
      problems[area] = `${area} must be 0 exactly when ${owners} is 0`;
    }
  };
  together('participatingOwners', 'participatingAreaCentiM2');
  together('consentingOwners', 'consentingAreaCentiM2');
  if (Object.keys(problems).length > 0)
    throw new InvalidInputError('The decision tally is invalid', { fields: problems });
  return tally;
}

export function isSpecialMatter(matter: JointDecisionMatter): boolean {
  return SPECIAL_MATTERS.has(matter);
}

export function consentThreshold(matter: JointDecisionMatter): Threshold {
  return isSpecialMatter(matter) ? SPECIAL_MATTER_CONSENT : ORDINARY_MATTER_CONSENT;
}

const MATTERS = new Set<string>(JOINT_DECISION_MATTERS);

/** Decides whether a tally carries the matter under Civil Code art. 278 para. 2; every failed condition is listed. */
export function decideJointDecision(matter: JointDecisionMatter, tally: DecisionTally): JointDecisionOutcome {
  if (!MATTERS.has(matter)) {
    throw new InvalidInputError('The matter is not one of Civil Code art. 278', {
      fields: { matter: `unknown matter ${String(matter)}` },
    });
  }
  validateTally(tally);
  const participation = JOINT_DECISION_PARTICIPATION;
  const consent = consentThreshold(matter);
  const special = isSpecialMatter(matter);
  const reasons: JointDecisionReason[] = [];

  if (!meetsThreshold(tally.participatingAreaCentiM2, tally.totalAreaCentiM2, participation)) {
    reasons.push('PARTICIPATION_AREA_BELOW_TWO_THIRDS');
  }
  if (!meetsThreshold(tally.participatingOwners, tally.totalOwners, participation)) {
    reasons.push('PARTICIPATION_OWNERS_BELOW_TWO_THIRDS');
  }
  // With nobody taking part nobody consented: 0 of 0 would pass "at least 3/4" arithmetically, but not in law.
  const anyone = tally.participatingOwners > 0;
  if (!anyone || !meetsThreshold(tally.consentingAreaCentiM2, tally.participatingAreaCentiM2, consent)) {
    reasons.push(special ? 'CONSENT_AREA_BELOW_THREE_QUARTERS' : 'CONSENT_AREA_NOT_MAJORITY');
  }
  if (!anyone || !meetsThreshold(tally.consentingOwners, tally.participatingOwners, consent)) {
    reasons.push(special ? 'CONSENT_OWNERS_BELOW_THREE_QUARTERS' : 'CONSENT_OWNERS_NOT_MAJORITY');
  }

  return {
    matter,
    valid: reasons.length === 0,
    reasons,
    ratios: {
      participationOwners: ratio(tally.participatingOwners, tally.totalOwners),
      participationArea: ratio(tally.participatingAreaCentiM2, tally.totalAreaCentiM2),
      consentOwners: anyone ? ratio(tally.consentingOwners, tally.participatingOwners) : null,
      consentArea: anyone ? ratio(tally.consentingAreaCentiM2, tally.participatingAreaCentiM2) : null,
    },
    thresholds: { participation, consent },
  };
}

/** numerator/denominator as a percentage with two decimals, rounded half-up in integers: 5770/7784 → "74.13%". */
export function formatPercent(numerator: number, denominator: number): string {
  return `${percentHalfUp(numerator, denominator, 2)}%`;
}

const ratio = (numerator: number, denominator: number): RatioView => ({
  numerator,
  denominator,
  display: formatPercent(numerator, denominator),
});
