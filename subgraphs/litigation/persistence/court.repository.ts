import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CourtRegistration } from '../domain/court';
import { Court, CourtSchema } from './court.entity';

export function listCourts(em: EntityManager): Promise<Court[]> {
  return em.find(CourtSchema, {}, { orderBy: { courtId: 'asc' } });
}

export function findCourt(em: EntityManager, courtId: string, options: { lock?: boolean } = {}): Promise<Court | null> {
  return em.findOne(CourtSchema, { courtId }, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {});
}

/** The new court, written when the caller's transaction flushes. */
export function addCourt(tx: EntityManager, registration: CourtRegistration): Court {
  return tx.create(CourtSchema, { ...registration, registeredAt: new Date() });
}
