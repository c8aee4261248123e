import type { EntityManager } from '@mikro-orm/postgresql';
import { Identity } from '../../../kernel/identity';
import {
  RecordedThreshold,
  ThresholdRecordInput,
  assertMayRecordThreshold,
  assertRecordAgreesWithKnownFigure,
  checkThresholdRecord,
} from '../domain/small-claims-threshold';
import { findCourt } from '../persistence/court.repository';
import {
  insertThreshold,
  lockThresholdsOf,
  recordedThresholds,
} from '../persistence/small-claims-threshold.repository';

/**
 * A court of the province (or the admin) records the threshold its high court published for a year (Civil
 * Procedure Law art. 165). Kept beside every earlier record; from now on referrals to the province's courts are
 * judged on it. A court's figure must agree with one another party recorded or the hub holds for the day it takes
 * effect (THRESHOLD_CONTRADICTS_RECORD): checked on the year's records read under the lock the insert is made under.
 * Returns the province's records for that year, oldest first, the new one last.
 */
export async function recordSmallClaimsThreshold(
  em: EntityManager,
  identity: Identity,
  input: ThresholdRecordInput,
): Promise<RecordedThreshold[]> {
  const threshold = checkThresholdRecord(input);
  return em.transactional(async (tx) => {
    const court = identity.role === 'COURT' ? await findCourt(tx, identity.organisationId) : null;
    assertMayRecordThreshold(identity, court?.provinceCode ?? null, threshold.provinceCode);
    await lockThresholdsOf(tx, threshold.provinceCode, threshold.applicationYear);
    const recorded = await recordedThresholds(tx, threshold.provinceCode, threshold.applicationYear);
    assertRecordAgreesWithKnownFigure(identity, threshold, recorded);
    await insertThreshold(tx, threshold, identity);
    return recordedThresholds(tx, threshold.provinceCode, threshold.applicationYear);
  });
}

/** The thresholds recorded for a province, oldest first: public, as the high courts' notices are. */
export function listSmallClaimsThresholds(em: EntityManager, provinceCode: string): Promise<RecordedThreshold[]> {
  return recordedThresholds(em, provinceCode, null);
}
