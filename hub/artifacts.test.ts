import YAML from 'yaml';
import { asyncApiDocument } from '../catalog/asyncapi';
import { partyFeedReaders } from './artifacts';

describe('the AsyncAPI document', () => {
  const readers = partyFeedReaders();
  const doc = YAML.parse(asyncApiDocument({}, readers)) as {
    channels: Record<string, { description: string }>;
    operations: Record<string, unknown>;
    components: { messages: Record<string, { headers: { properties: Record<string, { maxLength?: number }> } }> };
  };

  it('says who reads each party feed from the ACLs a registered party gets, and offers none nobody may read', () => {
    expect(readers['litigation.referrals.v1']).toBe("a court's principal, the topic of its own court id");
    expect(readers['contracts.filings.v1']).toMatch(/^a bureau's principal, every district its jurisdictions cover/);
    // No party is granted the credit records (README › Credit records): before, the document told parties to subscribe.
    expect(readers['credit.records.v1']).toBeUndefined();
    expect(doc.channels.creditRecordsV1PartyFeed.description).toMatch(/no outside party is granted READ/);
    expect(doc.operations.receiveCreditRecordsV1PartyFeed).toBeUndefined();
    expect(doc.operations.receiveLitigationReferralsV1PartyFeed).toBeDefined();
    expect(doc.channels.litigationReferralsV1PartyFeed.description).not.toMatch(/bureau/);
  });

  it('publishes the bound on ce_ headers that the hub dead-letters beyond', () => {
    const headers = doc.components.messages.hubLitigationReferralStatusChanged.headers.properties;
    expect([headers.ce_id.maxLength, headers.ce_subject.maxLength, headers.ce_tracestate.maxLength]).toEqual([
      512, 512, 512,
    ]);
  });
});
