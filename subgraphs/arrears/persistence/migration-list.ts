import type { MigrationEntry } from '../../../platform/db/orm';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261122010000_billable_households } from './migrations/Migration20261122010000_billable_households';
import { Migration20261122020000_filing_snapshots } from './migrations/Migration20261122020000_filing_snapshots';
import { Migration20261122030000_ledger } from './migrations/Migration20261122030000_ledger';
import { Migration20261122040000_claim_version } from './migrations/Migration20261122040000_claim_version';
import { Migration20261122050000_settled_amount } from './migrations/Migration20261122050000_settled_amount';
import { Migration20261130000000_levy_decisions_and_violations } from './migrations/Migration20261130000000_levy_decisions_and_violations';
import { Migration20261130100000_idempotency_keys } from './migrations/Migration20261130100000_idempotency_keys';
import { Migration20261130200000_outbox_notify } from './migrations/Migration20261130200000_outbox_notify';
import { Migration20261201100000_holiday_years } from './migrations/Migration20261201100000_holiday_years';
import { Migration20261201100000_outbox_traceparent } from './migrations/Migration20261201100000_outbox_traceparent';
import { Migration20261201120000_open_charge_index } from './migrations/Migration20261201120000_open_charge_index';
import { Migration20261201130000_arrears_balance } from './migrations/Migration20261201130000_arrears_balance';
import { Migration20261201150000_limitation_announcement } from './migrations/Migration20261201150000_limitation_announcement';

/**
 * The subgraph's checked-in migrations, in order. Only what migrates, verifies or hashes them loads this file (and
 * `@mikro-orm/migrations` with it): `migrations` in module.ts.
 */
export const migrations: MigrationEntry[] = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261122010000_billable_households', class: Migration20261122010000_billable_households },
  { name: 'Migration20261122020000_filing_snapshots', class: Migration20261122020000_filing_snapshots },
  { name: 'Migration20261122030000_ledger', class: Migration20261122030000_ledger },
  { name: 'Migration20261122040000_claim_version', class: Migration20261122040000_claim_version },
  { name: 'Migration20261122050000_settled_amount', class: Migration20261122050000_settled_amount },
  {
    name: 'Migration20261130000000_levy_decisions_and_violations',
    class: Migration20261130000000_levy_decisions_and_violations,
  },
  { name: 'Migration20261130100000_idempotency_keys', class: Migration20261130100000_idempotency_keys },
  { name: 'Migration20261130200000_outbox_notify', class: Migration20261130200000_outbox_notify },
  { name: 'Migration20261201100000_holiday_years', class: Migration20261201100000_holiday_years },
  { name: 'Migration20261201100000_outbox_traceparent', class: Migration20261201100000_outbox_traceparent },
  { name: 'Migration20261201120000_open_charge_index', class: Migration20261201120000_open_charge_index },
  { name: 'Migration20261201130000_arrears_balance', class: Migration20261201130000_arrears_balance },
  {
    name: 'Migration20261201150000_limitation_announcement',
    class: Migration20261201150000_limitation_announcement,
  },
];
