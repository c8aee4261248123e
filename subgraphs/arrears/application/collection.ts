import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import { compareDates } from '../../../kernel/calendar';
import { todayInChina } from '../../../kernel/clock';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { COLLECTION_ACTION_RECORDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { mayKeepAccount, mayMediate } from '../domain/access';
import { AccountStatus } from '../domain/account-status';
import { CollectionAction, CollectionActionInput, MediationOutcome, isDemand, validateCollectionAction } from '../domain/collection-action';
import { AccountRow, chargesOf, eventBase, loadAccount, moveAccount, openTotal } from './accounts';
import { publishClaims } from './claims';

/** Statuses a company moves an account to by hand; referral and the court's stages come from litigation. */
const SET_BY_COMPANY: readonly AccountStatus[] = ['CURRENT', 'IN_COLLECTION', 'WRITTEN_OFF'];

function checkWhen(on: string, today: string): void {
  if (compareDates(on, today) > 0) throw new InvalidInputError('A collection step cannot be recorded before it happens', { fields: { on: `not after today (${today})` } });
}

/** Mediation moves the account into MEDIATION (through IN_COLLECTION from CURRENT) and, once it ends, out again. */
async function followMediation(em: EntityManager, identity: Identity, account: AccountRow, action: Extract<CollectionAction, { kind: 'MEDIATION_SESSION' }>, openFen: number) {
  if (account.status === 'CURRENT') await moveAccount(em, identity, account, 'IN_COLLECTION', { reason: 'Mediation applied for', on: action.on, openFen });
  if (account.status === 'IN_COLLECTION') await moveAccount(em, identity, account, 'MEDIATION', { reason: `Mediation by ${action.mediator}`, on: action.on, openFen });
  await followOutcome(em, identity, account, action.outcome, action.outcomeOn, openFen);
}

async function followOutcome(em: EntityManager, identity: Identity, account: AccountRow, outcome: MediationOutcome, outcomeOn: string | null, openFen: number) {
  if (account.status !== 'MEDIATION' || outcome === 'PENDING' || outcomeOn === null) return;
  if (outcome === 'AGREED') await moveAccount(em, identity, account, 'SETTLED', { reason: 'Mediation agreement (调解协议)', on: outcomeOn, openFen });
  else await moveAccount(em, identity, account, 'IN_COLLECTION', { reason: outcome === 'FAILED' ? 'Mediation failed' : 'Mediation withdrawn', on: outcomeOn, openFen });
}

async function publishAction(em: EntityManager, account: AccountRow, id: string, action: CollectionAction, identity: Identity, openFen: number) {
  recordEvent(em, COLLECTION_ACTION_RECORDED, {
    source: 'arrears',
    key: account.id,
    data: { ...eventBase(account, openFen), actionId: id, kind: action.kind, on: action.on, chargeIds: [...action.chargeIds], demand: isDemand(action.kind), recordedByRole: identity.role },
  });
}

/**
 * Records a collection step on an account. The company records its own demands, promises and plans; the street
 * office records mediation sessions in its street. A utility cut-off is refused (art. 944) before anything else.
 * A first demand or promise takes a CURRENT account into collection.
 */
export async function recordCollectionAction(em: EntityManager, identity: Identity, input: { accountId: string; action: CollectionActionInput }): Promise<string> {
  const action = validateCollectionAction(input.action);
  const today = todayInChina();
  checkWhen(action.on, today);
  return em.transactional(async (tx) => {
    const account = await loadAccount(tx, identity, input.accountId, true);
    const mediation = action.kind === 'MEDIATION_SESSION';
    if (mediation ? !mayMediate(identity, account) : !mayKeepAccount(identity, account)) {
      throw new ForbiddenError(mediation ? 'Mediation sessions are recorded by the street office of the household' : 'Only the company that billed the account records its collection steps');
    }
    const charges = await chargesOf(tx, account.id);
    const unknown = action.chargeIds.filter((id) => !charges.some((c) => c.chargeId === id));
    if (unknown.length > 0) throw new InvalidInputError('The step names charges of another account', { problems: unknown.map((chargeId) => ({ code: 'UNKNOWN_CHARGE', chargeId })) });
    const [{ id }] = await sqlRows<{ id: string }>(
      tx,
      `insert into arrears.collection_action (id, account_id, kind, on_date, charge_ids, action, recorded_by, recorded_by_role, organisation_id)
       values (gen_random_uuid(), ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) returning id`,
      [account.id, action.kind, action.on, JSON.stringify(action.chargeIds), JSON.stringify(action), identity.subject, identity.role, identity.organisationId],
    );
    const openFen = openTotal(charges);
    if (mediation) await followMediation(tx, identity, account, action, openFen);
    else if (account.status === 'CURRENT') await moveAccount(tx, identity, account, 'IN_COLLECTION', { reason: `${action.kind} recorded`, on: action.on, openFen });
    await publishAction(tx, account, id, action, identity, openFen);
    await publishClaims(tx, [account.id], today);
    return id;
  });
}

/** The street office records how a pending mediation ended; the account follows (agreement settles it, failure returns it to collection). */
export async function recordMediationOutcome(
  em: EntityManager,
  identity: Identity,
  input: { actionId: string; outcome: MediationOutcome; outcomeOn: string },
): Promise<string> {
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const [row] = await sqlRows<{ account_id: string; action: CollectionAction }>(
      tx,
      `select account_id, action from arrears.collection_action where id::text = ? and kind = 'MEDIATION_SESSION' for update`,
      [input.actionId],
    );
    if (!row) throw new NotFoundError('Mediation session', input.actionId);
    const account = await loadAccount(tx, identity, row.account_id, true);
    if (!mayMediate(identity, account)) throw new NotFoundError('Mediation session', input.actionId);
    const session = row.action as Extract<CollectionAction, { kind: 'MEDIATION_SESSION' }>;
    if (session.outcome !== 'PENDING') throw new DomainError('MEDIATION_ALREADY_ENDED', `The mediation already ended (${session.outcome})`, { outcome: session.outcome });
    const updated = validateCollectionAction({ ...session, outcome: input.outcome, outcomeOn: input.outcomeOn });
    if (updated.kind !== 'MEDIATION_SESSION') throw new Error('unreachable');
    checkWhen(input.outcomeOn, today);
    await sqlRun(tx, `update arrears.collection_action set action = ?::jsonb where id = ?`, [JSON.stringify(updated), input.actionId]);
    await followOutcome(tx, identity, account, updated.outcome, updated.outcomeOn, openTotal(await chargesOf(tx, account.id)));
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}

/** The company moves its account by hand: back to CURRENT once cleared, into collection, or written off with a reason. */
export async function changeAccountStatus(em: EntityManager, identity: Identity, input: { accountId: string; to: AccountStatus; reason?: string | null }): Promise<string> {
  const today = todayInChina();
  return em.transactional(async (tx) => {
    const account = await loadAccount(tx, identity, input.accountId, true);
    if (!mayKeepAccount(identity, account)) throw new ForbiddenError('Only the company that billed the account changes its status');
    if (!SET_BY_COMPANY.includes(input.to)) {
      throw new DomainError('STATUS_SET_BY_PROCEDURE', `${input.to} is set by mediation or the court procedure, not by hand`, { to: input.to, allowed: SET_BY_COMPANY });
    }
    const openFen = openTotal(await chargesOf(tx, account.id));
    await moveAccount(tx, identity, account, input.to, { reason: input.reason?.trim() || null, on: today, openFen });
    await publishClaims(tx, [account.id], today);
    return account.id;
  });
}
