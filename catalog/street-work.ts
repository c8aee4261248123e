import { Type } from '@sinclair/typebox';
import {
  Closed,
  DivisionCode,
  EventData,
  EventDefinition,
  IsoDate,
  Nullable,
  OneOf,
  TopicDefinition,
  Uuid,
} from './types';
import { HAZARD_KINDS, PATROLLER_KINDS } from './vocabulary';

/**
 * The street's work in its areas (seed 004 §五(四)(五)): patrols and the hazards they find, until each is resolved.
 * Published by the areas subgraph to `areas.street-work.v1` and to the district's feed
 * `areas.street-work.v1.<district code>`, which the bureaus (and the enforcement bureau) whose jurisdictions cover the
 * district read. No person is named: not the patroller, not the party notified, no free-text note.
 */
export const STREET_WORK_TOPIC: TopicDefinition = {
  name: 'areas.street-work.v1',
  producer: 'areas',
  description:
    'Patrols of property-management areas recorded by the street office, the hazards found and their resolution.',
  key: 'area id',
  partyFeed: { party: 'district code (a bureau reads the districts its jurisdictions cover)', field: 'districtCode' },
};

const areaOf = { areaId: Uuid, streetCode: DivisionCode, districtCode: DivisionCode };

export const PATROL_RECORDED = {
  type: 'hub.areas.patrol.recorded',
  topic: STREET_WORK_TOPIC,
  summary:
    "The area's street office recorded a patrol (its own, a residents' committee's or the provider's) with the hazards " +
    'found: kind, location, whether a warning was set up, whether and when a party was notified, the date set to resolve it.',
  schema: Closed({
    ...areaOf,
    patrolId: Uuid,
    patrolledOn: IsoDate,
    patrollerKind: OneOf(PATROLLER_KINDS),
    hazards: Type.Array(
      Closed({
        hazardId: Uuid,
        kind: OneOf(HAZARD_KINDS),
        location: Type.String({ minLength: 1, maxLength: 500 }),
        warningSetUp: Type.Boolean(),
        partyNotified: Type.Boolean(),
        notifiedOn: Nullable(IsoDate),
        resolveBy: Nullable(IsoDate),
      }),
      { maxItems: 50 },
    ),
  }),
} satisfies EventDefinition;

export const HAZARD_RESOLVED = {
  type: 'hub.areas.hazard.resolved',
  topic: STREET_WORK_TOPIC,
  summary: 'The area’s street office recorded a hazard found on a patrol as resolved; it is no longer open or overdue.',
  schema: Closed({
    ...areaOf,
    hazardId: Uuid,
    patrolId: Uuid,
    kind: OneOf(HAZARD_KINDS),
    foundOn: IsoDate,
    resolveBy: Nullable(IsoDate),
    resolvedOn: IsoDate,
  }),
} satisfies EventDefinition;

export type PatrolRecordedData = EventData<typeof PATROL_RECORDED>;
export type HazardResolvedData = EventData<typeof HAZARD_RESOLVED>;
