import type { EntityManager } from '@mikro-orm/postgresql';
import { UTILITY_CUT_OFF_REPORTED } from '../../../catalog';
import { recordEvent } from '../../../platform/events/outbox';
import { utilityCutOffReported } from '../events/publish/violation-events';
import { todayInChina } from '../../../kernel/clock';
import { ForbiddenError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { Page, checkPage } from '../../../kernel/pagination';
import { readScope } from '../domain/access';
import { servesDay } from '../domain/billing';
import { arrearsError } from '../domain/errors';
import { UTILITY_CUT_OFF_BAN } from '../domain/statutes';
import {
  UtilityCutOffReport,
  UtilityViolation,
  VIOLATION_READ_PURPOSE,
  assertReportsCutOffs,
  checkCutOffReport,
  committeeMandateProblem,
  mayReportCutOffIn,
} from '../domain/utility-violation';
import { BillingAreaSchema } from '../persistence/billing-area.entity';
import { findFilingInForce } from '../persistence/filing.repository';
import { findCommitteeOf } from '../persistence/governance-view.repository';
import { insertViolation, pageViolations, sameViolation } from '../persistence/utility-violation.repository';
import { isUuid } from '../../../kernel/uuid';

/**
 * The street office of the area, or its committee while it holds a mandate (committeeMandateProblem, today), records a utility cut-off reported against the
 * company serving the area (Civil Code art. 944 para. 3): kept as evidence with the evidence file's SHA-256 and
 * counted in the company's record; published (arrears.violations.v1) for the company's credit record. An area the caller cannot report in is NOT_FOUND to it.
 * The same cut-off with the same evidence file reported again is recorded once: the answer is the first record.
 */
export async function recordUtilityCutOff(
  em: EntityManager,
  identity: Identity,
  report: UtilityCutOffReport,
): Promise<UtilityViolation> {
  assertReportsCutOffs(identity);
  const today = todayInChina();
  const checked = checkCutOffReport(report, today);
  return em.transactional(async (tx) => {
    const area = isUuid(checked.areaId) ? await tx.findOne(BillingAreaSchema, { areaId: checked.areaId }) : null;
    const committee =
      area && identity.role === 'OWNERS_COMMITTEE'
        ? await findCommitteeOf(tx, identity.organisationId, area.areaId)
        : null;
    // another street's office or another area's committee is told what it would be told of no area at all
    if (!area || !mayReportCutOffIn(identity, area, !!committee)) throw new NotFoundError('Area', checked.areaId);
    const noMandate = committee && committeeMandateProblem(committee, today, area.districtCode);
    if (noMandate)
      throw new ForbiddenError(`No mandate on ${today}: ${noMandate}; the area's street office reports the cut-off`);
    // The company must have served the area on the cut-off's day, not just in its month: a company whose contract
    // began later in the month (or ended earlier in it) did not cut anything off that day, and the record is public.
    // Before, only the month was checked (helper-268's audit; test/arrears-cut-off-served-day.it.test.ts).
    const inForce = await findFilingInForce(tx, checked.companyId, area.areaId, checked.occurredOn.slice(0, 7));
    if (!inForce || !servesDay(inForce.spans, checked.occurredOn)) {
      throw arrearsError(
        'NOT_THE_AREAS_COMPANY',
        `Company ${checked.companyId} had no accepted contract serving the area on ${checked.occurredOn}`,
        {
          companyId: checked.companyId,
          areaId: area.areaId,
        },
      );
    }
    const violation = {
      ...checked,
      streetCode: area.streetCode,
      districtCode: area.districtCode,
      reportedByRole: identity.role,
      reportedBy: identity.organisationId,
      recordedBy: identity.subject,
    };
    // The same report sent again (a retry after a timeout, a double click) answers with the one recorded: before, each
    // copy was recorded and became another entry on the company's public credit record.
    const recorded = await sameViolation(tx, violation);
    if (recorded) return recorded;
    const id = await insertViolation(tx, violation);
    // The company's credit record is kept by contracts: the report goes there by event, in this transaction.
    recordEvent(tx, UTILITY_CUT_OFF_REPORTED, {
      source: 'arrears',
      key: violation.companyId,
      subject: id,
      data: utilityCutOffReported({ ...violation, id }),
    });
    return { ...violation, id, recordedAt: new Date(), source: UTILITY_CUT_OFF_BAN.source };
  });
}

/** The utility cut-offs on a company's record the caller may read (the bureaus' reach), latest first. */
export async function companyViolations(
  em: EntityManager,
  identity: Identity,
  companyId: string | null,
  page: Page,
): Promise<{ items: UtilityViolation[]; totalCount: number }> {
  checkPage(page);
  const scope = readScope(identity, VIOLATION_READ_PURPOSE);
  if (!scope) return { items: [], totalCount: 0 };
  return pageViolations(em, scope, companyId, page);
}
