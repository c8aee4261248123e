import { randomUUID } from 'node:crypto';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { expectValidEvent } from './support/event-schema';
import { TestHub, identity, pinTestToday, startTestHub } from './support/hub-fixture';
import { probeTopics } from './support/kafka-probe';
import { HONGJU, gqlExpectations, hongjuTerms, scenario } from './support/scenario';
import { waitFor } from './support/wait-for';
import { FICTITIOUS_2027, committeeFormedPastTheData } from './support/fictitious-2027';

// The hub's today: a contract signed the day before has its 15-day filing deadline past the packaged holiday data
// (2026-12-24), the time bomb this file is about.
pinTestToday('2026-12-21');

const admin = identity('ADMIN', 'hub-operator');
const company = identity('PROPERTY_COMPANY', '91110102MA0000000H');
const guangwai = DEMO_STREETS[0].office; // 红居南街6号院

const RECORD = `mutation($a: HolidayArrangementInput!) { recordHolidayArrangement(arrangement: $a) {
  year version recordedBy weekendWorkingDays daysOff { from to } source { title documentNumber publishedOn url } note } }`;
const CALENDAR = '{ holidayCalendar { from to nextYearToRecord recordedYears { year version } } }';
const FILING = 'query($f: ID!) { filing(id: $f) { deadline deadlineProvisional deadlineAwaitsHolidayYear late } }';
const COMMITTEE = `query($a: ID!) { area(id: $a) { governanceBodies { kind filingDeadline filingDeadlineProvisional } } }`;

