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
