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
import { standingCommitteesOfAreas } from '../persistence/governance-body.repository';

export interface OverdueGovernanceBody {
  body: GovernanceBody;
  area: Area;
  asOf: IsoDate;
  reasons: GovernanceOverdueReason[];
}

/**
 * The street office's overdue list: the standing committees of its streets whose 30-day filing has passed unfiled or
 * whose term has ended (domain/governance-body.ts), as of `asOf` (today in China unless given, never in the future).
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
  const bodies = await standingCommitteesOfAreas(em, [...byId.keys()]);
  return bodies
    .map((body) => ({ body, area: byId.get(body.areaId)!, asOf: day, reasons: overdueReasons(body, day) }))
    .filter((item) => item.reasons.length > 0);
}
