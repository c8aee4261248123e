import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { tracksAreas } from '../domain/access';
import { GovernanceOverdueReason, overdueReasons } from '../domain/governance-body';
import { Area } from '../persistence/area.entity';
import { areasInReadableStreets } from '../persistence/area.repository';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { committeesStandingOn } from '../persistence/governance-body.repository';

export interface OverdueGovernanceBody {
  body: GovernanceBody;
  area: Area;
  asOf: IsoDate;
  reasons: GovernanceOverdueReason[];
}

/**
 * The street office's overdue list: the committees of its streets standing on `asOf` (today in China unless given,
 * never in the future) whose 30-day filing had passed unfiled or whose term had ended (domain/governance-body.ts);
 * before, only those standing today, so a past day's list left out the committees dissolved since.
 * Street offices and bureaus see their jurisdiction only; no other role has such a list.
 */
export async function overdueGovernanceBodies(
  em: EntityManager,
  identity: Identity,
  asOf?: string | null,
): Promise<OverdueGovernanceBody[]> {
  if (!tracksAreas(identity))
    throw new ForbiddenError('Only street offices and bureaus keep the list of overdue committees');
  const today = todayInChina();
  const day = asOf ?? today;
  if (!isIsoDate(day) || compareDates(day, today) > 0)
    throw new InvalidInputError('asOf must be a YYYY-MM-DD date not after today', {
      fields: { asOf: 'YYYY-MM-DD, not in the future' },
    });
  const areas = await areasInReadableStreets(em, identity);
  const byId = new Map(areas.map((a) => [a.id, a]));
  // Those that stood on the day asked: a committee dissolved since was overdue then all the same.
  const bodies = await committeesStandingOn(em, [...byId.keys()], day);
  return bodies
    .map((body) => ({ body, area: byId.get(body.areaId)!, asOf: day, reasons: overdueReasons(body, day) }))
    .filter((item) => item.reasons.length > 0);
}
