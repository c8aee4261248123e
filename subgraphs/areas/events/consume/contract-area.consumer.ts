import { CONTRACT_DISCARDED, CONTRACT_DRAFTED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { forgetContractArea, recordContractArea } from '../../application/record-contract-area';

/** The areas of each company's contracts (drafts included, discarded drafts not): the company reads their identifying facts. */
export const contractAreaConsumer: ConsumerDefinition = {
  name: 'areas.contract-areas',
  subscriptions: [
    on(CONTRACT_DRAFTED, (em, { data }) =>
      recordContractArea(em, { contractId: data.contractId, companyId: data.companyId, areaId: data.areaId }),
    ),
    on(CONTRACT_DISCARDED, (em, { data }) => forgetContractArea(em, data.contractId)),
  ],
};
