import { Migration } from '@mikro-orm/migrations';
import { holidayYearDdl } from '../../../../platform/read-models/holiday-calendar';

/** The copy of the recorded holiday years (contracts.holiday-calendar.v1) this subgraph's periods are computed with. */
export class Migration20261201100000_holiday_years extends Migration {
  override async up(): Promise<void> {
    for (const sql of holidayYearDdl('areas')) this.addSql(sql);
  }
}
