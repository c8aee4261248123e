import {
  DEMO_ADMIN,
  DEMO_BILLED_YEARS,
  DEMO_BUREAU,
  DEMO_COMPANY,
  DEMO_CONTRACT,
  DEMO_STREETS,
  DEMO_XUEYUAN_PMC,
  DEMO_YANGGUANG_OWNERS,
  SEED_003_VOTE,
  XIBIANMENNEI_COMMUNITY,
} from '../../hub/demo/demo-data';
import { loadBilledYears } from '../../hub/demo/demo-loader';
import { TestHub, identity, testTokens } from '../support/hub-fixture';

/**
 * The seeds' facts (shared/seeds 000, 001, 003) as the demo data gives them, read back through the gateway as their
 * users would read them: where 广安门北街20号院 lies, 学院南路32号院's elevators, provider, committee and joint
 * decision, 阳光丽景's owners' committee.
 */
const guangnei = DEMO_STREETS.find((s) => s.streetCode === '110102017')!.office;
const beitaipingzhuang = DEMO_STREETS.find((s) => s.streetCode === '110108009')!.office;
const desheng = DEMO_STREETS.find((s) => s.streetCode === '110102011')!.office;

export function describeDemoSeedFacts(hub: () => TestHub): void {
  describe('the seeds’ facts in the demo data, through the gateway', () => {
    let t: TestHub;
    const ok = async (who: Parameters<TestHub['gql']>[0], query: string, variables: Record<string, unknown> = {}) => {
      const res = await t.gql(who, query, variables);
      expect(res.body.errors).toBeUndefined();
      return res.body.data;
    };
    const areaNamed = async (who: Parameters<TestHub['gql']>[0], name: string, fields: string) =>
      (await ok(who, `{ areas(first: 100) { name ${fields} } }`)).areas.find((a: { name: string }) => a.name === name);
    const compoundNamed = async (name: string, fields: string) =>
      (await ok(DEMO_ADMIN, `{ compounds(first: 100) { name ${fields} } }`)).compounds.find(
        (c: { name: string }) => c.name === name,
      );

    beforeAll(async () => {
      t = hub();
      // Last of the demo's describes: the billed years add 2018 and 2022 charges the others do not expect.
      await loadBilledYears(t.hub.gatewayUrl, testTokens);
      // Two billed years: 24 billing runs and 1,447 payments through the gateway.
    }, 300_000);

    it('places 广安门北街20号院 in 广安门内街道 (110102017), 西便门内社区, not 广安门外 (seed 000)', async () => {
      const compound = await compoundNamed(
        '广安门北街20号院',
        'streetCode communityCode yearBuilt propertyRightsUnits statistics { households }',
      );
      expect(compound).toEqual({
        name: '广安门北街20号院',
        streetCode: '110102017',
        communityCode: XIBIANMENNEI_COMMUNITY.code,
        yearBuilt: 1995,
        propertyRightsUnits: 6,
        statistics: { households: 462 },
      });
      const streets = await ok(DEMO_ADMIN, '{ divisions(parentCode: "110102") { code name } }');
      expect(streets.divisions).toEqual(
        expect.arrayContaining([
          { code: '110102017', name: '广安门内街道' },
          { code: '110102020', name: '广安门外街道' },
        ]),
      );
      expect((await ok(DEMO_ADMIN, '{ divisions(parentCode: "110102017") { name } }')).divisions).toEqual([
        { name: '西便门内社区' },
      ]);
      // Its committee's residents' committee members represent the community's residents' committee, chaired by one.
      const area = await areaNamed(
        guangnei,
        '广安门北街20号院',
        'governanceBodies { kind formedOn members { seat represents } }',
      );
      const [pmc] = area.governanceBodies as {
        kind: string;
        formedOn: string;
        members: { seat: string; represents: string | null }[];
      }[];
      expect(pmc.members.filter((m) => m.seat === 'RESIDENTS_COMMITTEE').map((m) => m.represents)).toEqual([
        '西便门内社区居委会',
        '西便门内社区居委会',
      ]);
    });

    it('gives 学院南路32号院 its 4 elevators in buildings 16 and 17, replaced June 2023, and 天岳恒物业 as its provider (seed 003)', async () => {
      const compound = await compoundNamed(
        '学院南路32号院',
        'statistics { households elevators } buildings { label elevators elevatorsReplacedIn }',
      );
      expect(compound.statistics).toEqual({ households: 1412, elevators: 4 });
      const withElevators = (
        compound.buildings as { label: string; elevators: number; elevatorsReplacedIn: string | null }[]
      ).filter((b) => b.elevators > 0);
      expect(withElevators.map((b) => b.label).sort()).toEqual(['16号楼', '17号楼']);
      // "2023年6月成功实现老旧失管电梯更换" (seed 003).
      expect(withElevators.map((b) => b.elevatorsReplacedIn)).toEqual(['2023-06', '2023-06']);
      // No other building has a replacement on record.
      expect(
        (compound.buildings as { elevatorsReplacedIn: string | null }[]).filter((b) => b.elevatorsReplacedIn !== null),
      ).toHaveLength(2);
      const [published] = (
        await ok(undefined, '{ publicServiceStandards(compoundName: "学院南路32号院") { compoundName providerName } }')
      ).publicServiceStandards;
      expect(published).toEqual({ compoundName: '学院南路32号院', providerName: '天岳恒物业' });
    });

    it('gives 润枫欣尚 its 6 buildings of 3 elevators, 1,080 households, built 2011, no maintenance fund (seed 002)', async () => {
      const compound = await compoundNamed(
        '润枫欣尚',
        'yearBuilt maintenanceFund statistics { households elevators } buildings { elevators }',
      );
      expect(compound).toMatchObject({
        yearBuilt: 2011,
        maintenanceFund: 'NOT_ESTABLISHED',
        statistics: { households: 1080, elevators: 18 },
      });
      expect((compound.buildings as { elevators: number }[]).map((b) => b.elevators)).toEqual([3, 3, 3, 3, 3, 3]);
    });

    it('has 学院南路32号院’s committee on record before the four-party agreement it signed, filed under Civil Code art. 203', async () => {
      const area = await areaNamed(
        beitaipingzhuang,
        '学院南路32号院',
        'id governanceBodies { kind formedOn filedOn filedLate recordedOn recordedLate dissolvedOn }',
      );
      const [pmc] = area.governanceBodies as {
        kind: string;
        formedOn: string;
        recordedOn: string;
        filedLate: boolean | null;
        recordedLate: boolean | null;
        dissolvedOn: string | null;
      }[];
      // The demo records no owners' assembly of the area (seed 003 dates none before the committee), so Beijing art.
      // 55 para. 1's filing and recording periods do not run for it (para. 3): neither late nor in time.
      expect(pmc).toMatchObject({
        kind: 'PROPERTY_MANAGEMENT_COMMITTEE',
        formedOn: DEMO_XUEYUAN_PMC.formedOn,
        recordedOn: DEMO_XUEYUAN_PMC.recordedOn,
        filedLate: null,
        recordedLate: null,
      });
      expect(pmc.recordedOn < DEMO_CONTRACT.terms.signedOn).toBe(true);
      const contracts = await ok(
        DEMO_COMPANY,
        'query($a: ID) { contracts(areaId: $a) { items { terms { signedOn parties { role name } } filings { status deadline late } } } }',
        { a: area.id },
      );
      const [contract] = contracts.contracts.items as {
        terms: { signedOn: string; parties: { role: string; name: string }[] };
        filings: { status: string; deadline: string; late: boolean }[];
      }[];
      expect(contract.terms.signedOn).toBe('2021-12-10');
      expect(contract.terms.parties.map((p) => p.role)).toEqual([
        'PROVIDER',
        'PROPERTY_MANAGEMENT_COMMITTEE',
        'STREET_OFFICE',
        'ASSET_RECEIVER',
      ]);
      // 15 days from Friday 2021-12-10 end on Saturday the 25th, so on Monday the 27th (art. 203).
      expect(contract.filings).toEqual([{ status: 'ACCEPTED', deadline: '2021-12-27', late: false }]);
    });

    it('shows seed 003’s joint decision as reported, counted against the register’s owners (法释〔2009〕7号 art. 9)', async () => {
      const area = await areaNamed(
        beitaipingzhuang,
        '学院南路32号院',
        'owners { owners households } jointDecisions { matter heldOn valid reasons participationOwners { numerator denominator percent } consentOwners { percent } participationArea { percent } consentArea { percent } }',
      );
      // 1,412 households, 78 of them held by two property-rights units: 1,336 owners.
      expect(area.owners).toEqual({ owners: SEED_003_VOTE.owners, households: 1412 });
      expect(area.jointDecisions).toEqual([
        {
          matter: 'HIRE_OR_DISMISS_PROVIDER',
          heldOn: '2021-10-31',
          valid: true,
          reasons: [],
          participationOwners: {
            numerator: String(SEED_003_VOTE.participatingOwners),
            denominator: String(SEED_003_VOTE.owners),
            percent: `${SEED_003_VOTE.reported.participationOwners}%`,
          },
          consentOwners: { percent: `${SEED_003_VOTE.reported.consentOwners}%` },
          participationArea: { percent: `${SEED_003_VOTE.reported.participationArea}%` },
          consentArea: { percent: `${SEED_003_VOTE.reported.consentArea}%` },
        },
      ]);
      // The electorate is the street's to see, not another street's.
      expect((await areaNamed(desheng, '学院南路32号院', 'owners { owners }')) ?? null).toBeNull();
    });

    it('matches household ballots to owners through the register: one owner of 39 units votes once, and cannot vote both ways', async () => {
      const area = await areaNamed(beitaipingzhuang, '学院南路32号院', 'id');
      const compound = await compoundNamed('学院南路32号院', 'id');
      const households: { id: string; ownerReference: string }[] = [];
      for (let offset = 0; offset < 1412; offset += 500) {
        const page = await ok(
          beitaipingzhuang,
          'query($c: ID!, $o: Int) { compound(id: $c) { households(first: 500, offset: $o) { items { id ownerReference } } } }',
          { c: compound.id, o: offset },
        );
        households.push(...(page.compound.households.items as { id: string; ownerReference: string }[]));
      }
      const unitA = households.filter((h) => h.ownerReference === 'property-rights-unit-A');
      expect(unitA).toHaveLength(39);
      const RECORD =
        'mutation($i: RecordJointDecisionInput!) { recordJointDecision(input: $i) { participationOwners { numerator denominator } } }';
      const i = { areaId: area.id, matter: 'OTHER_MAJOR_MATTER', heldOn: '2024-05-01' };
      const split = await t.gql(beitaipingzhuang, RECORD, {
        i: {
          ...i,
          ballots: [
            { householdId: unitA[0].id, vote: 'CONSENT' },
            { householdId: unitA[1].id, vote: 'OPPOSE' },
          ],
        },
      });
      expect(split.body.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: {
          problems: ['OWNER_VOTED_DIFFERENTLY'],
          households: expect.arrayContaining([unitA[0].id, unitA[1].id]),
        },
      });
      // the ballots it was sent, never the register's owner reference
      expect(split.body.errors[0].extensions.details.households).toHaveLength(2);
      expect(JSON.stringify(split.body)).not.toContain('property-rights-unit-A');
      const ballots = unitA.map((h) => ({ householdId: h.id, vote: 'CONSENT' }));
      const counted = await ok(beitaipingzhuang, RECORD, { i: { ...i, ballots } });
      expect(counted.recordJointDecision.participationOwners).toEqual({
        numerator: '1',
        denominator: String(SEED_003_VOTE.owners),
      });
    });

    it.each(DEMO_BILLED_YEARS.map((b) => [b.compound, b.year, b] as const))(
      'bills %s for %s at the collection rate the seed reports',
      async (compound, year, billed) => {
        const area = await areaNamed(DEMO_BUREAU, compound, 'id');
        const rates = await ok(
          DEMO_BUREAU,
          'query($a: ID, $f: Key, $t: Key) { collectionRates(groupBy: ALL, areaId: $a, fromMonth: $f, toMonth: $t) { households paidHouseholds byHouseholds { percent } } }',
          {
            a: area.id,
            f: `${year}-01`,
            t: `${year}-12`,
          },
        );
        const [all] = rates.collectionRates;
        expect(all.byHouseholds.percent).toBe(billed.reportedPercent);
        // 阳光丽景: 98 % (seed 001); 学院南路32号院: above 80 % (seed 003).
        expect(Number(all.byHouseholds.percent)).toBeGreaterThanOrEqual(compound === '阳光丽景' ? 98 : 80);
        expect(all.households).toBe(12 * (compound === '阳光丽景' ? 288 : 1412));
      },
    );

    it("records 阳光丽景's owners' assembly and the owners' committee it elected (seed 001)", async () => {
      const area = await areaNamed(
        desheng,
        '阳光丽景',
        'governanceBodies { kind formedOn dissolvedOn assemblyNotRecorded }',
      );
      expect(area.governanceBodies).toEqual(
        expect.arrayContaining([
          {
            kind: 'OWNERS_ASSEMBLY',
            formedOn: DEMO_YANGGUANG_OWNERS.assembly.firstMeetingOn,
            dissolvedOn: null,
            assemblyNotRecorded: null,
          },
          {
            kind: 'OWNERS_COMMITTEE',
            formedOn: DEMO_YANGGUANG_OWNERS.committee.recordedOn,
            dissolvedOn: null,
            assemblyNotRecorded: false,
          },
        ]),
      );
      expect(
        (await areaNamed(identity('STREET_OFFICE', 'street-office-other', ['110108009']), '阳光丽景', 'name')) ?? null,
      ).toBeNull();
    });
  });
}
