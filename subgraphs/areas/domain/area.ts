import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { InvalidInputError } from '../../../kernel/errors';
import { assertMayManageStreet, mayReadStreet } from './access';

/**
 * A property-management area (物业管理区域): one compound, or adjacent stand-alone buildings grouped into one
 * area. Contracts and governance bodies attach to it. It lies in one street (街道) of one district (区).
 */
export interface AreaRegistration {
  name: string;
  districtCode: string;
  streetCode: string;
}

const DISTRICT_CODE = /^[0-9]{6}$/;
const STREET_CODE = /^[0-9]{9}$/;

/** Checks and normalises a registration; every problem is reported at once, by field. */
export function validateAreaRegistration(input: AreaRegistration): AreaRegistration {
  const name = input.name.trim();
  const problems: Record<string, string> = {};
  if (name.length === 0 || name.length > 200) problems.name = 'name must have 1 to 200 characters';
  if (!DISTRICT_CODE.test(input.districtCode))
    problems.districtCode = 'district code must be the 6-digit GB/T 2260 code';
  if (!STREET_CODE.test(input.streetCode)) problems.streetCode = 'street code must be 9 digits';
  else if (!input.streetCode.startsWith(input.districtCode))
    problems.streetCode = 'street code must lie in the district';
  if (Object.keys(problems).length > 0)
    throw new InvalidInputError('The area registration is invalid', { fields: problems });
  return { name, districtCode: input.districtCode, streetCode: input.streetCode };
}

export const assertMayRegisterArea = (identity: Identity, streetCode: string) =>
  assertMayManageStreet(identity, streetCode, 'register areas in it');

export const mayReadArea = (identity: Identity, area: { streetCode: string }) =>
  mayReadStreet(identity, area.streetCode);

/** What the street office states of the day buildings joined an area: a day, or that they are of it as delimited. */
export interface JoiningStated {
  joinedOn?: string | null;
  asDelimited?: boolean | null;
}

/**
 * The day buildings assigned to an area today joined it, kept with each building for the joint decisions of earlier
 * meetings (domain/joint-decision.ts unitsOnMeetingDay): what the street office states, a day not after today
 * (`joinedOn`, an enlargement entered after the fact) or that they are part of the area as delimited (`asDelimited`,
 * an area entered over several days, or delimited before the day was kept: null); otherwise null while the area is
 * being delimited (the day its first buildings were assigned, `delimitedOn`, is today), so assignments in several
 * calls that day are all the area as delimited, and today on a later day. An area delimited before the day was kept
 * (`delimitedOn` null while it has buildings) takes every building assigned from then on as joining on its day,
 * unless stated otherwise.
 */
export function joinedAreaOn(delimitedOn: IsoDate | null, today: IsoDate, stated: JoiningStated = {}): IsoDate | null {
  const { joinedOn, asDelimited } = stated;
  if (asDelimited === true) {
    if (joinedOn != null)
      throw new InvalidInputError('State the day the buildings joined, or that they are of the area as delimited', {
        fields: { joinedOn: 'not with asDelimited' },
      });
    return null;
  }
  if (joinedOn != null) {
    if (!isIsoDate(joinedOn))
      throw new InvalidInputError('joinedOn must be YYYY-MM-DD', { fields: { joinedOn: 'not a date' } });
    if (compareDates(joinedOn, today) > 0)
      throw new InvalidInputError('Buildings join an area on or before the day it is recorded', {
        fields: { joinedOn: `after today (${today})` },
      });
    return joinedOn;
  }
  return delimitedOn === today ? null : today;
}

/** Whether the street office stated the day (or that the buildings are of the area as delimited). */
export const joiningStated = (stated: JoiningStated): boolean => stated.asDelimited === true || stated.joinedOn != null;

/**
 * The meetings whose count a restatement would change: a building's day stated now (or its joining, for one not yet
 * of the area) moves it in or out of the area on the day of a decision already recorded, whose verdict and tally
 * stand as published. Refused rather than leave a recorded decision counted against an area it no longer matches
 * (a review: a building switched in by a restatement, a decision recorded, and switched back, left no trace).
 * `current` is the building's day where it is of the area already (`undefined`: not of it).
 */
export function meetingsMovedByRestatement(
  buildings: readonly { current: IsoDate | null | undefined }[],
  joined: IsoDate | null,
  meetingDays: readonly IsoDate[],
): IsoDate[] {
  const member = (day: IsoDate | null | undefined, on: IsoDate) =>
    day !== undefined && (day === null || compareDates(day, on) <= 0);
  return [...new Set(meetingDays)].filter((on) => buildings.some((b) => member(b.current, on) !== member(joined, on)));
}
