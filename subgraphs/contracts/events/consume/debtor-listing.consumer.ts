import { REFERRAL_DEBTOR_LISTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { recordDebtorListing } from '../../application/record-debtor-listing';

/** Courts' listings of owners as dishonest judgment debtors: each becomes the owner's credit entry. */
export const debtorListingConsumer: ConsumerDefinition = {
  name: 'contracts.debtor-listings',
  subscriptions: [on(REFERRAL_DEBTOR_LISTED, (em, event) => recordDebtorListing(em, event.data))],
};
