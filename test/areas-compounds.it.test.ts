import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadDemoAreas } from '../hub/demo/demo-loader';
import { DEMO_STREETS } from '../hub/demo/demo-data';
import { TestHub, identity, startTestHub, testTokens } from './support/hub-fixture';
import { waitFor } from './support/wait-for';
import { connectedClient } from './support/db-client';
import { whileHeld } from './support/row-locks';

const guangwai = DEMO_STREETS[0].office; // 广安门外街道 street office: 红居南街6号院
const guangnei = DEMO_STREETS[4].office; // 广安门内街道 street office: 广安门北街20号院 (seed 000)
const xichengBureau = identity('CITY_BUREAU', 'bureau-xicheng', ['110102']);
const haidianBureau = identity('CITY_BUREAU', 'bureau-haidian', ['110108']);
const otherStreet = identity('STREET_OFFICE', 'street-office-desheng', ['110102011']);
const company = identity('PROPERTY_COMPANY', 'company-91110102MA01');

const COMPOUNDS = `{ compounds(first: 100) { id name kind yearBuilt propertyRightsUnits statistics { buildings elevators households floorAreaM2 } } }`;
const HOUSEHOLDS = `query($id: ID!) { compound(id: $id) { households(first: 3) { totalCount items { unit room floorAreaM2 ownerName } } } }`;

