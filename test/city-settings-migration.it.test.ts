import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { BEIJING, BEIJING_AGREEMENT_SELECTION_SOURCE, LINJIANG_SETTINGS } from '../subgraphs/contracts/domain/statutes';
import { adminPostgresUrl, uniqueSuffix } from './support/hub-fixture';
import { runDatabaseName } from './support/run-databases';
import { migratedSubgraphOrm } from './support/subgraph-orm';

/**
 * A database migrated before Beijing's stand-in agreement threshold was dropped (ad55be5) holds Beijing's settings as
 * the migrations then wrote them: 30,000 m² (seed 004's 临江市 figure) and its source. Migration 20261207000000 removes
 * the stand-in as a new version with its reason; the rest of the settings stay as they were.
 */
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
    const read = async (cityCode: string) =>
      (
        await sqlRows<{ settings: Record<string, unknown>; version: number }>(
          orm.em.fork(),
          `select settings, version from contracts.city_settings where city_code = ?`,
          [cityCode],
        )
      )[0];
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
