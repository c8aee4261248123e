import { IsoDate, compareDates, isIsoDate } from '../../../kernel/calendar';
import { SHA256_HEX } from '../../../kernel/canonical-json';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity, coversDivision } from '../../../kernel/identity';
import { UTILITY_CUT_OFF_BAN, Utility } from './statutes';

/**
 * Civil Code art. 944 para. 3: "物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费". A company's collection
 * step that cuts a utility is refused (collection-action.ts); a cut-off that happened is evidence against the
 * company, reported by the street office of the area or by the area's committee on the day of the cut-off (owners' committee or
 * 物管会) with its date, the utility and the SHA-256 of the evidence, and counted in the company's record.
 */
export interface UtilityCutOffReport {
  companyId: string;
  areaId: string;
  occurredOn: string;
  utility: string;
  evidenceSha256: string;
  note?: string | null;
}

export interface UtilityViolation {
  id: string;
  companyId: string;
  areaId: string;
  streetCode: string;
  districtCode: string;
  occurredOn: IsoDate;
  utility: Utility;
  evidenceSha256: string;
  note: string | null;
  reportedByRole: string;
  reportedBy: string;
  recordedAt: Date;
  source: string;
}

const MAX_NOTE = 500;
const COMPANY_ID = /^[0-9A-Za-z._-]{1,64}$/;

/** BAD_USER_INPUT naming every invalid field: a known utility, a day not after today, the evidence's SHA-256. */
export function checkCutOffReport(
  report: UtilityCutOffReport,
  today: IsoDate,
): Required<Omit<UtilityCutOffReport, 'utility'>> & { utility: Utility } {
  const fields: Record<string, string> = {};
  if (typeof report.companyId !== 'string' || !COMPANY_ID.test(report.companyId))
    fields.companyId = "the company's organisation id (its registration)";
  if (!isIsoDate(report.occurredOn)) fields.occurredOn = 'a YYYY-MM-DD date';
  else if (compareDates(report.occurredOn, today) > 0) fields.occurredOn = `not after today (${today})`;
  const utilities: readonly string[] = UTILITY_CUT_OFF_BAN.utilities;
  if (!utilities.includes(report.utility)) fields.utility = `one of ${utilities.join(', ')}`;
  if (typeof report.evidenceSha256 !== 'string' || !SHA256_HEX.test(report.evidenceSha256))
    fields.evidenceSha256 = "the evidence file's SHA-256, 64 lower-case hex digits";
  const note = typeof report.note === 'string' ? report.note.trim() : '';
  if (note.length > MAX_NOTE) fields.note = `at most ${MAX_NOTE} characters`;
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The cut-off report is invalid', { fields });
  return { ...report, utility: report.utility as Utility, note: note === '' ? null : note };
}

/**
 * Who reports a cut-off: a street office or an owners' committee (the token's organisation is the body's id); a
 * company never reports against itself or another, and nobody else reports one: FORBIDDEN.
 */
export function assertReportsCutOffs(identity: Identity): void {
  if (identity.role === 'STREET_OFFICE' || identity.role === 'OWNERS_COMMITTEE') return;
  throw new ForbiddenError(
    "Only the area's street office or its owners' committee reports a utility cut-off against a company",
  );
}

/** In which area: its street office's, or that of a committee of the area (its mandate: committeeMandateProblem). */
export function mayReportCutOffIn(identity: Identity, area: { streetCode: string }, committeeOfArea: boolean): boolean {
  if (identity.role === 'STREET_OFFICE') return coversDivision(identity, area.streetCode);
  return identity.role === 'OWNERS_COMMITTEE' && committeeOfArea;
}

/** What arrears keeps of a committee's mandate (areas.governance.v1): the last day of its term, when it stood no more. */
export interface CommitteeMandate {
  /** The last day of its term; null when areas recorded none. */
  termEndsOn: IsoDate | null;
  /** Dissolved or succeeded: it stands no more from this day. */
  dissolvedOn: IsoDate | null;
}

/**
 * Why a committee has no mandate on `day`, or undefined: its term over (areas holds a committee standing past
 * termEndsOn TERM_EXPIRED and refuses its token: it acts without a mandate until re-formed or re-elected) or it
 * dissolved or succeeded. recordUtilityCutOff judges it on the day the committee reports, as areas judges its token:
 * the report is an act of the committee for the owners, whenever the cut-off was (a committee since dissolved, or
 * whose term has ended, cannot report one from its time either). Before, arrears kept no term and took the report of
 * a committee whose term had ended years before onto the company's credit record (helper-271's audit).
 */
export function committeeMandateProblem(committee: CommitteeMandate, day: IsoDate): string | undefined {
  if (committee.dissolvedOn && compareDates(committee.dissolvedOn, day) <= 0)
    return `the committee stood no more from ${committee.dissolvedOn}`;
  if (committee.termEndsOn && compareDates(committee.termEndsOn, day) < 0)
    return `the committee's term ended on ${committee.termEndsOn}`;
  return undefined;
}

/**
 * Who reads the violations: the reach of the collection-rate statistics (access.ts readScope 'STATISTICS'): the
 * admin all, the bureau those of its districts (the district bureau of the area), the street office those of its
 * streets, a company its own record.
 */
export const VIOLATION_READ_PURPOSE = 'STATISTICS' as const;
