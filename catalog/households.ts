import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, Nullable, OneOf, TopicDefinition, Uuid } from './types';
import { BUILDING_CLASSES } from './vocabulary';

export const HOUSEHOLDS_TOPIC: TopicDefinition = {
  name: 'areas.households.v1',
  producer: 'areas',
  description:
    'Household rosters of buildings: what billing needs (certificate floor area, building class, the area), no owner names.',
  key: 'building id',
};

/** `hub.areas.building.roster-changed`: the building's whole roster as it now stands. */
export const BUILDING_ROSTER_CHANGED = {
  type: 'hub.areas.building.roster-changed',
  topic: HOUSEHOLDS_TOPIC,
  summary:
    "A building's households changed (import, registration, correction) or the building joined an area. Carries the whole " +
    'roster, so a consumer replaces what it had for the building; owner names never leave the areas subgraph.',
  schema: Closed({
    buildingId: Uuid,
    compoundId: Uuid,
    areaId: Nullable(Uuid),
    buildingClass: OneOf(BUILDING_CLASSES),
    households: Type.Array(
      Closed({
        householdId: Uuid,
        unit: Type.String(),
        room: Type.String(),
        floorAreaCentiM2: Type.Integer({ minimum: 1 }),
        ownerReference: Type.String(),
        ownerSince: Type.Optional(
          Type.String({
            format: 'date',
            description:
              "The day the owner became the owner, as the register keeps it: the transfer's registration (Civil Code art. 209) or a buyer's lawful handover from the developer, where the street office gave it, else the day it changed the owner in the register. Absent for an owner registered with the household, and in rosters published before it was added. Fees of months begun before it are the former owner's.",
          }),
        ),
        ownerDiedOn: Type.Optional(
          Type.String({
            format: 'date',
            description:
              'The day the registered owner died, where the street office recorded it; absent otherwise, and in rosters published before it was added. A deceased owner cannot be sued (Civil Code art. 13): the heirs are to be registered as the owner.',
          }),
        ),
      }),
    ),
  }),
} satisfies EventDefinition;

export type BuildingRosterData = EventData<typeof BUILDING_ROSTER_CHANGED>;
