import type { EntityManager } from '@mikro-orm/postgresql';
import { COMMITTEE_RECORDED } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { recordEvent } from '../../../platform/events/outbox';
import { afterDissolution, requireNotAfter, validateRecording } from '../domain/property-management-committee';
import { todayInChina } from '../../../kernel/clock';
import { AREAS_EVENT_SOURCE } from '../events/publish/area-events';
import { committeeRecorded } from '../events/publish/governance-events';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { announceCommitteeDeadlines } from './announce-committee-deadlines';
import { manageablePropertyManagementCommittee } from './governance-body.lookup';

/**
 * The street office's recording (备案) of a filed property-management committee, due within five working days of
 * the filing (Beijing art. 55); a late recording is flagged when read (recordedLate), not refused. The deadline is
 * worked out when read, not stored, so a holiday notice published later still reaches it.
 */
export async function recordCommitteeRecording(
  em: EntityManager,
  identity: Identity,
  input: { bodyId: string; recordedOn: string },
): Promise<GovernanceBody> {
  requireNotAfter(todayInChina(), { recordedOn: input.recordedOn });
  return em.transactional(async (tx) => {
    const committee = await manageablePropertyManagementCommittee(
      tx,
      identity,
      input.bodyId,
      'record committees in it',
    );
    if (committee.recordedOn)
      throw new DomainError('CONFLICT', `The committee was already recorded on ${committee.recordedOn}`);
    const filedOn = committee.filedOn;
    if (!filedOn)
      throw new DomainError(
        'CONFLICT',
        'The committee has not been filed: record its filing first (recordCommitteeFiling)',
      );
    validateRecording(filedOn, input.recordedOn);
    const dissolved = afterDissolution(input.recordedOn, committee.dissolvedOn ?? null);
    if (dissolved.length > 0)
      throw new InvalidInputError('A committee cannot be recorded after it was dissolved', {
        problems: dissolved,
        fields: { recordedOn: `after the dissolution on ${committee.dissolvedOn}` },
      });
    committee.recordedOn = input.recordedOn;
    recordEvent(tx, COMMITTEE_RECORDED, {
      source: AREAS_EVENT_SOURCE,
      key: committee.areaId,
      subject: committee.id,
      data: committeeRecorded(committee, { filedOn, recordedOn: input.recordedOn }),
    });
    await announceCommitteeDeadlines(tx, committee, {
      filing: false,
      recording: true,
      cancelled: committee.dissolvedOn != null,
    });
    return committee;
  });
}
