import { JOINT_DECISION_RECORDED } from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import { keepJointDecision } from '../../application/keep-joint-decision';

/** The owners' joint decisions (areas.governance.v1): a regular contract may name the one hiring its provider. */
export const governanceConsumer: ConsumerDefinition = {
  name: 'contracts.governance',
  subscriptions: [on(JOINT_DECISION_RECORDED, (em, { data }) => keepJointDecision(em, data))],
};