describe('areas: compounds, buildings and households', () => {
  let t: TestHub;
  let db: Client;
  type Stats = {
    id: string;
    name: string;
    statistics: { buildings: number; elevators: number; households: number; floorAreaM2: string };
  };
  let byName: Record<string, Stats>;

  beforeAll(async () => {
    // The file checks the demo's compounds (its documented totals) and what contracts and arrears learn of them;
    // the demo's contracts and courts are not its business.
    t = await startTestHub({ subgraphs: ['areas', 'contracts', 'arrears'] });
    db = await connectedClient(t.databaseUrl);
    await loadDemoAreas(t.hub.gatewayUrl, testTokens);
    const all = await t.gql(identity('ADMIN', 'hub-operator'), COMPOUNDS);
    byName = Object.fromEntries((all.body.data.compounds as Stats[]).map((c) => [c.name, c]));
  });

  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  it('loads the seed compounds with their documented totals', () => {
    expect(byName['广安门北街20号院'].statistics.households).toBe(462);
    expect(byName['润枫欣尚'].statistics).toMatchObject({ buildings: 6, elevators: 18, households: 1080 });
    expect(byName['学院南路32号院'].statistics).toMatchObject({ buildings: 36, households: 1412 });
  });

  it('tells the contracts subgraph each area’s floor area, households and building classes', async () => {
    const facts = await waitFor('contracts to learn the demo areas', async () => {
      const { rows } = await db.query(
        `select a.name, v.households, v.total_floor_area_centi_m2::text as area, v.building_classes
           from contracts.area_view v join areas.area a on a.id = v.area_id where a.name = '润枫欣尚' and v.households > 0`,
      );
      return rows[0];
    });
    const { rows } = await db.query(
      `select sum(h.floor_area_centi_m2)::text as area from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = $1`,
      [byName['润枫欣尚'].id],
    );
    expect(facts).toEqual({ name: '润枫欣尚', households: 1080, area: rows[0].area, building_classes: ['HIGH_RISE'] });
  });

  it('tells contracts the area’s new totals after a household is corrected or registered, not only on grouping', async () => {
    // Before, only assignBuildingsToArea sent AREA_CHANGED: a corrected floor area or a new household afterwards left
    // contracts checking the agreement ceiling and fee classes against the old totals.
    const compound = await t.gql(guangwai, 'query($id: ID!) { compound(id: $id) { buildings { id areaId } } }', {
      id: byName['红居南街6号院'].id,
    });
    const building = (compound.body.data.compound.buildings as { id: string; areaId: string | null }[]).find(
      (b) => b.areaId,
    )!;
    const areaId = building.areaId as string;
    const [household] = (
      await db.query(`select id from areas.household where building_id = $1 order by id limit 1`, [building.id])
    ).rows;
    const updated = await t.gql(
      guangwai,
      'mutation($h: ID!) { updateHousehold(id: $h, input: { floorArea: "123.45" }) { id } }',
      { h: household.id },
    );
    expect(updated.body.errors).toBeUndefined();
    const areasTotals = async () =>
      (
        await db.query(
          `select count(*)::int as households, sum(h.floor_area_centi_m2)::text as area
             from areas.household h join areas.building b on b.id = h.building_id where b.area_id = $1`,
          [areaId],
        )
      ).rows[0];
    const contractsHold = async (what: string, expected: { households: number; area: string }) =>
      waitFor(what, async () => {
        const { rows } = await db.query(
          `select households, total_floor_area_centi_m2::text as area from contracts.area_view where area_id = $1`,
          [areaId],
        );
        return rows[0]?.households === expected.households && rows[0]?.area === expected.area;
      });
    // The correction on its own: the floor area changes, the count does not.
    await contractsHold('contracts to hold the corrected floor area', await areasTotals());
    const register = await t.gql(
      guangwai,
      'mutation($b: ID!, $i: RegisterHouseholdInput!) { registerHousehold(buildingId: $b, input: $i) { id } }',
      { b: building.id, i: { unit: '9', room: '901', floorArea: '66.60', ownerReference: 'o-area-totals' } },
    );
    expect(register.body.errors).toBeUndefined();
    await contractsHold('contracts to hold the new household', await areasTotals());
  });

  it('serves the district → street hierarchy with compound counts; only admins change it', async () => {
    const districts = await t.gql(company, '{ divisions { code name level } }');
    expect(districts.body.data.divisions.map((d: { name: string }) => d.name)).toEqual(['西城区', '海淀区', '昌平区']);
    const streets = await t.gql(xichengBureau, '{ divisions(parentCode: "110102") { code name compoundCount } }');
    expect(streets.body.data.divisions).toEqual([
      { code: '110102011', name: '德胜街道', compoundCount: 1 },
      { code: '110102017', name: '广安门内街道', compoundCount: 1 },
      { code: '110102020', name: '广安门外街道', compoundCount: 1 },
    ]);
    const denied = await t.gql(
      guangwai,
      'mutation { registerDivision(input: { code: "110102020099", name: "红居南街社区" }) { code } }',
    );
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('gives arrears every household of an area with its floor area and building class, and follows corrections', async () => {
    const area = await waitFor('arrears to hold the 1,080 households of 润枫欣尚', async () => {
      const { rows } = await db.query(
        `select count(*)::int as n, array_agg(distinct v.building_class) as classes, count(v.area_id)::int as with_area
           from arrears.billable_household v join areas.building b on b.id = v.building_id where b.compound_id = $1`,
        [byName['润枫欣尚'].id],
      );
      // A building's roster comes twice (imported, then grouped into the area); wait for the final state.
      return rows[0].n === 1080 && rows[0].with_area === 1080 ? rows[0] : undefined;
    });
    expect(area).toMatchObject({ classes: ['HIGH_RISE'], with_area: 1080 });
    const { rows: owners } = await db.query(
      `select count(*)::int as n from information_schema.columns where table_schema = 'arrears' and column_name = 'owner_name'`,
    );
    expect(owners[0].n).toBe(0);

    const compound = await t.gql(
      guangnei,
      'query($id: ID!) { compound(id: $id) { households(first: 1) { items { id } } } }',
      { id: byName['广安门北街20号院'].id },
    );
    const householdId = compound.body.data.compound.households.items[0].id;
    await t.gql(guangnei, 'mutation($h: ID!) { updateHousehold(id: $h, input: { floorArea: "77.77" }) { id } }', {
      h: householdId,
    });
    await waitFor('the corrected area in arrears', async () => {
      const { rows } = await db.query(
        'select floor_area_centi_m2 from arrears.billable_household where household_id = $1',
        [householdId],
      );
      return rows[0]?.floor_area_centi_m2 === 7777;
    });
  });

  it('sums floor areas exactly, as the database does', async () => {
    const id = byName['润枫欣尚'].id;
    const { rows } = await db.query(
      `select sum(h.floor_area_centi_m2)::bigint as centi from areas.household h join areas.building b on b.id = h.building_id where b.compound_id = $1`,
      [id],
    );
    const centi = BigInt(rows[0].centi);
    expect(byName['润枫欣尚'].statistics.floorAreaM2).toBe(
      `${centi / 100n}.${(centi % 100n).toString().padStart(2, '0')}`,
    );
  });

  it('shows owner names to the street office and masks them for the bureau', async () => {
    const id = byName['广安门北街20号院'].id;
    const office = await t.gql(guangnei, HOUSEHOLDS, { id });
    const bureau = await t.gql(xichengBureau, HOUSEHOLDS, { id });
    expect(office.body.data.compound.households.totalCount).toBe(462);
    const full = office.body.data.compound.households.items[0].ownerName as string;
    const masked = bureau.body.data.compound.households.items[0].ownerName as string;
    expect([...full].length).toBe(3);
    expect(masked).toBe(`${[...full][0]}**`);
  });

  it('hides compounds outside the caller’s jurisdiction', async () => {
    const id = byName['广安门北街20号院'].id;
    for (const outsider of [haidianBureau, otherStreet, company]) {
      const res = await t.gql(outsider, HOUSEHOLDS, { id });
      expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    const list = await t.gql(haidianBureau, COMPOUNDS);
    expect((list.body.data.compounds as Stats[]).map((c) => c.name)).toEqual(['学院南路32号院']);
    const none = await t.gql(company, COMPOUNDS);
    expect(none.body.data.compounds).toEqual([]);
  });

  it('lets only the street office change its compounds', async () => {
    const id = byName['红居南街6号院'].id;
    const building = `mutation($c: ID!) { registerBuilding(compoundId: $c, input: { label: "3号楼", buildingClass: LOW_RISE, floors: 5, elevators: 0 }) { id } }`;
    expect((await t.gql(xichengBureau, building, { c: id })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(otherStreet, building, { c: id })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    const ok = await t.gql(guangwai, building, { c: id });
    expect(ok.body.errors).toBeUndefined();
    const again = await t.gql(guangwai, building, { c: id });
    expect(again.body.errors[0].extensions.code).toBe('CONFLICT');

    const buildingId = ok.body.data.registerBuilding.id;
    const household = `mutation($b: ID!) { registerHousehold(buildingId: $b, input: { unit: "1", room: "101", floorArea: "48.20", ownerReference: "o-x" }) { id } }`;
    expect((await t.gql(xichengBureau, household, { b: buildingId })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await t.gql(otherStreet, household, { b: buildingId })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    const added = await t.gql(guangwai, household, { b: buildingId });
    const fix = `mutation($h: ID!) { updateHousehold(id: $h, input: { floorArea: "50.00" }) { id } }`;
    expect(
      (await t.gql(xichengBureau, fix, { h: added.body.data.registerHousehold.id })).body.errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    // another street's office learns nothing of the household: NOT_FOUND by its id, as for one that does not exist
    // (before, the refusal named the household's compound)
    const foreign = (await t.gql(otherStreet, fix, { h: added.body.data.registerHousehold.id })).body.errors[0];
    const unknown = (await t.gql(otherStreet, fix, { h: '00000000-0000-4000-8000-000000000000' })).body.errors[0];
    expect(foreign.extensions.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(`Household ${added.body.data.registerHousehold.id} was not found`);
    expect(unknown.message).toBe('Household 00000000-0000-4000-8000-000000000000 was not found');
    expect(JSON.stringify(foreign)).not.toContain(id);
    const area = byName['红居南街6号院'];
    const areas = await t.gql(guangwai, '{ areas { id name } }');
    const areaId = (areas.body.data.areas as { id: string; name: string }[]).find((a) => a.name === area.name)!.id;
    const assign = 'mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id } }';
    expect((await t.gql(xichengBureau, assign, { a: areaId, b: [buildingId] })).body.errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await t.gql(otherStreet, assign, { a: areaId, b: [buildingId] })).body.errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
  });

  it('corrects compounds and households, by the street office only', async () => {
    const id = byName['红居南街6号院'].id;
    const update = `mutation($id: ID!) { updateCompound(id: $id, input: { governanceModel: MULTI_PARTY_CO_GOVERNANCE, yearBuilt: 1986 }) { governanceModel yearBuilt kind } }`;
    expect((await t.gql(xichengBureau, update, { id })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    const ok = await t.gql(guangwai, update, { id });
    expect(ok.body.data.updateCompound).toEqual({
      governanceModel: 'MULTI_PARTY_CO_GOVERNANCE',
      yearBuilt: 1986,
      kind: 'UNMANAGED',
    });
    const page = await t.gql(guangwai, HOUSEHOLDS, { id });
    const household = await t.gql(
      guangwai,
      'query($id: ID!) { compound(id: $id) { households(first: 1) { items { id } } } }',
      { id },
    );
    const householdId = household.body.data.compound.households.items[0].id;
    const fix = `mutation($h: ID!, $a: Key) { updateHousehold(id: $h, input: { floorArea: $a }) { floorAreaM2 ownerName } }`;
    const fixed = await t.gql(guangwai, fix, { h: householdId, a: '63.05' });
    expect(fixed.body.data.updateHousehold).toEqual({
      floorAreaM2: '63.05',
      ownerName: page.body.data.compound.households.items[0].ownerName,
    });
    expect((await t.gql(guangwai, fix, { h: householdId, a: '63.055' })).body.errors[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('corrects buildings, by their street office only', async () => {
    const desheng = DEMO_STREETS[1].office;
    const buildings = await t.gql(desheng, 'query($id: ID!) { compound(id: $id) { buildings { id label } } }', {
      id: byName['阳光丽景'].id,
    });
    const [first, second] = buildings.body.data.compound.buildings as { id: string; label: string }[];
    const rename = `mutation($b: ID!, $l: Name) { updateBuilding(id: $b, input: { label: $l, elevators: 3 }) { label elevators buildingClass } }`;
    expect((await t.gql(desheng, rename, { b: first.id, l: second.label })).body.errors[0].extensions.code).toBe(
      'CONFLICT',
    );
    expect((await t.gql(guangwai, rename, { b: first.id, l: 'x' })).body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await t.gql(desheng, rename, { b: first.id, l: '1号楼(东)' })).body.data.updateBuilding).toEqual({
      label: '1号楼(东)',
      elevators: 3,
      buildingClass: 'HIGH_RISE',
    });
    // The month its elevators were replaced (as seed 003 gives 学院南路32号院's): a month, not after this one.
    const replaced = `mutation($b: ID!, $m: Key) { updateBuilding(id: $b, input: { elevatorsReplacedIn: $m }) { elevatorsReplacedIn } }`;
    const future = (await t.gql(desheng, replaced, { b: first.id, m: '2099-01' })).body.errors[0].extensions;
    expect(future).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { elevatorsReplacedIn: expect.any(String) } },
    });
    expect((await t.gql(guangwai, replaced, { b: first.id, m: '2023-06' })).body.errors[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect((await t.gql(desheng, replaced, { b: first.id, m: '2023-06' })).body.data.updateBuilding).toEqual({
      elevatorsReplacedIn: '2023-06',
    });
  });

  it('rejects a CSV with bad lines as a whole, naming each line and reason', async () => {
    const id = byName['红居南街6号院'].id;
    const before = await db.query('select count(*)::int as n from areas.household');
    const csv = [
      'building,building_class,floors,elevators,unit,room,floor_area_m2,owner_reference,owner_name',
      '9号楼,LOW_RISE,6,0,1,101,56.78,o-1,王伟',
      '9号楼,LOW_RISE,6,0,1,102,-3,o-2,李娜',
      '10号楼,MID_RISE,6,0,1,101,60.00,o-3,张敏',
      '9号楼,LOW_RISE,6,0,1,101,70.00,o-4,赵静',
      '1号楼,LOW_RISE,6,0,1,101,70.00,o-5,周强',
    ].join('\n');
    const res = await t.gql(
      guangwai,
      'mutation($c: ID!, $csv: CsvText!) { importCompoundCsv(compoundId: $c, csv: $csv) { householdsCreated } }',
      { c: id, csv },
    );
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const lines = res.body.errors[0].extensions.details.lines as { line: number; field: string }[];
    expect(lines.map((l) => [l.line, l.field])).toEqual([
      [3, 'floor_area_m2'],
      [4, 'building_class'],
      [5, 'room'],
      [6, 'room'],
    ]);
    // A file of one-character rows: checked up to the line past the 500 problems listed; over 200,000 rows, not read.
    const IMPORT =
      'mutation($c: ID!, $csv: CsvText!) { importCompoundCsv(compoundId: $c, csv: $csv) { householdsCreated } }';
    const header = csv.split('\n')[0];
    const manyBad = (await t.gql(guangwai, IMPORT, { c: id, csv: `${header}\n${'x\n'.repeat(100_000)}` })).body
      .errors[0];
    expect(manyBad.message).toBe('The file has more than 500 problems; nothing was imported');
    expect(manyBad.extensions.details.lines).toHaveLength(500);
    const tooLong = (await t.gql(guangwai, IMPORT, { c: id, csv: `${header}\n${'x\n'.repeat(200_001)}` })).body
      .errors[0];
    expect([tooLong.extensions.code, tooLong.extensions.details]).toEqual(['BAD_USER_INPUT', { maxRows: 200_000 }]);
    // A quote opened on line 2 and never closed: before, the rows after it were read into that owner's name, and the
    // import registered one household with a three-line name and silently left out the others.
    const unclosed = `${header}\n9号楼,LOW_RISE,6,0,1,101,56.78,o-1,"王伟\n9号楼,LOW_RISE,6,0,1,102,60.00,o-2,李娜\n`;
    const refused = (await t.gql(guangwai, IMPORT, { c: id, csv: unclosed })).body.errors[0];
    expect([refused.extensions.code, refused.extensions.details, refused.message]).toEqual([
      'BAD_USER_INPUT',
      { line: 2 },
      'The quoted field that starts on line 2 is never closed',
    ]);
    const after = await db.query('select count(*)::int as n from areas.household');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    const buildings = await db.query(
      `select count(*)::int as n from areas.building where compound_id = $1 and label in ('9号楼', '10号楼')`,
      [id],
    );
    expect(buildings.rows[0].n).toBe(0);
  });

  it('groups buildings into an area only within the area’s street, one area per building', async () => {
    const area = await t.gql(
      guangwai,
      'mutation { registerArea(input: { name: "红居南街6号院 新区", districtCode: "110102", streetCode: "110102020" }) { id } }',
    );
    const areaId = area.body.data.registerArea.id;
    const hongju = await t.gql(guangwai, 'query($c: ID!) { compound(id: $c) { buildings { id label areaId } } }', {
      c: byName['红居南街6号院'].id,
    });
    const buildings = hongju.body.data.compound.buildings as { id: string; label: string; areaId: string | null }[];
    const assigned = buildings.find((b) => b.areaId)!;
    const free = buildings.find((b) => !b.areaId)!;
    const assign = 'mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id areaId } }';
    expect((await t.gql(guangwai, assign, { a: areaId, b: [assigned.id] })).body.errors[0].extensions.code).toBe(
      'CONFLICT',
    );
    const ok = await t.gql(guangwai, assign, { a: areaId, b: [free.id] });
    expect(ok.body.data.assignBuildingsToArea).toEqual([{ id: free.id, areaId }]);
    const desheng = await t.gql(xichengBureau, 'query($c: ID!) { compound(id: $c) { buildings { id } } }', {
      c: byName['阳光丽景'].id,
    });
    const foreign = await t.gql(guangwai, assign, { a: areaId, b: [desheng.body.data.compound.buildings[0].id] });
    // Another street's building is not found: neither its compound's name nor its id is disclosed.
    expect(foreign.body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(JSON.stringify(foreign.body)).not.toContain('阳光丽景');
    expect(JSON.stringify(foreign.body)).not.toContain(byName['阳光丽景'].id);
  });

  it('gives a building raced for by two areas to one of them, and bounds the buildings one assignment names', async () => {
    // Before, two assignments at once both saw the building free: the last write won, and both areas counted it.
    const register = (name: string) =>
      t.gql(guangwai, 'mutation($i: RegisterAreaInput!) { registerArea(input: $i) { id } }', {
        i: { name, districtCode: '110102', streetCode: '110102020' },
      });
    const [a, b] = await Promise.all([register('竞争区甲'), register('竞争区乙')]);
    const building = await t.gql(
      guangwai,
      'mutation($c: ID!) { registerBuilding(compoundId: $c, input: { label: "竞争楼", buildingClass: LOW_RISE, floors: 6, elevators: 0 }) { id } }',
      { c: byName['红居南街6号院'].id },
    );
    const buildingId = building.body.data.registerBuilding.id as string;
    const assign = 'mutation($a: ID!, $b: [ID!]!) { assignBuildingsToArea(areaId: $a, buildingIds: $b) { id areaId } }';
    const results = await Promise.all(
      [a, b].map((r) => t.gql(guangwai, assign, { a: r.body.data.registerArea.id, b: [buildingId] })),
    );
    const codes = results.map((r) => r.body.errors?.[0]?.extensions.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.body.errors)!.body.data.assignBuildingsToArea[0].areaId;
    const { rows } = await db.query(`select area_id from areas.building where id = $1`, [buildingId]);
    expect(rows[0].area_id).toBe(winner);

    const many = Array.from({ length: 501 }, () => randomUUID());
    const bounded = await t.gql(guangwai, assign, { a: a.body.data.registerArea.id, b: many });
    expect(bounded.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { buildingIds: expect.any(String) } },
    });
  });

  it('keeps both of two corrections made at once to one building in the roster arrears holds', async () => {
    // Before, each read the building's roster without the other's change, and the roster published last (which
    // arrears takes whole) dropped the other's: arrears billed one household by its old floor area.
    const { rows: pair } = await db.query(
      `select h.id from areas.household h join areas.building b on b.id = h.building_id
        where b.compound_id = $1 and b.area_id is not null order by b.id, h.id limit 2`,
      [byName['润枫欣尚'].id],
    );
    const fix = 'mutation($h: ID!, $f: Key!) { updateHousehold(id: $h, input: { floorArea: $f }) { id } }';
    const office = DEMO_STREETS[3].office; // 天通苑南街道
    const results = await Promise.all([
      t.gql(office, fix, { h: pair[0].id, f: '101.01' }),
      t.gql(office, fix, { h: pair[1].id, f: '102.02' }),
    ]);
    for (const r of results) expect(r.body.errors).toBeUndefined();
    await waitFor('arrears to hold both corrections', async () => {
      const { rows } = await db.query(
        `select floor_area_centi_m2 from arrears.billable_household where household_id = any($1::uuid[]) order by household_id`,
        [pair.map((p) => p.id)],
      );
      return rows.map((r) => r.floor_area_centi_m2).join() === '10101,10202';
    });
  });

  const codeOf = (r: { body: { errors?: { extensions?: { code?: string } }[] } }) =>
    r.body.errors?.[0]?.extensions?.code ?? 'OK';

  it('decides two changes of one household made at once one after the other: the heirs, and the former owner’s death', async () => {
    const [{ id: householdId }] = (
      await db.query(
        `select h.id from areas.household h join areas.building b on b.id = h.building_id
           join areas.compound c on c.id = b.compound_id where c.name = '红居南街6号院' order by h.id desc limit 1`,
      )
    ).rows;
    const CHANGE = `mutation($h: ID!, $i: UpdateHouseholdInput!) { updateHousehold(id: $h, input: $i) { id } }`;
    const [heirs, death] = await whileHeld(t.databaseUrl, { table: 'areas.household', id: householdId }, [
      () =>
        t.gql(guangwai, CHANGE, {
          h: householdId,
          i: { ownerReference: 'o-heirs-race', ownerName: '继承人', ownerSince: '2026-10-01' },
        }),
      () => t.gql(guangwai, CHANGE, { h: householdId, i: { ownerDiedOn: '2026-08-15' } }),
    ]);
    // The heirs queued first: the death, before they owned the flat, is refused.
    expect([codeOf(heirs), codeOf(death)]).toEqual(['OK', 'BAD_USER_INPUT']);
    const { rows } = await db.query(
      `select owner_reference, to_char(owner_since, 'YYYY-MM-DD') as since, owner_died_on from areas.household where id = $1`,
      [householdId],
    );
    // Before, each checked the days it had read, and both wrote: the heirs dead since before they owned the flat.
    expect(rows[0]).toEqual({ owner_reference: 'o-heirs-race', since: '2026-10-01', owner_died_on: null });
  });

  it('decides two corrections of one building made at once one after the other: no elevators, and their replacement', async () => {
    const [{ id: buildingId }] = (
      await db.query(`select id from areas.building where compound_id = $1 order by id desc limit 1`, [
        byName['红居南街6号院'].id,
      ])
    ).rows;
    const FIX = `mutation($b: ID!, $i: UpdateBuildingInput!) { updateBuilding(id: $b, input: $i) { id } }`;
    expect(codeOf(await t.gql(guangwai, FIX, { b: buildingId, i: { elevators: 2 } }))).toBe('OK');
    const answers = await whileHeld(t.databaseUrl, { table: 'areas.building', id: buildingId }, [
      () => t.gql(guangwai, FIX, { b: buildingId, i: { elevators: 0 } }),
      () => t.gql(guangwai, FIX, { b: buildingId, i: { elevatorsReplacedIn: '2020-05' } }),
    ]);
    // The second was checked against the first's result: refused.
    expect(answers.map(codeOf)).toEqual(['OK', 'BAD_USER_INPUT']);
    const { rows } = await db.query(`select elevators, elevators_replaced_in from areas.building where id = $1`, [
      buildingId,
    ]);
    // Before, each was checked against the row it had read and both were written: 0 elevators, replaced in 2020-05.
    expect(rows[0].elevators === 0 && rows[0].elevators_replaced_in !== null).toBe(false);
  });
});
