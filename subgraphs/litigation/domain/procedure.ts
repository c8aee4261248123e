import { ProposedProcedure } from '../../../catalog';
import { DomainError, InvalidInputError } from '../../../kernel/errors';
import { Fen, formatYuan } from '../../../kernel/money';
import { IsoDate } from '../../../kernel/calendar';
import {
  ORDINARY_PROCEDURE_DECISION_MONTHS,
  PublishedSmallClaimsThreshold,
  SIMPLE_PROCEDURE_DECISION_MONTHS,
  SMALL_CLAIMS_CONVERSION_SOURCE,
  SMALL_CLAIMS_EXCLUSIONS,
  SMALL_CLAIMS_EXCLUSION_NAMES,
  SmallClaimsExclusion,
  smallClaimsThreshold,
} from './statutes';

/**
 * Which procedure a referred money claim goes to (Civil Procedure Law arts. 165–166). The claim is the amount in
 * dispute (标的额): fees and penalty, not the court costs. Every reason that bears on the answer is listed, so a clerk
 * sees both "the amount qualifies" and "but a party's whereabouts are unknown".
 */
export type Procedure = 'SMALL_CLAIMS' | 'SMALL_CLAIMS_BY_CONSENT' | 'SIMPLE_OR_ORDINARY';

/** The small-claims procedures (arts. 165–169), by amount or by the parties' consent. */
export const SMALL_CLAIMS_PROCEDURES: readonly string[] = ['SMALL_CLAIMS', 'SMALL_CLAIMS_BY_CONSENT'];
export const isSmallClaims = (procedure: string | null | undefined): boolean =>
  SMALL_CLAIMS_PROCEDURES.includes(procedure ?? '');

export type AmountReason =
  | 'AT_OR_BELOW_THRESHOLD'
  | 'ABOVE_THRESHOLD_WITH_CONSENT'
  | 'ABOVE_THRESHOLD_WITHOUT_CONSENT'
  | 'ABOVE_CONSENT_CEILING';

export interface ProcedureReason {
  code: AmountReason | SmallClaimsExclusion;
  message: string;
}

/** What the company states when it refers: whether both parties agreed to small claims, and the art. 166 exclusions. */
export interface SmallClaimsQuestion {
  bothPartiesConsent: boolean;
  exclusions: readonly SmallClaimsExclusion[];
}

/**
 * The question a referral was proposed on, where it was not stored (referrals before the columns): the exclusions its
 * reasons name, and consent only where a reason says it decided; unknown consent counts as none, so a correction never
 * proposes small claims above the threshold on a consent nobody recorded.
 */
export function questionOfReasons(reasons: readonly { code: string }[]): SmallClaimsQuestion {
  const codes = new Set(reasons.map((r) => r.code));
  return {
    bothPartiesConsent: codes.has('ABOVE_THRESHOLD_WITH_CONSENT'),
    exclusions: SMALL_CLAIMS_EXCLUSION_NAMES.filter((name) => codes.has(name)),
  };
}

export interface ProcedureInput {
  /** The province (GB/T 2260) whose high court's threshold applies: the one the area's city settings name. */
  provinceCode: string;
  docketYear: number;
  /**
   * The day the figure is applied on, in `docketYear`: a referral's day (a court dockets a green-channel referral
   * within days; its own choice of procedure at docketing prevails, courtChoseProcedure). Only a notice in force that
   * day applies.
   */
  docketOn?: IsoDate;
  claimFen: Fen;
  bothPartiesConsent: boolean;
  exclusions: readonly SmallClaimsExclusion[];
  /** Thresholds courts recorded for the province and year, oldest first; the latest applies (statutes.ts). */
  recordedThresholds?: readonly PublishedSmallClaimsThreshold[];
}

export interface ProcedureDecision {
  procedure: Procedure;
  thresholdFen: Fen;
  consentCeilingFen: Fen;
  /** Exclusions first (they decide), then the amount. */
  reasons: ProcedureReason[];
  source: string;
}

const yuan = (fen: Fen) => `¥${formatYuan(fen)}`;

/**
 * At exactly the threshold the claim is a small claim ("以下" includes the figure); one fen above, it is one only
 * with both parties' consent and only up to the published 200% ceiling, inclusive. Any art. 166 exclusion sends the
 * case to the simple or ordinary procedure whatever the amount or the parties' wishes. A province or year without a
 * published threshold is NO_SMALL_CLAIMS_THRESHOLD: the hub does not guess.
 */
