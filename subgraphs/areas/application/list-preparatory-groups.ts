import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { readableStreetPrefixes } from '../domain/access';
import { isPreparationOverdue } from '../domain/preparatory-group';
import { PreparatoryGroup, preparatoryGroupsUnder } from '../persistence/preparatory-group.repository';

export type { PreparatoryGroup } from '../persistence/preparatory-group.repository';

/** Largest list; the street's groups are a handful. */
export const MAX_PREPARATORY_GROUPS = 500;

export interface PreparatoryGroupView extends PreparatoryGroup {
  /** No first assembly recorded by the end of the period; null when `asOf` lies past the holiday data. */
  overdue: boolean | null;
}

/**
 * The preparatory groups of the streets the caller reads (the street office its streets, a city bureau its
 * jurisdiction, the admin all; others FORBIDDEN), oldest first, each with whether it is overdue on `asOf` (today by
 * default); `overdueOnly` keeps those.
 */
export async function preparatoryGroups(
  em: EntityManager,
  identity: Identity,
  options: { asOf?: string | null; overdueOnly?: boolean | null },
): Promise<PreparatoryGroupView[]> {
  const prefixes = readableStreetPrefixes(identity);
  if (prefixes === undefined) throw new ForbiddenError('Preparatory groups are read by street offices and bureaus');
  const asOf = options.asOf ?? todayInChina();
  const groups = await preparatoryGroupsUnder(em, prefixes, MAX_PREPARATORY_GROUPS);
  const views = groups.map((g) => preparatoryGroupView(g, asOf));
  return options.overdueOnly ? views.filter((g) => g.overdue === true) : views;
}

/** The group with whether it is overdue on `asOf`. */
export function preparatoryGroupView(g: PreparatoryGroup, asOf: string = todayInChina()): PreparatoryGroupView {
  return {
    ...g,
    overdue: isPreparationOverdue(
      {
        formedOn: g.formedOn,
        period: g.periodDays === null ? null : { days: g.periodDays, source: g.periodSource ?? '' },
        firstAssemblyOn: g.firstAssemblyOn,
      },
      asOf,
    ),
  };
}
