import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { IsoDate } from '../../../kernel/calendar';
import { sqlRows, sqlRun } from '../../../platform/db/sql';
import { RecordedThreshold } from '../domain/small-claims-threshold';
import { PublishedSmallClaimsThreshold } from '../domain/statutes';

interface ThresholdColumns {
  province_code: string;
  application_year: number;
  effective_from: IsoDate;
  threshold_fen: string | number;
  consent_ceiling_fen: string | number;
  wage_basis: string;
  source: string;
  recorded_by: string;
  recorded_role: string;
  recorded_organisation: string | null;
  recorded_at: string | Date;
}

const thresholdOf = (r: ThresholdColumns): RecordedThreshold => ({
  provinceCode: r.province_code,
  province: r.province_code,
  applicationYear: r.application_year,
  effectiveFrom: r.effective_from,
  thresholdFen: Number(r.threshold_fen),
  consentCeilingFen: Number(r.consent_ceiling_fen),
  wageBasis: r.wage_basis,
  source: r.source,
  recordedBy: r.recorded_by,
  recordedRole: r.recorded_role,
  recordedOrganisation: r.recorded_organisation,
  recordedAt: new Date(r.recorded_at),
});

/**
 * Serialises, for the rest of the caller's transaction, the records of one province's and year's threshold: a record
 * is checked against those before it (assertRecordAgreesWithKnownFigure), so two courts recording at once must not
 * both pass the check on what they read before the other's insert. Rows cannot be locked for update when there are
 * none yet (two first figures), hence an advisory lock. Taken before reading them and inserting.
 */
export async function lockThresholdsOf(tx: EntityManager, provinceCode: string, year: number): Promise<void> {
  await sqlRun(
    tx,
    `select pg_advisory_xact_lock(hashtext('litigation.small_claims_threshold'), hashtext(? || '/' || ?))`,
    [provinceCode, String(year)],
  );
}

/** Appends a record; the caller holds lockThresholdsOf for its province and year. */
export async function insertThreshold(
  tx: EntityManager,
  t: PublishedSmallClaimsThreshold,
  by: { subject: string; role: string; organisationId: string },
): Promise<void> {
  await sqlRun(
    tx,
    `insert into litigation.small_claims_threshold (id, province_code, application_year, effective_from, threshold_fen, consent_ceiling_fen, wage_basis, source, recorded_by, recorded_role, recorded_organisation, recorded_at)
     values (?::uuid, ?, ?, ?::date, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())`,
    [
      randomUUID(),
      t.provinceCode,
      t.applicationYear,
      t.effectiveFrom,
      t.thresholdFen,
      t.consentCeilingFen,
      t.wageBasis,
      t.source,
      by.subject,
      by.role,
      by.organisationId,
    ],
  );
}

/** Every threshold recorded for the province (and year, when given), oldest record first. */
export async function recordedThresholds(
  em: EntityManager,
  provinceCode: string,
  year: number | null,
): Promise<RecordedThreshold[]> {
  const rows = await sqlRows<ThresholdColumns>(
    em,
    `select province_code, application_year, effective_from::text as effective_from, threshold_fen, consent_ceiling_fen, wage_basis, source, recorded_by, recorded_role, recorded_organisation, recorded_at
       from litigation.small_claims_threshold where province_code = ? and (?::int is null or application_year = ?::int) order by recorded_at, id`,
    [provinceCode, year, year],
  );
  return rows.map(thresholdOf);
}
