import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { recordEvent } from '../../../platform/events/outbox';
import { ContractTerms } from '../domain/contract-terms';
import { Channel, FilingAction, ReturnReason } from '../domain/filing';
import { CONTRACTS_EVENT_SOURCE, filingEventOf, publishFiling } from '../events/publish/filing-events';
import { Filing } from '../persistence/filing.entity';
import { findVersion, insertTransition } from '../persistence/filing.repository';

/** A transition the filing has just made: who made it, through which channel, and what the feed is to carry. */
export interface TransitionRecord {
  action: FilingAction;
  actor: Identity;
  via: Channel;
  note?: Record<string, unknown>;
  /** The terms of the filing's current version, as the event publishes them. */
  terms: ContractTerms;
  returnReasons?: ReturnReason[];
}

/**
 * Records a transition the filing has just made (its status already changed): the next entry of its audit trail,
 * and the filing as it now stands on the feed, both in the caller's transaction.
 */
export function recordTransition(em: EntityManager, filing: Filing, record: TransitionRecord): void {
  filing.sequence += 1;
  insertTransition(em, {
    id: randomUUID(),
    filingId: filing.id,
    sequence: filing.sequence,
    version: filing.currentVersion,
    action: record.action,
    status: filing.status,
    at: new Date(),
    actorOrganisationId: record.actor.organisationId,
    actorRole: record.actor.role,
    actorSubject: record.actor.subject,
    via: record.via,
    note: record.note,
  });
  recordEvent(em, filingEventOf(filing.status, record.action), {
    source: CONTRACTS_EVENT_SOURCE,
    key: filing.id,
    subject: filing.id,
    data: publishFiling(filing, record.terms, record.returnReasons ?? []),
    party: filing.districtCode, // the district's feed, contracts.filings.v1.<district>
  });
}

/** The terms of the filing's current version. */
export async function currentTerms(em: EntityManager, filing: Filing): Promise<ContractTerms> {
  const version = await findVersion(em, filing.id, filing.currentVersion);
  if (!version) throw new Error(`Filing ${filing.id} has no version ${filing.currentVersion}`);
  return version.terms;
}
