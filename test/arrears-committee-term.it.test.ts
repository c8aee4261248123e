import { randomUUID } from 'node:crypto';
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

  it('takes an unknown term to end on the statutory maximum: a committee kept without one reports no cut-off past it', async () => {
    // Two owners' committees of the area as arrears kept them before it held terms (term_ends_on null): recorded
    // 2021-11-30 and 2021-12-01. Five years at most (Beijing art. 41 para. 1): the first's ended 2026-11-30, the day
    // before today; the second's runs to today, 2026-12-01. Before, a null term was no end and both reported.
    const [old, recent] = [randomUUID(), randomUUID()];
    for (const [bodyId, formedOn] of [
      [old, '2021-11-30'],
      [recent, '2021-12-01'],
    ])
      await t.sql(
        `insert into arrears.committee_view (body_id, area_id, kind, formed_on, term_ends_on)
         values ($1, $2, 'OWNERS_COMMITTEE', $3, null)`,
        [bodyId, areaId, formedOn],
      );
    const CUT = `mutation($r: UtilityCutOffInput!) { recordUtilityCutOff(report: $r) { id reportedByRole reportedBy } }`;
    const report = (sha: string) => ({
      r: {
        companyId: company.organisationId,
        areaId,
        occurredOn: addDays(today, -1),
        utility: 'WATER',
        evidenceSha256: sha.repeat(64),
      },
    });
    const refused = await fails(identity('OWNERS_COMMITTEE', old), CUT, report('c'));
    expect(refused.extensions.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/longest it could have run ended on 2026-11-30/);
    const { recordUtilityCutOff } = await ok(identity('OWNERS_COMMITTEE', recent), CUT, report('d'));
    expect(recordUtilityCutOff).toMatchObject({ reportedByRole: 'OWNERS_COMMITTEE', reportedBy: recent });
    expect(await t.sql(`select reported_by from arrears.utility_violation`)).toEqual([{ reported_by: recent }]);
  });

  it("areas records an owners' committee given no term to the statute's ceiling, and arrears holds it to that day", async () => {
    // Recorded 2021-06-01 without a term, no election day known: five years from the recording at most (Beijing art.
    // 41 para. 1), to 2021-06-01 + 5 years. Before, no term was recorded or published, and it stood for ever.
    const RECORD = `mutation($i: RecordOwnersCommitteeInput!) { recordOwnersCommittee(input: $i) { id termEndsOn termExpired } }`;
    const members = Array.from({ length: 5 }, (_, i) => ({ name: `委员 ${i + 1}`, seat: 'OWNER' }));
    const { recordOwnersCommittee: first } = await ok(GUANGWAI_OFFICE, RECORD, {
      i: { areaId, recordedOn: '2021-06-01', members },
    });
    expect(first).toMatchObject({ termEndsOn: '2026-06-01', termExpired: true });
    const termInArrears = async (bodyId: string) =>
      (
        await t.sql<{ term_ends_on: string }>(
          `select term_ends_on::text as term_ends_on from arrears.committee_view where body_id = $1`,
          [bodyId],
        )
      )[0]?.term_ends_on;
    await waitFor('arrears to know the committee', () => termInArrears(first.id));
    expect(await termInArrears(first.id)).toBe('2026-06-01');
    const CUT = `mutation($r: UtilityCutOffInput!) { recordUtilityCutOff(report: $r) { reportedBy } }`;
    const report = (sha: string) => ({
      r: {
        companyId: company.organisationId,
        areaId,
        occurredOn: today,
        utility: 'GAS',
        evidenceSha256: sha.repeat(64),
      },
    });
    const refused = await fails(identity('OWNERS_COMMITTEE', first.id), CUT, report('e'));
    expect(refused.extensions.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/term ended on 2026-06-01/);
    // One recorded so before areas recorded the ceiling (its term null there) is held to the same day: past it, it is
    // termExpired and its token records no joint decision (before, neither: it stood without end).
    await t.sql(`update areas.governance_body set term_ends_on = null where id = $1`, [first.id]);
    const { area } = await ok(
      GUANGWAI_OFFICE,
      `query($a: ID!) { area(id: $a) { governanceBodies { id termEndsOn termExpired } } }`,
      { a: areaId },
    );
    expect(area.governanceBodies.find((b: { id: string }) => b.id === first.id)).toEqual({
      id: first.id,
      termEndsOn: null,
      termExpired: true,
    });
    const decided = await fails(
      identity('OWNERS_COMMITTEE', first.id),
      `mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { id } }`,
      {
        i: {
          areaId,
          matter: 'RAISE_MAINTENANCE_FUND',
          heldOn: addDays(today, -3),
          tally: {
            totalOwners: 100,
            totalArea: '10000.00',
            participatingOwners: 80,
            participatingArea: '8000.00',
            consentingOwners: 70,
            consentingArea: '7000.00',
          },
        },
      },
    );
    expect(decided.extensions.code).toBe('FORBIDDEN');
    expect(decided.message).toMatch(/term ended on 2026-06-01/);
    // Its successor (换届), recorded 2024-03-01 without a term: to 2029-03-01, so it reports today.
    const { recordOwnersCommittee: next } = await ok(GUANGWAI_OFFICE, RECORD, {
      i: { areaId, recordedOn: '2024-03-01', members },
    });
    expect(next).toMatchObject({ termEndsOn: '2029-03-01', termExpired: false });
    await waitFor('arrears to know the successor', () => termInArrears(next.id));
    const { recordUtilityCutOff } = await ok(identity('OWNERS_COMMITTEE', next.id), CUT, report('f'));
    expect(recordUtilityCutOff).toEqual({ reportedBy: next.id });
  });
});
