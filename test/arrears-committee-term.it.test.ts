import { addDays, addMonths } from '../kernel/calendar';
import { TestHub, identity, startTestHub, pinTestToday } from './support/hub-fixture';
import { GUANGWAI_OFFICE, HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';

// helper-271's audit: what areas decided about a committee's term that arrears' copy of the committee must reflect.
const company = identity('PROPERTY_COMPANY', '91110102MA0000A271');
const today = pinTestToday('2026-12-01');
const thisMonth = today.slice(0, 7);

describe('arrears (helper-271): a committee reports a cut-off only within its term', () => {
  let t: TestHub;
  let areaId: string;
  let given: ReturnType<typeof scenario>;
  const { ok, fails } = gqlExpectations(() => t);

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    given = scenario(t);
    ({ areaId } = await given.compound(HONGJU, { knownTo: ['contracts', 'arrears'] }));
    await given.acceptedFiling(
      company,
      areaId,
      hongjuTerms(company, addMonths(thisMonth, -3), { number: 'HJ6-A271-01' }),
      {
        knownTo: ['arrears'],
      },
    );
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('a committee whose term ended (no mandate in areas) cannot put a cut-off on the company’s credit record through arrears', async () => {
    // Seed 000's 物管会: formed 2020-05-30, term to 2023-05-29, never succeeded: areas holds it TERM_EXPIRED and
    // refuses its token for joint decisions ("acts without a mandate until re-formed or re-elected").
    await given.committee(areaId, HONGJU);
    const { area } = await ok(
      GUANGWAI_OFFICE,
      `query($a: ID!) { area(id: $a) { governanceBodies { id termEndsOn termExpired } } }`,
      {
        a: areaId,
      },
    );
    const body = area.governanceBodies[0];
    expect(body).toMatchObject({ termEndsOn: '2023-05-29', termExpired: true });
    await waitFor('arrears to know the committee', async () =>
      (await t.sql(`select 1 from arrears.committee_view where body_id = $1`, [body.id])).length > 0 ? true : undefined,
    );
    const CUT = `mutation($r: UtilityCutOffInput!) { recordUtilityCutOff(report: $r) { id reportedByRole } }`;
    const refused = await fails(identity('OWNERS_COMMITTEE', body.id), CUT, {
      r: {
        companyId: company.organisationId,
        areaId,
        occurredOn: addDays(today, -2),
        utility: 'POWER',
        evidenceSha256: 'a'.repeat(64),
        note: '停电催费',
      },
    });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(refused.extensions.code);
    // nor one from its term: its mandate is judged on the day it reports, as areas judges its token (helper-283)
    const fromItsTerm = await fails(identity('OWNERS_COMMITTEE', body.id), CUT, {
      r: {
        companyId: company.organisationId,
        areaId,
        occurredOn: '2023-05-01',
        utility: 'POWER',
        evidenceSha256: 'b'.repeat(64),
        note: '停电催费',
      },
    });
    expect(fromItsTerm.extensions.code).toBe('FORBIDDEN');
    expect(await t.sql(`select 1 from arrears.utility_violation`)).toHaveLength(0);
  });
});
