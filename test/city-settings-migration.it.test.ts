import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { BEIJING, BEIJING_AGREEMENT_SELECTION_SOURCE, LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import {
  BEIJING_FILING_AUTHORITY_BEFORE,
  LINJIANG_FILING_AUTHORITY_BEFORE,
} from '../subgraphs/contracts/persistence/migrations/Migration20261229000000_filing_authority_in_chinese';
import { BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE } from '../subgraphs/contracts/persistence/migrations/Migration20261229010000_beijing_preliminary_term_source';
import {
  BEIJING_FILING_DEADLINE_SOURCE_BEFORE,
  BEIJING_LATE_FILING_DESCRIPTION_BEFORE,
  BEIJING_LATE_FILING_SOURCE_BEFORE,
} from '../subgraphs/contracts/persistence/migrations/Migration20270101000000_beijing_late_filing_basis';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * A database migrated before Beijing's stand-in agreement threshold was dropped (ad55be5) holds Beijing's settings as
 * the migrations then wrote them: 30,000 m² (seed 004's 临江市 figure) and its source. Migration 20261207000000 removes
 * the stand-in as a new version with its reason; the rest of the settings stay as they were.
 */
/** A city's settings as stored, and their version. */
const settingsOf = async (orm: HubOrm, cityCode: string) =>
  (
    await sqlRows<{ settings: Record<string, unknown>; version: number }>(
      orm.em.fork(),
      `select settings, version from contracts.city_settings where city_code = ?`,
      [cityCode],
    )
  )[0];

describe("contracts: the migration removing Beijing's stand-in agreement threshold", () => {
  const database = runDatabaseName(`city_migration_${uniqueSuffix()}`);
  const OLD_SOURCE =
    'State Council Property Management Regulation art. 24; 30,000 m² as in seed 004 (Linjiang) and Qingdao';
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(contractsSubgraph, database, { upTo: 'Migration20261206000000_inbox_topic_key' });
    // Beijing's row as the migrations wrote it before ad55be5 (version 2, by the filing-documents migration).
    await sqlRun(
      orm.em.fork(),
      `update contracts.city_settings set settings = jsonb_set(jsonb_set(settings, '{agreementSelectionMaxFloorAreaCentiM2}', '3000000'),
         '{sources,agreementSelection}', to_jsonb(?::text)) where city_code = ?`,
      [OLD_SOURCE, BEIJING.cityCode],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('removes it as version 3 with its reason, and changes nothing else', async () => {
    const read = async () =>
      (
        await sqlRows<{ settings: Record<string, unknown>; version: number; changed_by: string }>(
          orm.em.fork(),
          `select settings, version, changed_by from contracts.city_settings where city_code = ?`,
          [BEIJING.cityCode],
        )
      )[0];
    const before = await read();
    expect(before).toMatchObject({ version: 2, changed_by: 'migration' });
    await migrateUp(orm);
    const after = await read();
    expect(after.version).toBe(3);
    expect(after.settings).toEqual({
      ...before.settings,
      agreementSelectionMaxFloorAreaCentiM2: null,
      sources: { ...(before.settings.sources as object), agreementSelection: BEIJING_AGREEMENT_SELECTION_SOURCE },
    });
    const [change] = await sqlRows<{ settings: unknown; reason: string }>(
      orm.em.fork(),
      `select settings, reason from contracts.city_settings_change where city_code = ? and version = 3`,
      [BEIJING.cityCode],
    );
    expect(change.settings).toEqual(after.settings);
    expect(change.reason).toMatch(/no agreement-selection threshold/);
  });
});

/**
 * 临江市's settings as the admin entered them before `streetOfficeDecidesFilings` was kept: migration 20261226000000
 * has its street office supervise (seed 004 §六(七)) as a new version with its reason; Beijing's stay as they were.
 */
describe("contracts: the migration leaving 临江市's filings to its enforcement bureau", () => {
  const database = runDatabaseName(`city_migration_lj_${uniqueSuffix()}`);
  let orm: HubOrm;
  const { streetOfficeDecidesFilings, ...entered } = LINJIANG_SETTINGS;

  beforeAll(async () => {
    expect(streetOfficeDecidesFilings).toBe(false);
    orm = await migratedSubgraphOrm(contractsSubgraph, database, { upTo: 'Migration20261225000000_joint_decisions' });
    await sqlRun(
      orm.em.fork(),
      `insert into contracts.city_settings (city_code, settings, version, changed_at, changed_by) values (?, ?::jsonb, 1, now(), 'admin')`,
      [LINJIANG_SETTINGS.cityCode, JSON.stringify(entered)],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it('sets it false as version 2 with its reason, and leaves Beijing without it (its street office decides)', async () => {
    const read = (cityCode: string) => settingsOf(orm, cityCode);
    const beijing = await read(BEIJING.cityCode);
    await migrateUp(orm);
    expect(await read(LINJIANG_SETTINGS.cityCode)).toEqual({
      settings: { ...JSON.parse(JSON.stringify(entered)), streetOfficeDecidesFilings: false },
      version: 2,
    });
    expect(await read(BEIJING.cityCode)).toEqual(beijing);
    const [change] = await sqlRows<{ reason: string; changed_by: string }>(
      orm.em.fork(),
      `select reason, changed_by from contracts.city_settings_change where city_code = ? and version = 2`,
      [LINJIANG_SETTINGS.cityCode],
    );
    expect(change).toEqual({ reason: expect.stringContaining('seed 004'), changed_by: 'migration' });
  });
});

/**
 * The certificate prints the filing authority as 备案机关: migration 20261229000000 replaces the English words Beijing's
 * and 临江市's settings held by the authority in Chinese as its source names it (Beijing art. 63 para. 3; seed 004), as
 * a new version with its reason; settings an admin worded otherwise stay.
 */
describe('contracts: the migration naming the filing authority in Chinese', () => {
  const database = runDatabaseName(`city_migration_auth_${uniqueSuffix()}`);
  let orm: HubOrm;
  const OLD_BEIJING_SOURCE = 'Beijing Property Management Regulation art. 63';
  const linjiang = {
    ...LINJIANG_SETTINGS,
    filingAuthority: LINJIANG_FILING_AUTHORITY_BEFORE,
    sources: { ...LINJIANG_SETTINGS.sources, filingAuthority: 'seed 004 §六(七) as entered then' },
  };
  const other = {
    ...LINJIANG_SETTINGS,
    cityCode: '220600',
    cityName: '白山市',
    filingAuthority: '白山市住房和城乡建设局',
  };

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(contractsSubgraph, database, {
      upTo: 'Migration20261228020000_outbox_recorded_at',
    });
    const em = orm.em.fork();
    // Beijing's settings as the migrations wrote them before: the English authority, and the preliminary-term source
    // citing docs/domain.md (migration 20261229010000 cites art. 19 para. 3 instead).
    await sqlRun(
      em,
      `update contracts.city_settings set settings = jsonb_set(jsonb_set(jsonb_set(settings, '{filingAuthority}', to_jsonb(?::text)),
         '{sources,filingAuthority}', to_jsonb(?::text)), '{sources,preliminaryContractTerm}', to_jsonb(?::text)) where city_code = ?`,
      [
        BEIJING_FILING_AUTHORITY_BEFORE,
        OLD_BEIJING_SOURCE,
        BEIJING_PRELIMINARY_CONTRACT_TERM_SOURCE_BEFORE,
        BEIJING.cityCode,
      ],
    );
    for (const city of [linjiang, other])
      await sqlRun(
        em,
        `insert into contracts.city_settings (city_code, settings, version, changed_at, changed_by) values (?, ?::jsonb, 1, now(), 'admin')`,
        [city.cityCode, JSON.stringify(city)],
      );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it("replaces the hub's English words by art. 63 para. 3's and seed 004's, as a new version; an admin's own wording stays; Beijing's 2-year cap cites art. 19 para. 3", async () => {
    const read = (cityCode: string) => settingsOf(orm, cityCode);
    const [beijingBefore, linjiangBefore, otherBefore] = await Promise.all(
      [BEIJING.cityCode, linjiang.cityCode, other.cityCode].map(read),
    );
    await migrateUp(orm);
    const beijing = await read(BEIJING.cityCode);
    expect(beijing.version).toBe(beijingBefore.version + 2); // the authority, then the preliminary term's source
    expect(beijing.settings).toEqual({
      ...beijingBefore.settings,
      filingAuthority: '街道办事处、乡镇人民政府、区住房和城乡建设或者房屋主管部门',
      sources: {
        ...(beijingBefore.settings.sources as object),
        preliminaryContractTerm:
          'Beijing Property Management Regulation art. 19 para. 3: 前期物业服务合同期限最长不超过二年，具体期限在前期物业服务合同中约定',
        filingAuthority: expect.stringMatching(
          /^Beijing Property Management Regulation art\. 63 para\. 3: 物业服务人应当将/,
        ),
      },
    });
    const lj = await read(linjiang.cityCode);
    expect(lj.version).toBe(linjiangBefore.version + 1);
    expect(lj.settings).toEqual({
      ...linjiangBefore.settings,
      filingAuthority: '临江市城市管理行政执法局',
      sources: {
        ...(linjiangBefore.settings.sources as object),
        filingAuthority: LINJIANG_SETTINGS.sources.filingAuthority,
      },
    });
    expect(await read(other.cityCode)).toEqual(otherBefore);
    const changes = await sqlRows<{ city_code: string; reason: string; changed_by: string }>(
      orm.em.fork(),
      `select city_code, reason, changed_by from contracts.city_settings_change where reason like '%备案机关%' order by city_code`,
    );
    expect(changes).toEqual([
      { city_code: BEIJING.cityCode, reason: expect.stringContaining('in Chinese'), changed_by: 'migration' },
      { city_code: linjiang.cityCode, reason: expect.stringContaining('in Chinese'), changed_by: 'migration' },
    ]);
    const [term] = await sqlRows<{ reason: string }>(
      orm.em.fork(),
      `select reason from contracts.city_settings_change where city_code = ? and version = ?`,
      [BEIJING.cityCode, beijing.version],
    );
    expect(term.reason).toMatch(/art\. 19 para\. 3/);
  });
});

/**
 * A late filing's consequence (and its LATE_FILING credit entry's basis) read "art. 63; art. 91: a warning (警告), then a
 * fine of ¥5,000 to ¥10,000". Migration 20270101000000 cites art. 63 para. 3 and art. 91 in their words (an order to
 * file within a time limit and a warning, the fine only where it is not made by then), as statutes.ts now holds them,
 * as a new version with its reason; an admin's own wording stays.
 */
describe("contracts: the migration citing Beijing's late-filing articles in their words", () => {
  const database = runDatabaseName(`city_migration_late_${uniqueSuffix()}`);
  let orm: HubOrm;

  beforeAll(async () => {
    orm = await migratedSubgraphOrm(contractsSubgraph, database, {
      upTo: 'Migration20261231010000_counts_non_negative',
    });
    await sqlRun(
      orm.em.fork(),
      `update contracts.city_settings set settings = jsonb_set(jsonb_set(jsonb_set(settings, '{sources,filingDeadline}', to_jsonb(?::text)),
         '{lateFilingPenalty,description}', to_jsonb(?::text)), '{lateFilingPenalty,source}', to_jsonb(?::text)) where city_code = ?`,
      [
        BEIJING_FILING_DEADLINE_SOURCE_BEFORE,
        BEIJING_LATE_FILING_DESCRIPTION_BEFORE,
        BEIJING_LATE_FILING_SOURCE_BEFORE,
        BEIJING.cityCode,
      ],
    );
  });

  afterAll(async () => {
    await orm?.close();
    await dropDatabase(adminPostgresUrl(), database);
  });

  it("writes statutes.ts's words as a new version with its reason, and changes nothing else", async () => {
    const before = await settingsOf(orm, BEIJING.cityCode);
    await migrateUp(orm);
    const after = await settingsOf(orm, BEIJING.cityCode);
    expect(after.version).toBe(before.version + 1);
    expect(after.settings).toEqual({
      ...before.settings,
      lateFilingPenalty: { ...BEIJING.lateFilingPenalty },
      sources: { ...(before.settings.sources as object), filingDeadline: BEIJING.sources.filingDeadline },
    });
    const [change] = await sqlRows<{ settings: unknown; reason: string }>(
      orm.em.fork(),
      `select settings, reason from contracts.city_settings_change where city_code = ? and version = ?`,
      [BEIJING.cityCode, after.version],
    );
    expect(change).toEqual({ settings: after.settings, reason: expect.stringContaining('art. 63 para. 3') });
  });
});