export function decideProcedure(input: ProcedureInput): ProcedureDecision {
  const exclusions = validate(input);
  const published = smallClaimsThreshold(
    input.provinceCode,
    input.docketYear,
    input.recordedThresholds ?? [],
    input.docketOn,
  );
  const { thresholdFen, consentCeilingFen } = published;
  const claim = input.claimFen;

  const reasons: ProcedureReason[] = exclusions.map((code) => ({
    code,
    message: `Excluded from small claims by ${SMALL_CLAIMS_EXCLUSIONS[code]}`,
  }));
  let byAmount: Procedure;
  if (claim <= thresholdFen) {
    byAmount = 'SMALL_CLAIMS';
    reasons.push({
      code: 'AT_OR_BELOW_THRESHOLD',
      message: `The claim ${yuan(claim)} is at or below the threshold ${yuan(thresholdFen)} (art. 165)`,
    });
  } else if (claim > consentCeilingFen) {
    byAmount = 'SIMPLE_OR_ORDINARY';
    reasons.push({
      code: 'ABOVE_CONSENT_CEILING',
      message: `The claim ${yuan(claim)} is above the consent ceiling ${yuan(consentCeilingFen)} (art. 165)`,
    });
  } else if (input.bothPartiesConsent) {
    byAmount = 'SMALL_CLAIMS_BY_CONSENT';
    reasons.push({
      code: 'ABOVE_THRESHOLD_WITH_CONSENT',
      message: `The claim ${yuan(claim)} is above ${yuan(thresholdFen)} but at or below ${yuan(consentCeilingFen)}, and both parties agreed to small claims (art. 165)`,
    });
  } else {
    byAmount = 'SIMPLE_OR_ORDINARY';
    reasons.push({
      code: 'ABOVE_THRESHOLD_WITHOUT_CONSENT',
      message: `The claim ${yuan(claim)} is above ${yuan(thresholdFen)}; small claims up to ${yuan(consentCeilingFen)} need both parties' consent (art. 165)`,
    });
  }
  return {
    procedure: exclusions.length > 0 ? 'SIMPLE_OR_ORDINARY' : byAmount,
    thresholdFen,
    consentCeilingFen,
    reasons,
    source: published.source,
  };
}

/** What the hub proposes to the court, with the reasons a clerk reads. */
export interface ProcedureProposal {
  procedure: ProposedProcedure;
  reasons: { code: string; message: string }[];
}

/**
 * decideProcedure for a referral: where no threshold is published for the court's province and year, the court
 * decides (UNDETERMINED, with NO_SMALL_CLAIMS_THRESHOLD as the reason) and the hub does not guess.
 */
export function proposeProcedure(input: ProcedureInput): ProcedureProposal {
  try {
    const decision = decideProcedure(input);
    return { procedure: decision.procedure, reasons: decision.reasons };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NO_SMALL_CLAIMS_THRESHOLD') {
      return { procedure: 'UNDETERMINED', reasons: [{ code: error.code, message: error.message }] };
    }
    throw error;
  }
}

/**
 * Once the court has docketed the case under a procedure of its choosing, the hub's proposal and its reasons (such as
 * NO_SMALL_CLAIMS_THRESHOLD) are history: the reasons become the court's choice.
 */
export function courtChoseProcedure(procedure: string): ProcedureProposal['reasons'] {
  return [{ code: 'CHOSEN_BY_COURT', message: `The court docketed the case under the ${procedure} procedure` }];
}

/**
 * The reasons once the court converted a small claim (art. 169): tried under the simple procedure's other rules or
 * the ordinary procedure, its decision period no longer art. 168's and its judgment appealable.
 */
export function courtConvertedProcedure(on: string): ProcedureProposal['reasons'] {
  return [
    {
      code: 'CONVERTED_BY_COURT',
      message:
        `On ${on} the court converted the small claim to the simple or ordinary procedure (${SMALL_CLAIMS_CONVERSION_SOURCE}): ` +
        `decided within ${SIMPLE_PROCEDURE_DECISION_MONTHS} months of docketing under the simple procedure or ` +
        `${ORDINARY_PROCEDURE_DECISION_MONTHS} under the ordinary, and the judgment may be appealed`,
    },
  ];
}

/** Input errors are BAD_USER_INPUT by field; the exclusions come back deduplicated in the statute's order. */
function validate(input: ProcedureInput): SmallClaimsExclusion[] {
  const fields: Record<string, string> = {};
  if (!Number.isSafeInteger(input.claimFen) || input.claimFen < 1)
    fields.claimFen = 'the claim must be whole fen, 1 or more';
  if (!Number.isSafeInteger(input.docketYear) || input.docketYear < 1000 || input.docketYear > 9999)
    fields.docketYear = 'the docket year must be a four-digit year';
  if (input.docketOn !== undefined && input.docketOn.slice(0, 4) !== String(input.docketYear))
    fields.docketOn = 'the docket day must be in the docket year';
  if (typeof input.bothPartiesConsent !== 'boolean')
    fields.bothPartiesConsent = 'say whether both parties agreed to small claims';
  const given = Array.isArray(input.exclusions) ? input.exclusions : null;
  if (!given || given.some((e) => !SMALL_CLAIMS_EXCLUSION_NAMES.includes(e))) {
    fields.exclusions = `exclusions must be a list of ${SMALL_CLAIMS_EXCLUSION_NAMES.join(', ')}`;
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The procedure question is invalid', { fields });
  return SMALL_CLAIMS_EXCLUSION_NAMES.filter((name) => given?.includes(name));
}

/**
 * The proposal where no city settings known to litigation name the small-claims province of the area's district:
 * UNDETERMINED, the court decides; the hub does not take the court's province or guess one.
 */
export function withoutProvince(districtCode: string): ProcedureProposal {
  return {
    procedure: 'UNDETERMINED',
    reasons: [
      {
        code: 'NO_SMALL_CLAIMS_PROVINCE',
        message: `No city settings name the small-claims province of district ${districtCode} (Civil Procedure Law art. 165); the court decides`,
      },
    ],
  };
}
