import type { EntityManager } from '@mikro-orm/postgresql';
import { isIsoDate } from '../../../kernel/calendar';
import { Identity } from '../../../kernel/identity';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { filingProblems, isFilingLate, requireNotAfter } from '../domain/property-management-committee';
import { todayInChina } from '../../../kernel/clock';
import { unlessBeyondCalendar } from '../../../kernel/working-days';
import { filingPeriodsRun } from '../domain/governance-body';
import { GovernanceBody } from '../persistence/governance-body.entity';
import { announceCommitteeDeadlines } from './announce-committee-deadlines';
import { manageablePropertyManagementCommittee } from './governance-body.lookup';

/** The committee's filing with the street office, recorded when it happens; a late one is flagged, not refused. */
export async function recordCommitteeFiling(
  em: EntityManager,
  identity: Identity,
  input: { bodyId: string; filedOn: string },
): Promise<GovernanceBody> {
  if (!isIsoDate(input.filedOn))
    throw new InvalidInputError('filedOn must be YYYY-MM-DD', { fields: { filedOn: 'not a date' } });
  requireNotAfter(todayInChina(), { filedOn: input.filedOn });
  return em.transactional(async (tx) => {
    const committee = await manageablePropertyManagementCommittee(tx, identity, input.bodyId, 'record filings in it');
    if (committee.filedOn) throw new DomainError('CONFLICT', `The committee was already filed on ${committee.filedOn}`);
    const problems = filingProblems(committee.formedOn, input.filedOn, committee.dissolvedOn ?? null);
    if (problems.length > 0) {
      const dissolved = problems.includes('AFTER_DISSOLUTION');
      throw new InvalidInputError(
        dissolved
          ? 'A committee cannot be filed after it was dissolved'
          : 'A committee cannot be filed before it was formed',
        {
          problems,
          fields: { filedOn: dissolved ? `after the dissolution on ${committee.dissolvedOn}` : 'before formation' },
        },
      );
    }
    committee.filedOn = input.filedOn;
    // Late only where its filing period runs (domain filingPeriodsRun: rules the hub holds, an assembly on record).
    committee.filedLate = filingPeriodsRun(committee)
      ? unlessBeyondCalendar(() => isFilingLate(committee.formedOn, input.filedOn))
      : null;
    // A dissolved committee's deadlines no longer run: a filing it made while it stood is entered, its deadlines
    // announced cancelled.
    await announceCommitteeDeadlines(tx, committee, {
      filing: true,
      recording: true,
      cancelled: committee.dissolvedOn != null,
    });
    return committee;
  });
}
