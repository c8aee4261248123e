import { Migration } from '@mikro-orm/migrations';
import { AREA_DEADLINE_CHANGED } from '../../../../catalog';
import { TIME_ORDERED_UUID_SQL } from '../../../../platform/db/time-ordered-uuid';
import { AREAS_EVENT_SOURCE } from '../../events/publish/area-events';

/**
 * The rules a property-management committee is held to (domain/statutes.ts PMC_RULES_DIVISIONS): '11', Beijing's
 * regulation, for a committee of a Beijing area; null where the hub holds none, which is every other city. Committees
 * formed before are given them by their area's district. One formed before elsewhere was given Beijing's deadlines:
 * its stored figures are cleared, and the deadlines still open in the register (the filing, unfiled; the recording,
 * filed and not recorded) are announced cancelled, so the register stops chasing the office under Beijing's articles.
 */
export class Migration20261226000000_committee_rules extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "areas"."governance_body" add column "pmc_rules" text null`);
    this.addSql(`update "areas"."governance_body" b set "pmc_rules" = '11' from "areas"."area" a
      where a."id" = b."area_id" and b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and a."district_code" like '11%'`);
    const legalBasis =
      "Cancelled: Beijing Property Management Regulation arts. 52–59 do not apply to this city's committees, and the hub holds no rules of its own for them";
    this
      .addSql(`insert into "areas"."outbox" ("event_id", "topic", "message_key", "event_type", "source", "subject", "occurred_at", "payload", "attempts")
      select ${TIME_ORDERED_UUID_SQL}, '${AREA_DEADLINE_CHANGED.topic.name}', d.key, '${AREA_DEADLINE_CHANGED.type}', '${AREAS_EVENT_SOURCE}',
             b."id"::text, now(),
             jsonb_build_object('deadlineKey', d.key, 'kind', d.kind, 'subjectId', b."id"::text, 'ownerKind', 'STREET_OFFICE',
               'ownerOrganisationId', b."created_by",
               'districtCode', case when a."district_code" ~ '^[0-9]{6}$' then a."district_code" end,
               'legalBasis', '${legalBasis.replace(/'/g, "''")}', 'dueOn', d.due_on, 'metOn', null, 'cancelled', true, 'sequence', 3),
             0
        from "areas"."governance_body" b join "areas"."area" a on a."id" = b."area_id"
        cross join lateral (values
          ('committee-filing:' || b."id", 'COMMITTEE_FILING', to_char(b."filing_deadline", 'YYYY-MM-DD'), b."filed_on" is null),
          ('committee-recording:' || b."id", 'COMMITTEE_RECORDING', null, b."filed_on" is not null and b."recorded_on" is null)
        ) d(key, kind, due_on, open)
       where b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and b."pmc_rules" is null and b."dissolved_on" is null and d.open`);
    this.addSql(`update "areas"."governance_body" set "filing_deadline" = null, "filed_late" = null,
        "dissolution_deadline" = null, "dissolved_late" = null
      where "kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and "pmc_rules" is null`);
  }
}
