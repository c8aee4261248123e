import { Type } from '@sinclair/typebox';
import {
  Closed,
  DivisionCode,
  EventData,
  EventDefinition,
  IsoDateTime,
  Nullable,
  OneOf,
  TopicDefinition,
  Uuid,
} from './types';
import { BUILDING_CLASSES, GOVERNANCE_MODELS } from './vocabulary';

export const AREAS_TOPIC: TopicDefinition = {
  name: 'areas.areas.v1',
  producer: 'areas',
  description: 'Property-management areas (物业管理区域) registered and changed by street offices.',
  key: 'area id',
};

export const AREA_REGISTERED = {
  type: 'hub.areas.area.registered',
  topic: AREAS_TOPIC,
  summary: 'A street office registered a property-management area.',
  schema: Closed({
    areaId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    districtCode: DivisionCode,
    streetCode: DivisionCode,
    registeredBy: Type.String({ minLength: 1, description: 'organisation id of the street office' }),
    registeredAt: IsoDateTime,
  }),
} satisfies EventDefinition;

export const AREA_CHANGED = {
  type: 'hub.areas.area.changed',
  topic: AREAS_TOPIC,
  summary:
    'A street office changed which buildings form the area. Carries every building with its class, households and ' +
    'certificate floor area (hundredths of m²), so contracts can check fee classes and the agreement-selection threshold.',
  schema: Closed({
    areaId: Uuid,
    streetCode: DivisionCode,
    buildings: Type.Array(
      Closed({
        buildingId: Uuid,
        label: Type.String({ minLength: 1 }),
        buildingClass: OneOf(BUILDING_CLASSES),
        households: Type.Integer({ minimum: 0 }),
        floorAreaCentiM2: Type.Integer({ minimum: 0 }),
      }),
    ),
    totalFloorAreaCentiM2: Type.Integer({ minimum: 0 }),
    households: Type.Integer({ minimum: 0 }),
  }),
} satisfies EventDefinition;

export type AreaRegisteredData = EventData<typeof AREA_REGISTERED>;
export type AreaChangedData = EventData<typeof AREA_CHANGED>;

export const COMPOUNDS_TOPIC: TopicDefinition = {
  name: 'areas.compounds.v1',
  producer: 'areas',
  description:
    'Compounds as the street office registered or corrected them: name, street, governance model; no households or owners.',
  key: 'compound id',
};

export const COMPOUND_CHANGED = {
  type: 'hub.areas.compound.changed',
  topic: COMPOUNDS_TOPIC,
  summary:
    'A compound was registered or corrected; carries the whole compound as it now stands and its version, so a consumer replaces its copy with a newer version only.',
  schema: Closed({
    compoundId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    districtCode: DivisionCode,
    streetCode: DivisionCode,
    communityCode: Nullable(DivisionCode),
    governanceModel: OneOf(GOVERNANCE_MODELS),
    propertyRightsUnits: Type.Integer({ minimum: 0 }),
    // Added to v1 as an optional field (absent from messages published before compounds had versions).
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        description:
          "The compound's version: 1 when registered, one more with each correction. A consumer replaces its copy only with a higher version, so an event arriving after a newer one is ignored; an event without it was published before any that has it.",
      }),
    ),
    changedAt: IsoDateTime,
  }),
} satisfies EventDefinition;

export type CompoundChangedData = EventData<typeof COMPOUND_CHANGED>;
