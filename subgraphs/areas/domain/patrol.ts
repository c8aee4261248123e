import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError } from '../../../kernel/errors';
import { HAZARD_KINDS, HazardKind, PATROLLER_KINDS, PatrollerKind } from '../../../catalog';

/**
 * Patrols and hazards (seed 004 §五(四)(五)): the street office organises the residents' committees and the providers
 * to patrol the areas regularly (定期巡查), and on finding a danger or hazard sets up a cordon or warning signs
 * (设置警戒线、警示标语) and contacts the units and persons responsible (联系相关单位及相关责任人进行处置). The street
 * office records each patrol and what it found; a hazard stays open until it is recorded resolved. The seed fixes no
 * time to resolve one: the street office gives a date (`resolveBy`) when it sets one, and a hazard still open after
 * it is overdue.
 */
export { HAZARD_KINDS, PATROLLER_KINDS };
export type { HazardKind, PatrollerKind };

/** Input bounds, not statutes. */
export const MAX_HAZARDS_PER_PATROL = 50;

export interface HazardFound {
  kind: HazardKind;
  location: string;
  description: string | null;
  warningSetUp: boolean;
  partyNotified: string | null;
  notifiedOn: IsoDate | null;
  resolveBy: IsoDate | null;
}

export interface PatrolInput {
  patrolledOn: IsoDate;
  patrolledBy: string;
  patrollerKind: PatrollerKind;
  note: string | null;
  hazards: HazardFound[];
}

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/** Checks a patrol with what it found, every problem by field at once. */
export function definePatrol(input: PatrolInput, today: IsoDate): PatrolInput {
  const fields: Record<string, string> = {};
  if (!isIsoDate(input.patrolledOn) || compareDates(input.patrolledOn, today) > 0)
    fields.patrolledOn = 'a date, not in the future';
  if (blank(input.patrolledBy)) fields.patrolledBy = 'who patrolled';
  if (!PATROLLER_KINDS.includes(input.patrollerKind)) fields.patrollerKind = `one of ${PATROLLER_KINDS.join(', ')}`;
  const hazards = input.hazards ?? [];
  // Past the bound only the count is reported: a problem per hazard made the refusal as large as the request.
  if (hazards.length > MAX_HAZARDS_PER_PATROL) fields.hazards = `at most ${MAX_HAZARDS_PER_PATROL}`;
  else
    hazards.forEach((h, i) => {
      if (!HAZARD_KINDS.includes(h.kind)) fields[`hazards[${i}].kind`] = `one of ${HAZARD_KINDS.join(', ')}`;
      if (blank(h.location)) fields[`hazards[${i}].location`] = 'where it was found';
      if ((h.notifiedOn !== null) !== !blank(h.partyNotified))
        fields[`hazards[${i}].notifiedOn`] = 'a party notified comes with the day it was notified, and only then';
      else if (h.notifiedOn !== null && compareDates(h.notifiedOn, input.patrolledOn) < 0)
        fields[`hazards[${i}].notifiedOn`] = 'not before the patrol';
      if (h.resolveBy !== null && compareDates(h.resolveBy, input.patrolledOn) < 0)
        fields[`hazards[${i}].resolveBy`] = 'not before the patrol';
    });
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The patrol record is invalid', { fields });
  return {
    ...input,
    patrolledBy: input.patrolledBy.trim(),
    note: blank(input.note) ? null : input.note!.trim(),
    hazards: hazards.map((h) => ({
      ...h,
      location: h.location.trim(),
      description: blank(h.description) ? null : h.description!.trim(),
      partyNotified: blank(h.partyNotified) ? null : h.partyNotified!.trim(),
    })),
  };
}

/** Whether a resolution on `resolvedOn` may close a hazard found on `foundOn` (not before it, not in the future). */
export function checkResolution(foundOn: IsoDate, resolvedOn: IsoDate, today: IsoDate): void {
  if (!isIsoDate(resolvedOn) || compareDates(resolvedOn, foundOn) < 0 || compareDates(resolvedOn, today) > 0)
    throw new InvalidInputError('The resolution date is invalid', {
      fields: { resolvedOn: 'between the day the hazard was found and today' },
    });
}

/** Open on `asOf` (not resolved by then) and past the date the street office set for resolving it. */
export function isHazardOverdue(
  h: { foundOn: IsoDate; resolveBy: IsoDate | null; resolvedOn: IsoDate | null },
  asOf: IsoDate,
): boolean {
  if (h.resolvedOn !== null && compareDates(h.resolvedOn, asOf) <= 0) return false;
  return h.resolveBy !== null && compareDates(asOf, h.resolveBy) > 0;
}
