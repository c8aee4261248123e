import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInChina } from '../../../kernel/clock';
import { compareDates, isIsoDate } from '../../../kernel/calendar';
import { InvalidInputError, NotFoundError } from '../../../kernel/errors';
import { Identity } from '../../../kernel/identity';
import { BUREAU_RECORDED_KINDS, BureauRecordedKind, isCityBureauOf, requireText } from '../domain/credit';
import { findAreaView } from '../persistence/area-view.repository';
import { CreditEntry, companyFiledInArea, findCreditEntry } from '../persistence/credit-entry.repository';
import { creditCityOf, recordCreditEntry } from './credit-entry.record';
import { keyReusedFor, transactionOnce } from '../../../platform/db/idempotency';
import { contractsError } from '../domain/errors';

export interface CreditFindingInput {
  companyId: string;
  areaId: string;
  kind: BureauRecordedKind;
  occurredOn: string;
  legalBasis: string;
  note?: string | null;
}

/**
 * The bureau of the area's city (its filing reviewer role over the district) records a finding against a company
 * that filed a contract of the area: an unlawful collection measure (a utility cut-off, Civil Code art. 944 para. 3)
 * or another finding, each with its legal basis. Anyone else, or an area or company outside that reach, NOT_FOUND.
 */
export async function recordCreditFinding(
  em: EntityManager,
  identity: Identity,
  input: CreditFindingInput,
  /**
   * With a key, a retry (a lost answer: SUBGRAPH_TIMEOUT or TEMPORARILY_UNAVAILABLE tell the client to retry)
   * returns the entry recorded the first time; before, each retry put the same finding on the record again.
   */
  idempotencyKey?: string | null,
): Promise<CreditEntry> {
  const today = todayInChina();
  const fields: Record<string, string> = {};
  if (!BUREAU_RECORDED_KINDS.includes(input.kind)) fields.kind = `one of ${BUREAU_RECORDED_KINDS.join(', ')}`;
  if (!isIsoDate(input.occurredOn) || compareDates(input.occurredOn, today) > 0)
    fields.occurredOn = 'a date, not in the future';
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The finding is invalid', { fields });
  const { legalBasis } = requireText({ legalBasis: input.legalBasis });
  const optionalKey = {
    scope: 'credit-finding',
    ownerId: identity.organisationId,
    key: idempotencyKey,
    content: () => ({
      companyId: input.companyId,
      areaId: input.areaId.toLowerCase(),
      kind: input.kind,
      occurredOn: input.occurredOn,
      legalBasis,
      note: input.note?.trim() || null,
    }),
    reused: keyReusedFor(contractsError, 'finding'),
  };
  const recordedId = await transactionOnce(em, optionalKey, async (tx) => {
    const area = await findAreaView(tx, input.areaId);
    const city = area && (await creditCityOf(tx, area.districtCode));
    if (!area || !city || !isCityBureauOf(identity, area, city.filingReviewerRole))
      throw new NotFoundError('Area', input.areaId);
    if (!(await companyFiledInArea(tx, input.companyId, area.areaId)))
      throw new NotFoundError('Company', input.companyId.slice(0, 100));
    const id = await recordCreditEntry(
      tx,
      {
        areaId: area.areaId,
        streetCode: area.streetCode,
        districtCode: area.districtCode,
        subjectKind: 'COMPANY',
        companyId: input.companyId,
        householdId: null,
        courtId: null,
        caseNumber: null,
        referralId: null,
        filingId: null,
        filingVersion: null,
        kind: input.kind,
        legalBasis,
        occurredOn: input.occurredOn,
        source: `finding of ${identity.organisationId}`,
        note: input.note?.trim() || null,
      },
      city,
      today,
    );
    if (!id) throw new Error('The credit finding was not recorded');
    return id;
  });
  const entry = await findCreditEntry(em, recordedId);
  if (!entry) throw new Error(`Credit entry ${recordedId} is missing`);
  return entry;
}
