import {
  COMMITTEE_DISSOLVED,
  COMMITTEE_FORMED,
  COMMITTEE_SUCCEEDED,
  JOINT_DECISION_RECORDED,
} from '../../../../catalog';
import { ConsumerDefinition, on } from '../../../../platform/events/consumer';
import {
  keepCommittee,
  keepCommitteeDissolved,
  keepCommitteeSucceeded,
  keepJointDecision,
} from '../../application/keep-governance';

/** The areas' committees and owners' joint decisions (areas.governance.v1), for levies and reported cut-offs. */
export const governanceConsumer: ConsumerDefinition = {
  name: 'arrears.governance',
  subscriptions: [
    on(JOINT_DECISION_RECORDED, (em, { data }) => keepJointDecision(em, data)),
    on(COMMITTEE_FORMED, (em, { data }) => keepCommittee(em, data)),
    on(COMMITTEE_DISSOLVED, (em, { data }) => keepCommitteeDissolved(em, data)),
    on(COMMITTEE_SUCCEEDED, (em, { data }) => keepCommitteeSucceeded(em, data)),
  ],
};
