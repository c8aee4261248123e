import { HouseholdRef } from './household.type';

/** A Household asked for by the gateway is just its id here: arrears adds its accounts (household.resolver.ts). */
export const householdReferenceResolvers = {
  Household: { __resolveReference: (ref: { id: string }): HouseholdRef => ({ id: ref.id }) },
};
