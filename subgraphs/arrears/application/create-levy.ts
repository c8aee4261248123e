import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { LEVY_DECIDED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { assertPropertyCompany } from '../domain/access';
import { arrearsError } from '../domain/errors';
import { LevyInput, checkLevyInput, levyBasis } from '../domain/levy';
import { levyDecided } from '../events/publish/levy-events';
import { openAccounts, referableAccountIdsOfLevy } from '../persistence/account.repository';
import { buildingsWithHouseholds } from '../persistence/billable-household.repository';
import { billLevy, levyTotals } from '../persistence/charge.repository';
import { findJointDecision } from '../persistence/governance-view.repository';
import { insertLevy } from '../persistence/levy.repository';
import { publishClaims } from './claims.publish';
import { filingInForceOrRefuse, filingInForceTodayOrRefuse } from './company-area-month';
import { allowLongStatements } from '../../../platform/db/sql';

/**
 * Records a special levy the owners decided for some buildings of an area the company serves in the month decided and
 * has not stopped serving by today (NO_CONTRACT_IN_FORCE otherwise: before, only the month decided was checked, so a former provider
 * back-dating a voluntary levy into its old term billed every household of its successor's area), and bills it at
 * once: one LEVY charge per household of those buildings, floor area × rate (levy.ts), due on the levy's due date. It
 * names the owners' joint decision it is owed under (kept from areas.governance.v1, checked by levyBasis), or is
 * VOLUNTARY and its charges are marked so: never arrears, aged, referred or time-barred. With an idempotency key a
 * retry returns the levy the first attempt created, billed once.
 */
export async function createLevy(em: EntityManager, identity: Identity, input: LevyInput): Promise<string> {
  const companyId = assertPropertyCompany(identity, 'record levies');
  const today = todayInChina();
  checkLevyInput(input, today);
  const optionalKey = {
    scope: 'levy',
    ownerId: companyId,
    key: input.idempotencyKey,
    content: () => levyRequest(input),
    reused: keyReusedFor(arrearsError, 'levy'),
  };
  return transactionOnce(em, optionalKey, async (tx) => {
    await allowLongStatements(tx);
    // The company must not have stopped serving the area by today, not only serve it in the decision's month: a
    // voluntary levy names no decision, so a former provider back-dating one into its old term billed the area its
    // successor serves. A successor whose contract starts later this month passes (it bills this month's days too).
    await filingInForceTodayOrRefuse(tx, { companyId, areaId: input.areaId, today });
    // A decision of this month was answered by that check; an earlier month's is asked for its own.
    const decidedMonth = input.decidedOn.slice(0, 7);
    if (decidedMonth !== today.slice(0, 7))
      await filingInForceOrRefuse(tx, { companyId, areaId: input.areaId, month: decidedMonth, today });
    const buildingIds = [...new Set(input.buildingIds)];
    const known = await buildingsWithHouseholds(tx, input.areaId, buildingIds);
    const unknown = buildingIds.filter((b) => !known.includes(b));
    if (unknown.length > 0) {
      throw new InvalidInputError('Some buildings are not in the area, or have no households', {
        problems: unknown.map((buildingId) => ({ code: 'UNKNOWN_BUILDING', buildingId })),
      });
    }
    const basis = levyBasis(input, input.jointDecisionId ? await findJointDecision(tx, input.jointDecisionId) : null);
    const levy = {
      ...input,
      title: input.title.trim(),
      purpose: input.purpose.trim(),
      accountName: input.accountName.trim(),
      buildingIds,
    };
    const levyId = await insertLevy(tx, { ...levy, companyId, recordedBy: identity.subject, basis });
    await openAccounts(tx, { companyId, areaId: input.areaId, buildingIds }, today);
    await billLevy(tx, {
      levyId,
      companyId,
      areaId: input.areaId,
      month: input.decidedOn.slice(0, 7),
      rateFenPerM2: input.rateFenPerM2,
      dueOn: input.dueOn,
      buildingIds,
      voluntary: basis === 'VOLUNTARY',
    });
    const billed = await levyTotals(tx, levyId);
    // As for billing: only accounts that can be referred (not CURRENT) get a new claim snapshot.
    await publishClaims(tx, await referableAccountIdsOfLevy(tx, levyId), today);
    recordEvent(tx, LEVY_DECIDED, {
      source: 'arrears',
      key: levyId,
      data: levyDecided({ ...levy, levyId, companyId }, billed),
    });
    return levyId;
  });
}

/**
 * What a levy asks, defaults filled in: a retry under its key must ask the same. Its basis is part of it (a levy owed
 * under a joint decision is not the voluntary one); named only when given, so a levy without one fingerprints as
 * before.
 */
const levyRequest = (input: LevyInput) => ({
  ...(input.jointDecisionId ? { jointDecisionId: input.jointDecisionId } : {}),
  ...(input.voluntary ? { voluntary: true } : {}),
  areaId: input.areaId,
  title: input.title,
  purpose: input.purpose,
  accountName: input.accountName,
  rateFenPerM2: input.rateFenPerM2,
  activationThresholdPercent: input.activationThresholdPercent,
  advanceFen: input.advanceFen,
  decidedOn: input.decidedOn,
  dueOn: input.dueOn,
  decisionReference: input.decisionReference ?? null,
  buildingIds: input.buildingIds,
});
