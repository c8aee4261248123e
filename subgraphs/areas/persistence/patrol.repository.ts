import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import type { HazardFound, HazardKind, PatrolInput, PatrollerKind } from '../domain/patrol';

export interface Hazard {
  id: string;
  patrolId: string;
  areaId: string;
  areaName: string;
  streetCode: string;
  foundOn: string;
  kind: HazardKind;
  location: string;
  description: string | null;
  warningSetUp: boolean;
  partyNotified: string | null;
  notifiedOn: string | null;
  resolveBy: string | null;
  resolvedOn: string | null;
  resolutionNote: string | null;
}

export interface Patrol {
  id: string;
  areaId: string;
  patrolledOn: string;
  patrolledBy: string;
  patrollerKind: PatrollerKind;
  note: string | null;
}

interface HazardRow {
  id: string;
  patrol_id: string;
  area_id: string;
  area_name: string;
  street_code: string;
  found_on: string;
  kind: HazardKind;
  location: string;
  description: string | null;
  warning_set_up: boolean;
  party_notified: string | null;
  notified_on: string | null;
  resolve_by: string | null;
  resolved_on: string | null;
  resolution_note: string | null;
}

const hazardOf = (r: HazardRow): Hazard => ({
  id: r.id,
  patrolId: r.patrol_id,
  areaId: r.area_id,
  areaName: r.area_name,
  streetCode: r.street_code,
  foundOn: r.found_on,
  kind: r.kind,
  location: r.location,
  description: r.description,
  warningSetUp: r.warning_set_up,
  partyNotified: r.party_notified,
  notifiedOn: r.notified_on,
  resolveBy: r.resolve_by,
  resolvedOn: r.resolved_on,
  resolutionNote: r.resolution_note,
});

const HAZARD_SELECT = `select h.id, h.patrol_id, h.area_id, a.name as area_name, a.street_code, h.found_on::text as found_on,
    h.kind, h.location, h.description, h.warning_set_up, h.party_notified, h.notified_on::text as notified_on,
    h.resolve_by::text as resolve_by, h.resolved_on::text as resolved_on, h.resolution_note
  from areas.hazard h join areas.area a on a.id = h.area_id`;

export async function insertPatrol(
  em: EntityManager,
  p: { id: string; areaId: string; recordedBy: string } & PatrolInput,
  hazardIds: string[],
): Promise<void> {
  await sqlRun(
    em,
    `insert into areas.patrol (id, area_id, patrolled_on, patrolled_by, patroller_kind, note, recorded_by) values (?, ?, ?::date, ?, ?, ?, ?)`,
    [p.id, p.areaId, p.patrolledOn, p.patrolledBy, p.patrollerKind, p.note, p.recordedBy],
  );
  for (const [i, h] of p.hazards.entries()) await insertHazard(em, hazardIds[i], p, h);
}

async function insertHazard(
  em: EntityManager,
  id: string,
  p: { id: string; areaId: string; patrolledOn: string },
  h: HazardFound,
) {
  await sqlRun(
    em,
    `insert into areas.hazard (id, patrol_id, area_id, found_on, kind, location, description, warning_set_up, party_notified, notified_on, resolve_by)
     values (?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?::date, ?::date)`,
    [
      id,
      p.id,
      p.areaId,
      p.patrolledOn,
      h.kind,
      h.location,
      h.description,
      h.warningSetUp,
      h.partyNotified,
      h.notifiedOn,
      h.resolveBy,
    ],
  );
}

export async function findHazard(
  em: EntityManager,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Hazard | null> {
  const [row] = await sqlRows<HazardRow>(
    em,
    `${HAZARD_SELECT} where h.id = ?::uuid${options.lock ? ' for update of h' : ''}`,
    [id],
  );
  return row ? hazardOf(row) : null;
}

export async function hazardsOfPatrol(em: EntityManager, patrolId: string): Promise<Hazard[]> {
  const rows = await sqlRows<HazardRow>(em, `${HAZARD_SELECT} where h.patrol_id = ?::uuid order by h.location, h.id`, [
    patrolId,
  ]);
  return rows.map(hazardOf);
}

export async function resolveHazardRow(
  em: EntityManager,
  r: { id: string; resolvedOn: string; note: string | null; resolvedBy: string },
): Promise<void> {
  await sqlRun(
    em,
    `update areas.hazard set resolved_on = ?::date, resolution_note = ?, resolved_by = ? where id = ?::uuid and resolved_on is null`,
    [r.resolvedOn, r.note, r.resolvedBy, r.id],
  );
}

/**
 * Hazards of areas whose street code starts with one of the prefixes (all for none): open ones on `asOf` (not
 * resolved by then) when `openOnly`, oldest first.
 */
export async function hazardsUnder(
  em: EntityManager,
  prefixes: string[],
  filter: { openOn: string | null; areaId: string | null },
  limit: number,
): Promise<Hazard[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (prefixes.length) {
    where.push(`(${prefixes.map(() => 'starts_with(a.street_code, ?)').join(' or ')})`);
    params.push(...prefixes);
  }
  if (filter.openOn) {
    where.push('h.found_on <= ?::date and (h.resolved_on is null or h.resolved_on > ?::date)');
    params.push(filter.openOn, filter.openOn);
  }
  if (filter.areaId) {
    where.push('h.area_id = ?::uuid');
    params.push(filter.areaId);
  }
  const rows = await sqlRows<HazardRow>(
    em,
    `${HAZARD_SELECT} ${where.length ? `where ${where.join(' and ')}` : ''} order by h.found_on, h.id limit ?`,
    [...params, limit],
  );
  return rows.map(hazardOf);
}
