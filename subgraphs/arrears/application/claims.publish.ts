import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { ARREARS_DEADLINE_CHANGED, CLAIM_UPDATED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { claimUpdated } from '../events/publish/claim-events';
import { publishLimitationDeadline } from '../events/publish/deadline-events';
import { nextClaimVersions } from '../persistence/account.repository';
import {
  LimitationAnnouncement,
  limitationBases,
  saveLimitationAnnouncements,
} from '../persistence/limitation-announcement.repository';
import { claimLinesOf } from './claim-lines.lookup';

/**
 * Publishes on arrears.claims.v1 a fresh snapshot of each account's claim as of `asOf`, in the caller's
 * transaction, for the litigation subgraph's read model: call it at the end of every use case that changes an
 * account; with it the account's limitation deadline on arrears.deadlines.v1. Each snapshot carries the account's next version, so a consumer keeps the highest whatever the order
 * of delivery. Eight queries whatever the number of accounts, then one outbox row each. What the deadline register was
 * told is recorded on the account, so the daily step (announce-limitation-deadlines.ts) does not announce it again.
 */
export async function publishClaims(tx: EntityManager, accountIds: readonly string[], asOf: IsoDate): Promise<void> {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return;
  const accounts = await nextClaimVersions(tx, ids);
  const bases = await limitationBases(tx, ids, asOf);
  const lines = await claimLinesOf(tx, ids, asOf);
  const announced: LimitationAnnouncement[] = [];
  for (const account of accounts) {
    const accountLines = lines.get(account.accountId) ?? { charges: [], actions: [] };
    const data = claimUpdated(account, accountLines, asOf);
    recordEvent(tx, CLAIM_UPDATED, { source: 'arrears', key: account.accountId, data });
    // The deadline register's view of the same snapshot: the account's earliest limitation date (deadline-events.ts).
    const deadline = publishLimitationDeadline(account, accountLines.charges, asOf);
    recordEvent(tx, ARREARS_DEADLINE_CHANGED, {
      source: 'arrears',
      key: deadline.deadlineKey,
      subject: account.accountId,
      data: deadline,
    });
    announced.push({
      accountId: account.accountId,
      dueOn: deadline.dueOn,
      basis: bases.get(account.accountId) ?? null,
    });
  }
  await saveLimitationAnnouncements(tx, announced);
}
