import type { EntityManager } from '@mikro-orm/postgresql';
import { Division } from '../persistence/division.entity';
import { divisionsUnder } from '../persistence/division.repository';

/** The hierarchy is public administrative information: every authenticated party reads it, children by code. */
export function listDivisions(em: EntityManager, parentCode?: string | null): Promise<Division[]> {
  return divisionsUnder(em, parentCode ?? undefined);
}
