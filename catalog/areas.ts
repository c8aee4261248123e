import { EventDefinition, TopicDefinition, divisionCodeSchema, uuidSchema } from './types';

export const AREAS_TOPIC: TopicDefinition = {
  name: 'areas.areas.v1',
  producer: 'areas',
  description: 'Property-management areas (物业管理区域) registered and changed by street offices.',
  key: 'area id',
};

/** Payload of `hub.areas.area.registered`. */
export interface AreaRegisteredData {
  areaId: string;
  name: string;
  districtCode: string;
  streetCode: string;
  registeredBy: string;
  registeredAt: string;
}

export const AREA_REGISTERED: EventDefinition = {
  type: 'hub.areas.area.registered',
  topic: AREAS_TOPIC,
  summary: 'A street office registered a property-management area.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'name', 'districtCode', 'streetCode', 'registeredBy', 'registeredAt'],
    properties: {
      areaId: uuidSchema,
      name: { type: 'string', minLength: 1, maxLength: 200 },
      districtCode: divisionCodeSchema,
      streetCode: divisionCodeSchema,
      registeredBy: { type: 'string', minLength: 1, description: 'organisation id of the street office' },
      registeredAt: { type: 'string', format: 'date-time' },
    },
  },
};

/** Payload of `hub.areas.area.changed`: the area's buildings after a (re)delimitation. */
export interface AreaChangedData {
  areaId: string;
  streetCode: string;
  buildings: { buildingId: string; label: string; buildingClass: 'LOW_RISE' | 'HIGH_RISE'; households: number; floorAreaCentiM2: number }[];
  totalFloorAreaCentiM2: number;
  households: number;
}

export const AREA_CHANGED: EventDefinition = {
  type: 'hub.areas.area.changed',
  topic: AREAS_TOPIC,
  summary:
    "A street office changed which buildings form the area. Carries every building with its class, households and " +
    'certificate floor area (hundredths of m²), so contracts can check fee classes and the agreement-selection threshold.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['areaId', 'streetCode', 'buildings', 'totalFloorAreaCentiM2', 'households'],
    properties: {
      areaId: uuidSchema,
      streetCode: divisionCodeSchema,
      buildings: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['buildingId', 'label', 'buildingClass', 'households', 'floorAreaCentiM2'],
          properties: {
            buildingId: uuidSchema,
            label: { type: 'string', minLength: 1 },
            buildingClass: { enum: ['LOW_RISE', 'HIGH_RISE'] },
            households: { type: 'integer', minimum: 0 },
            floorAreaCentiM2: { type: 'integer', minimum: 0 },
          },
        },
      },
      totalFloorAreaCentiM2: { type: 'integer', minimum: 0 },
      households: { type: 'integer', minimum: 0 },
    },
  },
};
