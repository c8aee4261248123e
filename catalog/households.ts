import { EventDefinition, TopicDefinition, uuidSchema } from './types';

export const HOUSEHOLDS_TOPIC: TopicDefinition = {
  name: 'areas.households.v1',
  producer: 'areas',
  description:
    "Household rosters of buildings: what billing needs (certificate floor area, building class, the area), no owner names.",
  key: 'building id',
};

/** Payload of `hub.areas.building.roster-changed`: the building's whole roster as it now stands. */
export interface BuildingRosterData {
  buildingId: string;
  compoundId: string;
  areaId: string | null;
  buildingClass: 'LOW_RISE' | 'HIGH_RISE';
  households: { householdId: string; unit: string; room: string; floorAreaCentiM2: number; ownerReference: string }[];
}

export const BUILDING_ROSTER_CHANGED: EventDefinition = {
  type: 'hub.areas.building.roster-changed',
  topic: HOUSEHOLDS_TOPIC,
  summary:
    "A building's households changed (import, registration, correction) or the building joined an area. Carries the whole " +
    'roster, so a consumer replaces what it had for the building; owner names never leave the areas subgraph.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['buildingId', 'compoundId', 'areaId', 'buildingClass', 'households'],
    properties: {
      buildingId: uuidSchema,
      compoundId: uuidSchema,
      areaId: { anyOf: [uuidSchema, { type: 'null' }] },
      buildingClass: { enum: ['LOW_RISE', 'HIGH_RISE'] },
      households: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['householdId', 'unit', 'room', 'floorAreaCentiM2', 'ownerReference'],
          properties: {
            householdId: uuidSchema,
            unit: { type: 'string' },
            room: { type: 'string' },
            floorAreaCentiM2: { type: 'integer', minimum: 1 },
            ownerReference: { type: 'string' },
          },
        },
      },
    },
  },
};
