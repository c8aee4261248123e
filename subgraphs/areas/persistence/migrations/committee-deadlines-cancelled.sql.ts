import { AREA_DEADLINE_CHANGED } from '../../../../catalog';
import { TIME_ORDERED_UUID_SQL } from '../../../../platform/db/time-ordered-uuid';
import { AREAS_EVENT_SOURCE } from '../../events/publish/area-events';

/**
 * The deadline events announcing cancelled (sequence 3: a cancellation's number when the two migrations that use it
 * were written; events/publish/deadline-events.ts committeeDeadlineSequence has made it 4 since, 3 being a meeting, so
 * a migration written now must not use this as it stands) the deadlines still open of the standing property-management
 * committees `committees` names (an SQL condition on the committee `b`): the filing, unfiled, and the recording, filed
 * and not recorded, as events/publish/deadline-events.ts writes them, with `legalBasis` saying why. For a migration
 * that takes a committee's deadlines away, so the register stops chasing its street office.
 */
export function cancelOpenCommitteeDeadlinesSql(committees: string, legalBasis: string): string {
  return `insert into "areas"."outbox" ("event_id", "topic", "message_key", "event_type", "source", "subject", "occurred_at", "payload", "attempts")
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
       where b."kind" = 'PROPERTY_MANAGEMENT_COMMITTEE' and ${committees} and b."dissolved_on" is null and d.open`;
}
