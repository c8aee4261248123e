import { Client } from 'pg';
import { EVERY_SUBGRAPH, TestHub, identity, startTestHub } from './support/hub-fixture';
import { probeTopics } from './support/kafka-probe';
import { waitFor } from './support/wait-for';
import { expectValidEvent } from './support/event-schema';
import { connectedClient } from './support/db-client';

const XICHENG = '110102';
const GUANGWAI_STREET = '110102014';
const streetOffice = identity('STREET_OFFICE', 'street-office-guangwai', [GUANGWAI_STREET]);
const otherStreetOffice = identity('STREET_OFFICE', 'street-office-desheng', ['110102012']);
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', [XICHENG]);
const company = identity('PROPERTY_COMPANY', 'company-91110102MA01');

const REGISTER = `mutation Register($input: RegisterAreaInput!) {
  registerArea(input: $input) { id name districtCode streetCode registeredBy }
}`;
const AREA_WITH_FILING = `query Area($id: ID!) {
  area(id: $id) { id name filingReviewers { streetCode districtCode } }
}`;

describe('walking skeleton: gateway → areas (outbox) → Kafka → contracts (inbox) → gateway', () => {
  let t: TestHub;
  let db: Client;

  beforeAll(async () => {
    t = await startTestHub({ subgraphs: EVERY_SUBGRAPH });
    db = await connectedClient(t.databaseUrl);
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('commits the area with its outbox row, publishes a valid CloudEvent, and contracts applies it', async () => {
    const probe = await probeTopics(t.brokers, [`${t.topicPrefix}areas.areas.v1`]);
    try {
      const res = await t.gql(streetOffice, REGISTER, {
        input: { name: '广安门北街20号院', districtCode: XICHENG, streetCode: GUANGWAI_STREET },
      });
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      const area = res.body.data.registerArea;
      expect(area).toMatchObject({
        name: '广安门北街20号院',
        streetCode: GUANGWAI_STREET,
        registeredBy: 'street-office-guangwai',
      });

      const outbox = await db.query(
        'select event_id, event_type, message_key from areas.outbox where message_key = $1',
        [area.id],
      );
      expect(outbox.rows).toHaveLength(1);
      expect(outbox.rows[0].event_type).toBe('hub.areas.area.registered');

      const [published] = await probe.waitForCount(
        'the area.registered event',
        (m) => m.message.key?.toString() === area.id,
        1,
      );
      expect(published.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_id: outbox.rows[0].event_id,
        ce_type: 'hub.areas.area.registered',
        ce_source: '/property-governance-hub/areas',
        ce_subject: area.id,
        'content-type': 'application/json',
      });
      expect(new Date(published.headers.ce_time).toString()).not.toBe('Invalid Date');
      const body = expectValidEvent(published, 'hub.areas.area.registered');
      expect(body).toMatchObject({ areaId: area.id, streetCode: GUANGWAI_STREET, districtCode: XICHENG });

      const joined = await waitFor('contracts to apply the event', async () => {
        const q = await t.gql(streetOffice, AREA_WITH_FILING, { id: area.id });
        return q.body.data?.area?.filingReviewers ? q.body.data.area : undefined;
      });
      expect(joined).toEqual({
        id: area.id,
        name: '广安门北街20号院',
        filingReviewers: { streetCode: GUANGWAI_STREET, districtCode: XICHENG },
      });
      const bureauView = await t.gql(xichengBureau, AREA_WITH_FILING, { id: area.id });
      expect(bureauView.body.data.area.filingReviewers.districtCode).toBe(XICHENG);
    } finally {
      await probe.stop();
    }
  });

  it('hides an area from a street office and a company outside it, with a typed error', async () => {
    const res = await t.gql(streetOffice, REGISTER, {
      input: { name: '红居南街6号院', districtCode: XICHENG, streetCode: GUANGWAI_STREET },
    });
    const id = res.body.data.registerArea.id;
    for (const outsider of [otherStreetOffice, company]) {
      const q = await t.gql(outsider, AREA_WITH_FILING, { id });
      expect(q.body.data).toBeNull();
      expect(q.body.errors[0].extensions.code).toBe('NOT_FOUND');
      const list = await t.gql(outsider, '{ areas { id } }');
      expect(list.body.data.areas.map((a: { id: string }) => a.id)).not.toContain(id);
    }
  });

  it('refuses a registration in another street, and writes neither state nor event', async () => {
    const before = await db.query(
      'select (select count(*) from areas.area) as areas, (select count(*) from areas.outbox) as events',
    );
    const foreign = await t.gql(otherStreetOffice, REGISTER, {
      input: { name: '学院南路32号院', districtCode: XICHENG, streetCode: GUANGWAI_STREET },
    });
    expect(foreign.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const byCompany = await t.gql(company, REGISTER, {
      input: { name: '学院南路32号院', districtCode: XICHENG, streetCode: GUANGWAI_STREET },
    });
    expect(byCompany.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const invalid = await t.gql(streetOffice, REGISTER, {
      input: { name: ' ', districtCode: XICHENG, streetCode: '110108001' },
    });
    expect(invalid.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { name: expect.any(String), streetCode: expect.any(String) } },
    });
    expect(JSON.stringify(invalid.body)).not.toMatch(/at .*\.ts|stack/i);
    const after = await db.query(
      'select (select count(*) from areas.area) as areas, (select count(*) from areas.outbox) as events',
    );
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it('reports every subgraph healthy through the gateway', async () => {
    const res = await t.gql(
      xichengBureau,
      '{ areasHealth { status } contractsHealth { status } arrearsHealth { status } litigationHealth { status subgraph } }',
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.litigationHealth).toEqual({ status: 'OK', subgraph: 'litigation' });
    expect(res.body.data.areasHealth.status).toBe('OK');
  });
});
