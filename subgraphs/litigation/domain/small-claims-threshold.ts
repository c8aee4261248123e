import { IsoDate, isIsoDate } from '../../../kernel/calendar';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Fen } from '../../../kernel/money';
import { litigationError } from './errors';
import {
  PublishedSmallClaimsThreshold,
  SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE,
  SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE,
  SMALL_CLAIMS_SOURCE,
  findSmallClaimsThreshold,
} from './statutes';

/**
 * A small-claims threshold as a court records it from its province's high-court notice (Civil Procedure Law art.
 * 165: 50% of the province's previous-year average annual wage of employed persons; by consent up to 200%). The
 * figures are data with an audit trail: every record is kept with who made it and when, and of a province's and
 * year's notices in force on a day the one that took effect last applies (statutes.ts findSmallClaimsThreshold).
 */
export interface ThresholdRecordInput {
  provinceCode: string;
  year: number;
  amountFen: number;
  /**
   * The notice's consent ceiling, 200% of the wage (art. 165 para. 2). Required: the threshold is the wage's 50%
   * rounded, so 4 × it can exceed 200% (Zhejiang 2022: 4 × ¥54,323 = ¥217,292 against the published ¥217,290), and a
   * claim between the two was proposed for small claims by consent, whose judgment is final. Before, 4 × the threshold
   * was taken when it was omitted (a legal audit, 2026-12-07).
   */
  consentCeilingFen?: number | null;
  /** The first day the notice applies to; null: the whole year. */
  effectiveFrom?: string | null;
  /** The high court's notice: its title, number and date. */
  source: string;
}

export interface RecordedThreshold extends PublishedSmallClaimsThreshold {
  readonly recordedBy: string;
  readonly recordedRole: string;
  /** The organisation that recorded it (a court's id, the admin's); null for records made before it was kept. */
  readonly recordedOrganisation: string | null;
  readonly recordedAt: Date;
}

/** Bounds on what a caller sends: no threshold above ¥100 million, sources up to 1,000 characters. */
const MAX_FEN = 10_000_000_000;
const MAX_SOURCE = 1_000;
const CONSENT_MULTIPLE = SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE / SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE;
/**
 * How far the consent ceiling may lie from 4 × the threshold: both are the same wage's 50% and 200% (art. 165), each
 * published in whole yuan, however rounded (nearest, up or down): within ¥1 of its exact figure each, so within ¥4 of
 * 4 × the threshold (Zhejiang 2022: ¥217,290 against 4 × ¥54,323 = ¥217,292; Jiangsu 2024: exactly 4 × ¥60,862).
 * Beyond, one of the two was mistyped, and a claim up to the wrong ceiling was offered small claims by consent, whose
 * judgment is final (para. 2).
 */
const CONSENT_ROUNDING_FEN = 400;

/** BAD_USER_INPUT naming every invalid field; the threshold as it will be recorded. */
export function checkThresholdRecord(input: ThresholdRecordInput): PublishedSmallClaimsThreshold {
  const fields: Record<string, string> = {};
  if (typeof input.provinceCode !== 'string' || !/^[0-9]{2}0000$/.test(input.provinceCode))
    fields.provinceCode = 'a 6-digit GB/T 2260 province code, e.g. 110000';
  if (!Number.isSafeInteger(input.year) || input.year < 2012 || input.year > 2100)
    fields.year = 'the year of docketing, 2012–2100 (small claims exist since the 2012 amendment)';
  const wholeFen = (v: unknown): v is Fen => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 && v <= MAX_FEN;
  if (!wholeFen(input.amountFen)) fields.amountFen = `whole fen, 1 to ${MAX_FEN}`;
  const ceiling = input.consentCeilingFen;
  if (ceiling === null || ceiling === undefined)
    fields.consentCeilingFen = `the notice's consent ceiling, ${SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE}% of the wage (${SMALL_CLAIMS_SOURCE} para. 2): ${CONSENT_MULTIPLE} × the rounded threshold can exceed it`;
  else if (!wholeFen(ceiling)) fields.consentCeilingFen = `whole fen, 1 to ${MAX_FEN}`;
  else if (wholeFen(input.amountFen) && Math.abs(ceiling - CONSENT_MULTIPLE * input.amountFen) > CONSENT_ROUNDING_FEN)
    fields.consentCeilingFen = `${CONSENT_MULTIPLE} × the threshold within ¥${CONSENT_ROUNDING_FEN / 100}: both are the same wage's ${SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE}% and ${SMALL_CLAIMS_CONSENT_PERCENT_OF_WAGE}% (${SMALL_CLAIMS_SOURCE}), each in whole yuan`;
  const effectiveFrom = input.effectiveFrom ?? null;
  if (effectiveFrom !== null && (!isIsoDate(effectiveFrom) || Number(effectiveFrom.slice(0, 4)) !== input.year))
    fields.effectiveFrom = 'a YYYY-MM-DD day of that year';
  const source = typeof input.source === 'string' ? input.source.trim() : '';
  if (source === '' || source.length > MAX_SOURCE)
    fields.source = `the high court's notice (title, number, date), 1–${MAX_SOURCE} characters`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The small-claims threshold is invalid', { fields });
  return {
    provinceCode: input.provinceCode,
    province: input.provinceCode,
    applicationYear: input.year,
    effectiveFrom: (effectiveFrom ?? `${input.year}-01-01`) as IsoDate,
    thresholdFen: input.amountFen,
    consentCeilingFen: ceiling as Fen,
    wageBasis: `${SMALL_CLAIMS_MANDATORY_PERCENT_OF_WAGE}% of the province's previous-year average annual wage of employed persons (${SMALL_CLAIMS_SOURCE}), as the notice gives it`,
    source,
  };
}

