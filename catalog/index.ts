import { AREA_CHANGED, AREA_REGISTERED, COMPOUND_CHANGED } from './areas';
import { COMPLAINT_ORDER_CHANGED, HOTLINE_ORDER_RECEIVED } from './complaints';
import {
  ACCOUNT_STATUS_CHANGED,
  CLAIM_UPDATED,
  COLLECTION_ACTION_RECORDED,
  COLLECTION_SUMMARIZED,
  LETTER_DELIVERED,
  LEVY_BUILDING_ACTIVATED,
  LEVY_DECIDED,
  PAYMENT_RECORDED,
  PAYMENT_REVERSED,
  UTILITY_CUT_OFF_REPORTED,
} from './arrears';
import { BUILDING_ROSTER_CHANGED } from './households';
import {
  BATCH_FORMED,
  COURT_CASE_EVENT_REPORTED,
  REFERRAL_DEBTOR_LISTED,
  REFERRAL_PACKAGE_CORRECTED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_SUBMITTED,
  REFERRAL_WITHDRAWN,
} from './litigation';
import { CREDIT_RECORD_PUBLISHED, CREDIT_RECORD_WITHDRAWN } from './credit';
import { FILING_EVENTS, FILING_REVIEW_DECIDED } from './filings';
import { DEADLINE_CHANGED_EVENTS, DEADLINE_REMINDER_DUE } from './deadlines';
import {
  ASSEMBLY_RECORDED,
  COMMITTEE_DISSOLVED,
  COMMITTEE_FORMED,
  COMMITTEE_RECORDED,
  COMMITTEE_SUCCEEDED,
  JOINT_DECISION_RECORDED,
  PREPARATORY_GROUP_FORMED,
} from './governance';
import { HAZARD_RESOLVED, PATROL_RECORDED } from './street-work';
import { HOLIDAY_YEAR_RECORDED } from './calendar';
import { CITY_SETTINGS_CHANGED } from './city-settings';
import { CONTRACT_DISCARDED, CONTRACT_DRAFTED } from './contract-areas';
import { COURT_CASE_EVENT_REFUSED, FILING_REVIEW_REFUSED } from './refusals';
import { EventDefinition, TopicDefinition } from './types';

export * from './types';
export * from './vocabulary';
export * from './named-decision';
export * from './areas';
export * from './governance';
export * from './street-work';
export * from './households';
export * from './filings';
export * from './arrears';
export * from './litigation';
export * from './complaints';
export * from './deadlines';
export * from './credit';
export * from './calendar';
export * from './city-settings';
export * from './contract-areas';
export * from './refusals';

export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  AREA_REGISTERED,
  AREA_CHANGED,
  COMMITTEE_FORMED,
  COMMITTEE_DISSOLVED,
  COMMITTEE_SUCCEEDED,
  JOINT_DECISION_RECORDED,
  ASSEMBLY_RECORDED,
  COMMITTEE_RECORDED,
  PREPARATORY_GROUP_FORMED,
  PATROL_RECORDED,
  HAZARD_RESOLVED,
  BUILDING_ROSTER_CHANGED,
  ...FILING_EVENTS,
  FILING_REVIEW_DECIDED,
  ACCOUNT_STATUS_CHANGED,
  PAYMENT_RECORDED,
  PAYMENT_REVERSED,
  COLLECTION_ACTION_RECORDED,
  LETTER_DELIVERED,
  LEVY_DECIDED,
  LEVY_BUILDING_ACTIVATED,
  CLAIM_UPDATED,
  COLLECTION_SUMMARIZED,
  UTILITY_CUT_OFF_REPORTED,
  REFERRAL_SUBMITTED,
  REFERRAL_PACKAGE_CORRECTED,
  REFERRAL_STATUS_CHANGED,
  REFERRAL_WITHDRAWN,
  BATCH_FORMED,
  COURT_CASE_EVENT_REPORTED,
  REFERRAL_DEBTOR_LISTED,
  COMPOUND_CHANGED,
  HOTLINE_ORDER_RECEIVED,
  COMPLAINT_ORDER_CHANGED,
  ...DEADLINE_CHANGED_EVENTS,
  DEADLINE_REMINDER_DUE,
  CREDIT_RECORD_PUBLISHED,
  CREDIT_RECORD_WITHDRAWN,
  HOLIDAY_YEAR_RECORDED,
  CITY_SETTINGS_CHANGED,
  CONTRACT_DRAFTED,
  CONTRACT_DISCARDED,
  FILING_REVIEW_REFUSED,
  COURT_CASE_EVENT_REFUSED,
];

export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = [...new Set(EVENT_DEFINITIONS.map((e) => e.topic))];

export function eventDefinition(type: string): EventDefinition | undefined {
  return EVENT_DEFINITIONS.find((e) => e.type === type);
}

/** Where a poison message of a subgraph's consumers goes, with the reason in its headers. */
export const deadLetterTopicOf = (subgraph: string) => `${subgraph}.dead-letter.v1`;
