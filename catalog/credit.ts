import { Type } from '@sinclair/typebox';
import { Closed, EventData, EventDefinition, IsoDate, Nullable, OneOf, TopicDefinition, Uuid } from './types';
import { CREDIT_ENTRY_KINDS, CREDIT_SUBJECT_KINDS } from './vocabulary';

/**
 * The credit feed for a city's credit platform (issue 17 §3): an entry once its notice period has run without an
 * open objection, and its withdrawal when a bureau upholds an objection afterwards. Each city reads its own copy,
 * `credit.records.v1.<city code>`. A company is named by its id; an owner only through the court's listing (court
 * and enforcement case number) and the household id: no name, ID number, phone or address.
 */
export const CREDIT_RECORDS_TOPIC: TopicDefinition = {
  name: 'credit.records.v1',
  producer: 'contracts',
  description:
    'Credit records published for cities’ credit platforms after their notice period: company conduct (late or returned filings, unlawful collection measures, bureau findings) and owners listed by a court as dishonest judgment debtors; withdrawals.',
  key: 'credit entry id',
  partyFeed: { party: 'city code (GB/T 2260)', field: 'cityCode' },
};

const entry = {
  entryId: Uuid,
  cityCode: Type.String({ pattern: '^[0-9]{6}$' }),
  subjectKind: OneOf(CREDIT_SUBJECT_KINDS),
  companyId: Nullable(Type.String({ description: 'The company, for a company entry.' })),
  owner: Nullable(
    Closed(
      {
        householdId: Uuid,
        courtId: Type.String(),
        caseNumber: Type.String({ description: 'The enforcement case number of the court’s listing.' }),
      },
      { description: 'For an owner entry: the court’s listing identifies the party; no personal data is carried.' },
    ),
  ),
  kind: OneOf(CREDIT_ENTRY_KINDS),
  legalBasis: Type.String({ minLength: 1 }),
  occurredOn: IsoDate,
  source: Type.String({ description: 'Who reported it: the filing, the bureau, or the court.' }),
};

export const CREDIT_RECORD_PUBLISHED = {
  type: 'hub.credit.record.published',
  topic: CREDIT_RECORDS_TOPIC,
  summary: 'A credit entry whose notice period ran without an objection pending, for the city’s credit platform.',
  schema: Closed({ ...entry, publishedOn: IsoDate }),
} satisfies EventDefinition;

export const CREDIT_RECORD_WITHDRAWN = {
  type: 'hub.credit.record.withdrawn',
  topic: CREDIT_RECORDS_TOPIC,
  summary: 'A published credit entry withdrawn: the bureau upheld an objection to it.',
  schema: Closed({ ...entry, withdrawnOn: IsoDate, reason: Type.String() }),
} satisfies EventDefinition;

export type CreditRecordPublishedData = EventData<typeof CREDIT_RECORD_PUBLISHED>;
export type CreditRecordWithdrawnData = EventData<typeof CREDIT_RECORD_WITHDRAWN>;
