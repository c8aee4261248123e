import type { EntityManager } from '@mikro-orm/postgresql';
import { arrearsError } from '../domain/errors';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { COLLECTION_ACTION_RECORDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { mayKeepAccount, mayMediate } from '../domain/access';
import { assertOwedCharges, demandsArrears, openTotal } from '../domain/charge';
import { CollectionActionInput, checkStepHappened, validateCollectionAction } from '../domain/collection-action';
import { collectionActionRecorded } from '../events/publish/account-events';
import { chargesOfAccount } from '../persistence/charge.repository';
import { insertCollectionAction } from '../persistence/collection-action.repository';
import { loadAccount } from './account.lookup';
import { followMediation, moveAccount } from './account.moves';
import { publishClaims } from './claims.publish';

/**
 * Records a collection step on an account. The company records its own demands, promises and plans; the street
 * office records mediation sessions in its street. A utility cut-off is refused (art. 944) before anything else.
 * A first demand, promise or mediation session naming a charge in arrears takes a CURRENT account into collection.
 * Returns the step's id.
 */
export async function recordCollectionAction(
  em: EntityManager,
  identity: Identity,
  input: {
    accountId: string;
    action: CollectionActionInput;
    /** The client's id of this step: a retry with it records the step once (a demand twice, or a second pending session, muddled the claim). */
    idempotencyKey?: string | null;
  },
): Promise<string> {
  const action = validateCollectionAction(input.action);
  const today = todayInChina();
  checkStepHappened(action.on, today);
  // A session recorded with its outcome: that day has happened too (before, an agreement dated 2030 settled the
  // account from then and restarted the limitation period from 2030).
  if (action.kind === 'MEDIATION_SESSION' && action.outcomeOn) checkStepHappened(action.outcomeOn, today, 'outcomeOn');
  // A letter's arrival too: a day ahead would switch its interruption on later, unseen, and could not be corrected.
  if (action.kind === 'LETTER' && action.deliveredOn) checkStepHappened(action.deliveredOn, today, 'deliveredOn');
  const optionalKey = {
    scope: 'collection-action',
    ownerId: identity.organisationId,
    key: input.idempotencyKey,
    content: () => ({ accountId: input.accountId.toLowerCase(), action }),
    reused: keyReusedFor(arrearsError, 'collection step'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    const account = await loadAccount(tx, identity, input.accountId, true);
    const mediation = action.kind === 'MEDIATION_SESSION';
    if (mediation ? !mayMediate(identity, account) : !mayKeepAccount(identity, account)) {
      throw new ForbiddenError(
        mediation
          ? 'Mediation sessions are recorded by the street office of the household'
          : 'Only the company that billed the account records its collection steps',
      );
    }
    const charges = await chargesOfAccount(tx, account.id);
    const unknown = action.chargeIds.filter((id) => !charges.some((c) => c.chargeId === id));
    if (unknown.length > 0)
      throw new InvalidInputError('The step names charges of another account', {
        problems: unknown.map((chargeId) => ({ code: 'UNKNOWN_CHARGE', chargeId })),
      });
    assertOwedCharges(charges, action.chargeIds);
    const id = await insertCollectionAction(tx, account.id, action, identity);
    const openFen = openTotal(charges);
    // A step that names nothing in arrears is recorded and leaves a CURRENT account as it is, a mediation session as
    // a demand (before, a session over a paid charge took the account into mediation, and its agreement SETTLED it).
    const inCollection = account.status !== 'CURRENT' || demandsArrears(charges, action.chargeIds, action.on);
    if (action.kind === 'MEDIATION_SESSION') {
      if (inCollection) await followMediation(tx, identity, account, action, openFen);
    } else if (account.status === 'CURRENT' && inCollection)
      await moveAccount(tx, identity, account, 'IN_COLLECTION', {
        reason: `${action.kind} recorded`,
        on: action.on,
        openFen,
      });
    recordEvent(tx, COLLECTION_ACTION_RECORDED, {
      source: 'arrears',
      key: account.id,
      data: collectionActionRecorded(account, id, action, identity.role, openFen),
    });
    await publishClaims(tx, [account.id], today);
    return id;
  });
}
