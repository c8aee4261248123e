import type { DueDelivery } from '../../subgraphs/feeds/persistence/webhook.repository';

/** One claimed webhook delivery of a filing's acceptance, signed under `secret` (and `previousSecret` in an overlap). */
export const dueDelivery = (secret: string, previousSecret: string | null = null): DueDelivery => ({
  id: 1,
  claimToken: 't',
  subscriptionId: '5d3f0f7e-3f3b-4a8e-9a55-0d0b8b7c1e11',
  url: 'https://hooks.bureau.example/hub',
  secret,
  previousSecret,
  messageId: 'msg_0123456789abcdef0123456789abcdef',
  eventId: '0b9f3a50-8a2c-4b7e-9f0e-6a3c2d1e0f99',
  eventType: 'hub.contracts.filing.accepted',
  eventSource: '/property-governance-hub/contracts',
  eventSubject: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11',
  eventTime: new Date('2026-12-07T08:00:00.000Z'),
  body: JSON.stringify({ filingId: '3f1b8c1e-0a5e-4d43-9d2b-2b8d3c1f2e11', status: 'ACCEPTED' }),
  attempts: 0,
  firstAttemptAt: null,
});
