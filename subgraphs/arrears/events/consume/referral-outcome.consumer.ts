import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../../kernel/identity';
import { IsoDate } from '../../../../kernel/calendar';
import { todayInChina } from '../../../../kernel/clock';
import { sqlRun } from '../../../../platform/db/sql';
import { NotFoundError } from '../../../../kernel/errors';
import { CaseStatus, REFERRAL_STATUS_CHANGED, REFERRAL_SUBMITTED, REFERRAL_WITHDRAWN, ReferralSubmittedData } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { chargesOf, loadAccount, moveAccount, openTotal } from '../../application/accounts';
import { publishClaims } from '../../application/claims';
import { accountMovesForReferral } from '../../domain/referral-outcome';

/** Who moves an account for the court procedure: the litigation subgraph, reporting what the court did. */
const LITIGATION: Identity = { subject: 'litigation', role: 'ADMIN', organisationId: 'litigation', jurisdictions: [] };

/** The day in China on which a reported step happened; the statutes count days there. */
const dayOf = (occurredAt: string): IsoDate => todayInChina(new Date(occurredAt));

/**
 * Moves the referred account to where the referral now puts it (referral-outcome.ts), records the moves, and
 * publishes the claim as it now stands. An account that is unknown or another company's, or a move the status
 * rules refuse, throws a DomainError: the report goes to arrears.dead-letter.v1 and nothing changes.
 */
async function followReferral(
  em: EntityManager,
  referral: Pick<ReferralSubmittedData, 'referralId' | 'courtId' | 'companyId' | 'accountId'>,
  caseStatus: CaseStatus,
  args: { on: IsoDate; caseNumber?: string | null; judgedFen?: number | null; settledFen?: number | null },
): Promise<void> {
  const account = await loadAccount(em, LITIGATION, referral.accountId, true);
  if (account.companyId !== referral.companyId) throw new NotFoundError(`Arrears account of ${referral.companyId}`, referral.accountId);
  const moves = accountMovesForReferral(account.status, caseStatus);
  if (moves.length === 0) return;
  const openFen = openTotal(await chargesOf(em, account.id));
  const reason = `Referral ${referral.referralId} to ${referral.courtId}: ${caseStatus}${args.caseNumber ? ` (${args.caseNumber})` : ''}`;
  for (const to of moves) await moveAccount(em, LITIGATION, account, to, { reason, on: args.on, openFen });
  if (account.status === 'JUDGED') await sqlRun(em, `update arrears.account set judged_fen = ? where id = ?`, [args.judgedFen ?? null, account.id]);
  if (account.status === 'SETTLED') await sqlRun(em, `update arrears.account set settled_fen = ? where id = ?`, [args.settledFen ?? null, account.id]);
  await publishClaims(em, [account.id], todayInChina());
}

/**
 * Keeps each account in step with its referral on litigation.referrals.v1: submitted, docketed, judged, settled,
 * withdrawn or refused. Batches (hub.litigation.batch.formed) change no account, so they have no handler and the
 * inbox consumer passes them by.
 */
export const referralOutcomeConsumer: ConsumerDefinition = {
  name: 'arrears.referral-outcomes',
  subscriptions: [
    on(REFERRAL_SUBMITTED, async (em, { data }) => {
      await followReferral(em, data, 'SUBMITTED', { on: data.submittedOn });
    }),
    on(REFERRAL_STATUS_CHANGED, async (em, { data }) => {
      await followReferral(em, data, data.status, {
        on: dayOf(data.occurredAt),
        caseNumber: data.caseNumber,
        judgedFen: data.judgedFen,
        settledFen: data.settledFen,
      });
    }),
    on(REFERRAL_WITHDRAWN, async (em, { data }) => {
      await followReferral(em, data, 'WITHDRAWN', { on: dayOf(data.occurredAt), caseNumber: data.caseNumber });
    }),
  ],
};