/**
 * Who records a province's figure: a court of that province (its registered court's province), or the hub's
 * admin. Anyone else, and a court of another province, is FORBIDDEN.
 */
export function assertMayRecordThreshold(
  identity: Identity,
  courtProvinceCode: string | null,
  provinceCode: string,
): void {
  if (identity.role === 'ADMIN') return;
  if (identity.role === 'COURT' && courtProvinceCode === provinceCode) return;
  throw new ForbiddenError("Only a court of that province, or the hub's admin, records its small-claims threshold");
}

/**
 * A court's record must not contradict a figure already known for the province and year (audit: one court could
 * otherwise change the procedure proposed on every other court's referrals of its province with a bogus figure). The
 * known figure is the one that applies, on the day the record would take effect, of the figures held in code
 * (statutes.ts, citing the high court's notice) and the records of every other party (the admin, another court; a
 * record kept without its organisation counts as another's): the record would replace it from that day on
 * (findSmallClaimsThreshold), so a different threshold or consent ceiling is THRESHOLD_CONTRADICTS_RECORD, naming the
 * figure and where it comes from. The same figure again is a confirmation, kept for the audit trail. A court may
 * record the first figure for days no figure covers (a year no one recorded, or the days before a notice took
 * effect), and correct its own records while no other party's stands over them. The admin records a correction over
 * anything: that is how a wrong figure, a court's or the code's, is put right.
 */
export function assertRecordAgreesWithKnownFigure(
  identity: Identity,
  record: PublishedSmallClaimsThreshold,
  recorded: readonly RecordedThreshold[],
): void {
  if (identity.role === 'ADMIN') return;
  const others = recorded.filter(
    (r) => !(r.recordedRole === identity.role && r.recordedOrganisation === identity.organisationId),
  );
  const known = findSmallClaimsThreshold(record.provinceCode, record.applicationYear, others, record.effectiveFrom);
  if (
    known === null ||
    (known.thresholdFen === record.thresholdFen && known.consentCeilingFen === record.consentCeilingFen)
  )
    return;
  const held = others.find((r) => r === known);
  throw litigationError(
    'THRESHOLD_CONTRADICTS_RECORD',
    `Province ${record.provinceCode}'s small-claims threshold for ${record.applicationYear} in force on ${record.effectiveFrom} is already known as ${known.thresholdFen} fen (consent up to ${known.consentCeilingFen}), ${held ? `recorded by ${held.recordedRole} ${held.recordedOrganisation ?? held.recordedBy}` : 'held in the hub from the published notice'}; only the hub's admin records a correction`,
    {
      provinceCode: record.provinceCode,
      year: record.applicationYear,
      contradicts: {
        amountFen: known.thresholdFen,
        consentCeilingFen: known.consentCeilingFen,
        effectiveFrom: known.effectiveFrom,
        source: known.source,
        heldIn: held ? 'RECORD' : 'STATUTES',
        recordedRole: held?.recordedRole ?? null,
        recordedOrganisation: held?.recordedOrganisation ?? null,
        recordedAt: held?.recordedAt.toISOString() ?? null,
      },
    },
  );
}
