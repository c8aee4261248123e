import type { EntityManager } from '@mikro-orm/postgresql';
import { Court } from '../persistence/court.entity';
import { listCourts as listAllCourts } from '../persistence/court.repository';

/** The courts connected to the hub: a public directory for referring parties. */
export function listCourts(em: EntityManager): Promise<Court[]> {
  return listAllCourts(em);
}