describe('the holiday calendar beyond the packaged years, recorded by the admin', () => {
  let t: TestHub;
  let probe: Awaited<ReturnType<typeof probeTopics>>;
  const { ok, fails } = gqlExpectations(() => t);
  let filingId: string;
  let committeeAreaId: string;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    probe = await probeTopics(t.brokers, [
      `${t.topicPrefix}contracts.holiday-calendar.v1`,
      `${t.topicPrefix}contracts.filings.v1`,
    ]);
    const { areaId } = await scenario(t).compound(HONGJU, { knownTo: ['contracts'] });
    // Signed Sunday 2026-12-20: day 15 is Monday 2027-01-04, past the data.
    const { draftContract } = await ok(
      company,
      'mutation($a: ID!, $t: ContractTermsInput!) { draftContract(areaId: $a, terms: $t) { id } }',
      { a: areaId, t: hongjuTerms(company, '2027-01', { signedOn: '2026-12-20' }) },
    );
    const { submitFiling } = await ok(
      company,
      `mutation($c: ID!, $k: Key!, $d: [FilingDocumentInput!]!) { submitFiling(contractId: $c, idempotencyKey: $k, documents: $d) {
        id deadline deadlineProvisional deadlineAwaitsHolidayYear late } }`,
      {
        c: draftContract.id,
        k: randomUUID(),
        d: [{ name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 1000, sha256: 'a'.repeat(64) }],
      },
    );
    filingId = submitFiling.id;
    // Filed on the 21st, within the plain 15 days: on time without the 2027 notice, the deadline shown provisional.
    expect(submitFiling).toMatchObject({
      deadline: '2027-01-04',
      deadlineProvisional: true,
      deadlineAwaitsHolidayYear: 2027,
      late: false,
    });
    const { registerArea } = await ok(
      guangwai,
      'mutation { registerArea(input: { name: "红居南街6号院 假期测试区", districtCode: "110102", streetCode: "110102020" }) { id } }',
    );
    committeeAreaId = registerArea.id;
    // Its owners' assembly on record, so the committee's 30-day filing period runs (Beijing art. 55 para. 1).
    // Formed 2026-12-04: day 30 is Sunday 2027-01-03.
    await committeeFormedPastTheData(ok, guangwai, committeeAreaId);
  });

  afterAll(async () => {
    await probe?.stop();
    await t?.stop();
  });

  it('refuses everyone but the admin, and an invalid year with every problem named', async () => {
    expect((await fails(company, RECORD, { a: FICTITIOUS_2027 })).extensions.code).toBe('FORBIDDEN');
    expect((await fails(guangwai, RECORD, { a: FICTITIOUS_2027 })).extensions.code).toBe('FORBIDDEN');
    expect((await fails(company, '{ holidayArrangementHistory(year: 2027) { version } }')).extensions.code).toBe(
      'FORBIDDEN',
    );
    const invalid = await fails(admin, RECORD, {
      a: {
        ...FICTITIOUS_2027,
        year: 2028,
        daysOff: [{ from: '2028-02-01', to: '2028-01-30' }],
        weekendWorkingDays: ['2028-01-05'],
        source: { ...FICTITIOUS_2027.source, url: 'not a url', publishedOn: '2027-01-01' },
      },
    });
    expect(invalid.extensions.code).toBe('BAD_USER_INPUT');
    expect((invalid.extensions.details?.problems as string[]).map((p) => p.split(':')[0])).toEqual([
      'YEAR_NOT_NEXT',
      'RANGE_REVERSED',
      'WORKING_DAY_NOT_WEEKEND',
      'SOURCE_PUBLISHED_ON',
      'SOURCE_URL',
    ]);
    expect(await ok(company, CALENDAR)).toEqual({
      holidayCalendar: { from: '2004-01-01', to: '2026-12-24', nextYearToRecord: 2027, recordedYears: [] },
    });
    const { area } = await ok(guangwai, COMMITTEE, { a: committeeAreaId });
    expect(area.governanceBodies[0]).toMatchObject({ filingDeadline: '2027-01-03', filingDeadlineProvisional: true });
  });

  it('records 2027: the contract filing deadline moves per art. 203, the areas subgraph sees it, the year is published', async () => {
    const { recordHolidayArrangement } = await ok(admin, RECORD, { a: FICTITIOUS_2027 });
    expect(recordHolidayArrangement).toMatchObject({ year: 2027, version: 1, recordedBy: 'hub-operator-user' });
    expect(await ok(company, CALENDAR)).toEqual({
      holidayCalendar: {
        from: '2004-01-01',
        to: '2027-12-24',
        nextYearToRecord: 2028,
        recordedYears: [{ year: 2027, version: 1 }],
      },
    });
    // Day 15, Monday 4 January, is a (fictitious) day off: the deadline is Wednesday the 6th, no longer provisional.
    expect((await ok(company, FILING, { f: filingId })).filing).toEqual({
      deadline: '2027-01-06',
      deadlineProvisional: false,
      deadlineAwaitsHolidayYear: null,
      late: false,
    });

    // Each subgraph that computes periods keeps its own copy, from the compacted topic.
    for (const schema of ['areas', 'arrears']) {
      await waitFor(`${schema} to hold 2027`, async () => {
        const rows = await t.sql<{ version: number }>(`select version from ${schema}.holiday_year where year = 2027`);
        return rows[0]?.version === 1;
      });
    }
    // The committee's 30th day, Sunday 3 January, is in the (fictitious) bridge: its deadline is Wednesday the 6th.
    const { area } = await ok(guangwai, COMMITTEE, { a: committeeAreaId });
    expect(area.governanceBodies[0]).toMatchObject({ filingDeadline: '2027-01-06', filingDeadlineProvisional: false });

    const calendarTopic = (m: { topic: string }) => m.topic.endsWith('contracts.holiday-calendar.v1');
    const [message] = await probe.waitForCount('the 2027 arrangement on the topic', calendarTopic, 1);
    expect(message.message.key?.toString()).toBe('2027');
    expect(expectValidEvent(message, 'hub.contracts.holiday-year.recorded')).toMatchObject({
      year: 2027,
      version: 1,
      supersedesVersion: null,
      weekendWorkingDays: ['2027-01-09', '2027-02-13'],
    });
  });

  it('carries the deadline on the filings feed as the API shows it: provisional before 2027 is recorded, firm after', async () => {
    const ofFiling =
      (type: string) => (m: { topic: string; headers: Record<string, string>; message: { key: Buffer | null } }) =>
        m.topic.endsWith('contracts.filings.v1') &&
        m.headers.ce_type === type &&
        m.message.key?.toString() === filingId;
    const [submitted] = await probe.waitForCount('the submitted filing', ofFiling('hub.contracts.filing.submitted'), 1);
    expect(expectValidEvent(submitted, 'hub.contracts.filing.submitted')).toMatchObject({
      deadline: '2027-01-04',
      deadlineProvisional: true,
      deadlineAwaitsHolidayYear: 2027,
      late: false,
    });
    // The next transition, after the year was recorded, carries the firm day (Wednesday the 6th, art. 203).
    await ok(guangwai, 'mutation($f: ID!) { acceptFiling(filingId: $f, version: 1) { status } }', { f: filingId });
    const [accepted] = await probe.waitForCount('the accepted filing', ofFiling('hub.contracts.filing.accepted'), 1);
    expect(expectValidEvent(accepted, 'hub.contracts.filing.accepted')).toMatchObject({
      deadline: '2027-01-06',
      deadlineProvisional: false,
      deadlineAwaitsHolidayYear: null,
    });
  });

  it('corrects a recorded year as its next version with a note, keeping the history', async () => {
    const withoutNote = await fails(admin, RECORD, { a: FICTITIOUS_2027 });
    expect(withoutNote.extensions.details?.problems).toEqual([expect.stringMatching(/^CORRECTION_NEEDS_NOTE/)]);
    const corrected = {
      ...FICTITIOUS_2027,
      daysOff: [
        { from: '2027-01-01', to: '2027-01-03' },
        { from: '2027-02-06', to: '2027-02-12' },
      ],
      note: 'Test correction: the fictitious bridge is dropped',
    };
    const { recordHolidayArrangement } = await ok(admin, RECORD, { a: corrected });
    expect(recordHolidayArrangement).toMatchObject({ version: 2, note: corrected.note });
    // Day 15 (4 January) is a working day again under the correction.
    const { filing } = await ok(company, 'query($f: ID!) { filing(id: $f) { deadline deadlineProvisional } }', {
      f: filingId,
    });
    expect(filing).toEqual({ deadline: '2027-01-04', deadlineProvisional: false });
    const { holidayArrangementHistory } = await ok(
      admin,
      '{ holidayArrangementHistory(year: 2027) { version note daysOff { from to } } }',
    );
    expect(holidayArrangementHistory.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    await waitFor('areas to hold version 2', async () => {
      const rows = await t.sql<{ version: number }>('select version from areas.holiday_year where year = 2027');
      return rows[0]?.version === 2;
    });
  });
});
