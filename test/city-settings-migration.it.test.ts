import { HubOrm, migrateUp } from '../platform/db/orm';
import { sqlRows, sqlRun } from '../platform/db/sql';
import { dropDatabase } from '../tools/postgres/local-postgres';
import { contractsSubgraph } from '../subgraphs/contracts/module';
import { BEIJING, BEIJING_AGREEMENT_SELECTION_SOURCE } from '../subgraphs/contracts/domain/statutes';
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
