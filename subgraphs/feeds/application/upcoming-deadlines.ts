import type { EntityManager } from '@mikro-orm/postgresql';
import { DeadlineState } from '../../../catalog';
import { IsoDate, addDays, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { RegisteredDeadline, checkWithin, deadlineScopeOf, deadlineState } from '../domain/deadlines';
import { deadlinesDueBy } from '../persistence/deadline.repository';

/** At most this many deadlines in one answer. */
export const MAX_DEADLINES = 500;

/**
 * The deadlines in the caller's scope due within `within` days of `asOf` (today in China by default), overdue ones
 * included, each with its state on `asOf`.
 */
export async function upcomingDeadlines(
  em: EntityManager,
  identity: Identity,
  input: { within: number; asOf?: IsoDate | null },
): Promise<(RegisteredDeadline & { state: DeadlineState })[]> {
  const scope = deadlineScopeOf(identity);
  if (!scope) throw new ForbiddenError('Your role has no deadlines in the register');
  const within = checkWithin(input.within);
  const asOf = input.asOf ?? todayInChina();
  if (!isIsoDate(asOf)) throw new InvalidInputError('asOf is a date', { fields: { asOf: 'YYYY-MM-DD' } });
  const deadlines = await deadlinesDueBy(em, scope, asOf, addDays(asOf, within), MAX_DEADLINES);
  return deadlines.map((d) => ({ ...d, state: deadlineState(d, asOf) }));
}
