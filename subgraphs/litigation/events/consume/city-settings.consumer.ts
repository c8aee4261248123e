import { CITY_SETTINGS_CHANGED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { keepCityProvince } from '../../application/keep-city-province';

/** The cities' settings (contracts.city-settings.v1): the province whose small-claims threshold applies to each. */
export const citySettingsConsumer: ConsumerDefinition = {
  name: 'litigation.city-settings',
  subscriptions: [on(CITY_SETTINGS_CHANGED, (em, event) => keepCityProvince(em, event.data))],
};
