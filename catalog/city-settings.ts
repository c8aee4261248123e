import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, IsoDateTime, Nullable, TopicDefinition } from './types';

/**
 * What other subgraphs need of a city's settings (issue 17 §1: cities are data, kept in the contracts subgraph's
 * registry): the litigation subgraph takes the province whose small-claims threshold applies to the city's areas.
 * Compacted, keyed by city code: the latest version of every city stays, so a new consumer reads every city.
 */
export const CITY_SETTINGS_TOPIC: TopicDefinition = {
  name: 'contracts.city-settings.v1',
  producer: 'contracts',
  description: "Each version of a city's settings as the admin enters it, with what other subgraphs take from them.",
  key: 'city code',
  compacted: true,
};

const CityCode = Type.String({ pattern: '^[0-9]{6}$' });

/**
 * The longest reasonable period after a demand for payment a city's settings or a contract may state, in days: an
 * input bound, not a statute. Civil Code art. 944 para. 2 names the period without a number ("业主违反约定逾期不支付
 * 物业费的，物业服务人可以催告其在合理期限内支付；合理期限届满仍不支付的，物业服务人可以提起诉讼或者申请仲裁"), and no
 * Beijing figure is confirmed (litigation's statutes.ts). One constant for the city's setting, the contract's term and
 * both messages' schemas: before, the contracts subgraph kept it twice (statutes.ts and contract-terms.ts) and the
 * catalog twice more as literals.
 */
export const MAX_DEMAND_PERIOD_DAYS = 180;

export const CITY_SETTINGS_CHANGED = {
  type: 'hub.contracts.city-settings.changed',
  topic: CITY_SETTINGS_TOPIC,
  summary:
    "The admin entered a version of a city's settings. A consumer keeps the highest version of each city; the most " +
    'specific city code covering an area applies to it.',
  schema: Closed({
    cityCode: CityCode,
    cityName: Type.String({ minLength: 1, maxLength: 200 }),
    version: Type.Integer({ minimum: 1 }),
    smallClaimsProvince: Nullable(
      Closed({ code: Type.String({ pattern: '^[1-9][0-9]0000$' }), source: Type.String({ minLength: 1 }) }),
    ),
    demandPeriod: Type.Optional(
      Closed(
        { days: Type.Integer({ minimum: 1, maximum: MAX_DEMAND_PERIOD_DAYS }), source: Type.String({ minLength: 1 }) },
        {
          description:
            "The city's reasonable period after a demand for payment (Civil Code art. 944 para. 2), with its source. Added to v1 as an optional field left out when the city sets none, so such a version publishes exactly the message it did before.",
        },
      ),
    ),
    changedAt: IsoDateTime,
  }),
} satisfies EventDefinition;

export type CitySettingsChangedData = EventData<typeof CITY_SETTINGS_CHANGED>;
