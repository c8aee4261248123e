import { addMonths } from '../kernel/calendar';
import { SERVING_PROVIDER } from '../subgraphs/areas/persistence/filing-snapshot.sql';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// A contract filed late and accepted on 1 December 2026, and an amendment of its fee rate filed and accepted the same
// day (then a second one, also that day): the contracts subgraph publishes each acceptance on contracts.filings.v1,
// and arrears, areas (and litigation and complaints) tell the version in force from their snapshots of it. Before,
// "no later version accepted" compared the acceptance dates alone, so both versions of the day counted as in force.
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);
const firstMonth = addMonths(thisMonth, -6);
const company = identity('PROPERTY_COMPANY', '91110102MA0000SAME1');

const AMEND = `mutation($c: ID!, $k: Key!, $on: LocalDate!, $t: ContractTermsInput!, $d: [FilingDocumentInput!]!) {
  amendContract(contractId: $c, idempotencyKey: $k, amendedOn: $on, terms: $t, documents: $d) { id } }`;
const ACCEPT = `mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { id acceptedOn status } }`;

describe('a fee-rate amendment accepted the day the contract was accepted', () => {
  let t: TestHub;
  const { ok } = gqlExpectations(() => t);
  let areaId: string;
  let contractId: string;
  let original: string;

  const termsAt = (ownerRate: number) =>
    hongjuTerms(company, firstMonth, {
      number: 'HJ6-SAME-01',
      feeSchedule: {
        classes: [
          {
            buildingClass: 'LOW_RISE',
            assessedRateFenPerM2Month: 178,
            ownerRateFenPerM2Month: ownerRate,
            subsidies: [],
          },
        ],
      },
    });
  /** Files an amendment at `ownerRate` today, accepted by the street office today: its filing id. */
  const amendedTo = async (ownerRate: number, key: string): Promise<string> => {
    const { amendContract } = await ok(company, AMEND, {
      c: contractId,
      k: key,
      on: today,
      t: termsAt(ownerRate),
      d: [{ name: '补充协议.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'e'.repeat(64) }],
    });
    const { acceptFiling } = await ok(GUANGWAI_OFFICE, ACCEPT, { f: amendContract.id });
    expect(acceptFiling).toEqual({ id: amendContract.id, acceptedOn: today, status: 'ACCEPTED' });
    for (const schema of ['arrears', 'areas'])
      await waitFor(`${schema} to hold amendment ${key}`, async () => {
        const rows = await t.sql(
          `select 1 from ${schema}.filing_snapshot where filing_id = $1 and status = 'ACCEPTED' and sequence > 0`,
          [amendContract.id],
        );
        const amended = await t.sql(
          `select 1 from ${schema}.filing_snapshot where contract_id = $1 and status = 'SUPERSEDED'`,
          [contractId],
        );
        return rows.length === 1 && amended.length > 0;
      });
    return amendContract.id;
  };
  /** The filings the areas subgraph's servesOnSql takes as serving the area today (one per contract). */
  const servingToday = async () =>
    (
      await t.sql<{ filing_id: string }>(
        `select f.filing_id from areas.filing_snapshot f where f.area_id = $2 and ${SERVING_PROVIDER.replace('?', '$1')}`,
        [today, areaId],
      )
    ).map((r) => r.filing_id);
  /** The filings and owner rates a month's service fees were billed under. */
  const billedUnder = async (month: string) =>
    t.sql<{ filing_id: string; rate_fen: number }>(
      `select distinct filing_id, rate_fen from arrears.charge where area_id = $1 and month = $2 and kind = 'SERVICE_FEE'`,
      [areaId, month],
    );

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    const given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    ({ contractId, filingId: original } = await given.acceptedFiling(company, areaId, termsAt(100), {
      knownTo: ['arrears', 'areas'],
    }));
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("bills the month beginning on the acceptance day at the amendment's rate, the months before at the original's, and the area has one provider's filing", async () => {
    // The contracts subgraph allows it: both versions accepted on 1 December.
    const amendment = await amendedTo(150, 'same-day-1');
    const accepted = await t.sql<{ id: string; accepted_on: string }>(
      `select id, accepted_on::text from contracts.filing where contract_id = $1 order by created_at`,
      [contractId],
    );
    expect(accepted.map((f) => f.accepted_on)).toEqual([today, today]);

    await scenario(t).billedMonths(company, areaId, [addMonths(thisMonth, -1), thisMonth]);
    expect({
      // Before, both versions were "in force" (no version accepted on a later day): two filings served the area.
      serving: await servingToday(),
      // November began before either was accepted: the contract's first version covers it (filed after it began).
      november: await billedUnder(addMonths(thisMonth, -1)),
      // December begins on the day both were accepted: the amendment is in force on its first day.
      december: await billedUnder(thisMonth),
    }).toEqual({
      serving: [amendment],
      november: [{ filing_id: original, rate_fen: 100 }],
      december: [{ filing_id: amendment, rate_fen: 150 }],
    });
  });

  it('takes the last of two amendments accepted the same day', async () => {
    const second = await amendedTo(170, 'same-day-2');
    expect(await servingToday()).toEqual([second]);
    const versions = await t.sql<{ status: string }>(
      `select status from areas.filing_snapshot where contract_id = $1 order by status`,
      [contractId],
    );
    expect(versions.map((v) => v.status)).toEqual(['ACCEPTED', 'SUPERSEDED', 'SUPERSEDED']);
  });
});
