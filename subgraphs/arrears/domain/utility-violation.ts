import { IsoDate, addYears, compareDates, isIsoDate } from '../../../kernel/calendar';
import { SHA256_HEX } from '../../../kernel/canonical-json';
import { ForbiddenError, InvalidInputError } from '../../../kernel/errors';
import { Identity, coversDivision } from '../../../kernel/identity';
import { COMMITTEE_MAX_TERM, UTILITY_CUT_OFF_BAN, Utility } from './statutes';

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

/** What arrears keeps of a committee's mandate (areas.governance.v1): its kind, when it was formed, its term's end, when it stood no more. */
export interface CommitteeMandate {
  /** OWNERS_COMMITTEE or PROPERTY_MANAGEMENT_COMMITTEE (catalog GOVERNANCE_BODY_KINDS). */
  kind: string;
  /** Formed (a 物管会) or recorded (an owners' committee): the day arrears counts an unknown term from. */
  formedOn: IsoDate;
  /** The last day of its term; null when arrears holds none (kept before the column, or published without one). */
  termEndsOn: IsoDate | null;
  /** Dissolved or succeeded: it stands no more from this day. */
  dissolvedOn: IsoDate | null;
}

/**
 * The last day of the committee's term: the one held, else the latest its term can have run under the statute
 * (statutes.ts COMMITTEE_MAX_TERM: an owners' committee five years from its recording, a 物管会 in Beijing three from
 * its formation, to the corresponding day, Civil Code art. 202). Null where neither is known (a 物管会 outside
 * Beijing without a held term): it has no mandate arrears can show. Before, an unknown term was taken as no end, and
 * a committee whose term had ended years before still put cut-offs on the company's credit record.
 */
export function mandateEndsOn(
  committee: Pick<CommitteeMandate, 'kind' | 'formedOn' | 'termEndsOn'>,
  districtCode: string,
): { endsOn: IsoDate; held: boolean } | null {
  if (committee.termEndsOn) return { endsOn: committee.termEndsOn, held: true };
  const max = (COMMITTEE_MAX_TERM as Record<string, (typeof COMMITTEE_MAX_TERM)[keyof typeof COMMITTEE_MAX_TERM]>)[
    committee.kind
  ];
  if (!max || (max.divisions !== null && !max.divisions.some((d) => districtCode.startsWith(d)))) return null;
  return { endsOn: addYears(committee.formedOn, max.years), held: false };
}

/**
 * Why a committee has no mandate on `day`, or undefined: its term over (areas holds a committee standing past
 * termEndsOn TERM_EXPIRED and refuses its token: it acts without a mandate until re-formed or re-elected), its term
 * unknown and past the statutory maximum (mandateEndsOn), or not to be known at all, or it dissolved or succeeded.
 * recordUtilityCutOff judges it on the day the committee reports, as areas judges its token: the report is an act of
 * the committee for the owners, whenever the cut-off was (a committee since dissolved, or whose term has ended, cannot
 * report one from its time either). Before, arrears kept no term and took the report of a committee whose term had
 * ended years before onto the company's credit record (helper-271's audit).
 */
export function committeeMandateProblem(
  committee: CommitteeMandate,
  day: IsoDate,
  districtCode: string,
): string | undefined {
  if (committee.dissolvedOn && compareDates(committee.dissolvedOn, day) <= 0)
    return `the committee stood no more from ${committee.dissolvedOn}`;
  const term = mandateEndsOn(committee, districtCode);
  if (!term)
    return `no term of the committee is held and the hub knows no statutory maximum for it where the area lies`;
  if (compareDates(term.endsOn, day) < 0)
    return term.held
      ? `the committee's term ended on ${term.endsOn}`
      : `no term of the committee is held, and the longest it could have run ended on ${term.endsOn} (${COMMITTEE_MAX_TERM[committee.kind as keyof typeof COMMITTEE_MAX_TERM].source})`;
  return undefined;
}

/**
 * Who reads the violations: the reach of the collection-rate statistics (access.ts readScope 'STATISTICS'): the
 * admin all, the bureau those of its districts (the district bureau of the area), the street office those of its
 * streets, a company its own record.
 */
export const VIOLATION_READ_PURPOSE = 'STATISTICS' as const;
