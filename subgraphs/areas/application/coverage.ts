import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { tracksAreas } from '../domain/access';
import { Area } from '../persistence/area.entity';
import { areasInReadableStreets } from '../persistence/area.repository';
import { caretakingOfAreas } from '../persistence/caretaking.repository';
import { coverageFacts } from '../persistence/coverage.repository';
import { selfManagementOfAreas } from '../persistence/self-management.repository';

/**
 * Seed 004 §四, §六(二)(三): an owners' committee in every area, a professional provider in every area. The areas of
 * `divisionCode` (a city, district or street code) the caller may read, split by each target, each count the length
 * of its list. Street offices and bureaus see their jurisdiction only: another city's division comes back empty.
 */
export interface Coverage {
  divisionCode: string;
  areas: Area[];
  withOwnersCommittee: Area[];
  withoutOwnersCommittee: Area[];
  withFiledProvider: Area[];
  withoutFiledProvider: Area[];
  /** Areas whose caretaker management has not ended (no provider's filing accepted since it began). */
  underCaretaker: Area[];
  /** Areas whose owners manage them themselves (Civil Code art. 284 para. 1), not ended. */
  selfManaged: Area[];
  /** What the target misses: areas with neither a filed provider, nor self-management, nor a caretaker. */
  withoutManagement: Area[];
}

export async function coverage(em: EntityManager, identity: Identity, divisionCode: string): Promise<Coverage> {
  if (!tracksAreas(identity)) throw new ForbiddenError('Only street offices and bureaus track coverage');
  if (!/^[0-9]{2,12}$/.test(divisionCode))
    throw new InvalidInputError('The division code is invalid', {
      fields: { divisionCode: 'a division code of 2–12 digits' },
    });
  const prefix = divisionCode.replace(/(?:00)+$/, '');
  const areas = (await areasInReadableStreets(em, identity)).filter((a) => a.streetCode.startsWith(prefix));
  const facts = await coverageFacts(
    em,
    areas.map((a) => a.id),
  );
  const split = (has: Set<string>) => [areas.filter((a) => has.has(a.id)), areas.filter((a) => !has.has(a.id))];
  const [withOwnersCommittee, withoutOwnersCommittee] = split(facts.withOwnersCommittee);
  const [withFiledProvider, withoutFiledProvider] = split(facts.withFiledProvider);
  const ids = areas.map((a) => a.id);
  const running = (periods: { areaId: string; endedOn: string | null }[]) =>
    new Set(periods.filter((p) => p.endedOn === null).map((p) => p.areaId));
  const caretaken = running(await caretakingOfAreas(em, ids));
  const selfManagedIds = running(await selfManagementOfAreas(em, ids));
  const [underCaretaker] = split(caretaken);
  const [selfManaged] = split(selfManagedIds);
  const [, withoutManagement] = split(new Set([...facts.withFiledProvider, ...caretaken, ...selfManagedIds]));
  return {
    divisionCode,
    areas,
    withOwnersCommittee,
    withoutOwnersCommittee,
    withFiledProvider,
    withoutFiledProvider,
    underCaretaker,
    selfManaged,
    withoutManagement,
  };
}
