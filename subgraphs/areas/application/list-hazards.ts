import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { readableStreetPrefixes } from '../domain/access';
import { isHazardOverdue } from '../domain/patrol';
import { Hazard, hazardsUnder } from '../persistence/patrol.repository';

export const MAX_HAZARDS = 500;

export interface HazardView extends Hazard {
  overdue: boolean;
}

export const hazardView = (h: Hazard, asOf: string = todayInChina()): HazardView => ({
  ...h,
  overdue: isHazardOverdue(h, asOf),
});

/**
 * Hazards of the streets the caller reads (street office, city bureau, admin; others FORBIDDEN), oldest first:
 * open ones on `asOf` (today by default) with `openOnly`, only those past their resolve-by date with `overdueOnly`.
 */
export async function hazards(
  em: EntityManager,
  identity: Identity,
  options: { asOf?: string | null; openOnly?: boolean | null; overdueOnly?: boolean | null; areaId?: string | null },
): Promise<HazardView[]> {
  const prefixes = readableStreetPrefixes(identity);
  if (prefixes === undefined) throw new ForbiddenError('Hazards are read by street offices and bureaus');
  const asOf = options.asOf ?? todayInChina();
  const open = options.openOnly || options.overdueOnly ? asOf : null;
  const views = (await hazardsUnder(em, prefixes, { openOn: open, areaId: options.areaId ?? null }, MAX_HAZARDS)).map(
    (h) => hazardView(h, asOf),
  );
  return options.overdueOnly ? views.filter((h) => h.overdue) : views;
}
