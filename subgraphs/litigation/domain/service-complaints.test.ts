import { companyResponseOfOrder, serviceComplaintWindow } from './service-complaints';

describe('the 24 months of complaints a case package lists', () => {
  it('runs from the day after the same day two years before to the referral day', () => {
    expect(serviceComplaintWindow('2026-12-01')).toEqual({ from: '2024-12-02', to: '2026-12-01' });
  });

  it('takes the last day of February when the year before has no 29th (Civil Code art. 202)', () => {
    expect(serviceComplaintWindow('2028-02-29')).toEqual({ from: '2026-03-01', to: '2028-02-29' });
  });

  it("takes the company's own acceptance from the event, and from an older event only while the company holds the order", () => {
    const at = '2026-11-02T01:00:00.000Z';
    const held = { responsiblePartyKind: 'PROPERTY_COMPANY', partyOrganisationId: 'co-a', respondedAt: at };
    expect(companyResponseOfOrder({ ...held, companyOrganisationId: 'co-a', companyRespondedAt: null })).toBeNull();
    expect(companyResponseOfOrder({ ...held, companyOrganisationId: 'co-a', companyRespondedAt: at })).toBe(at);
    // published before the field: the company holds it, so the acceptance was its own (a replay no longer wipes it)
    expect(companyResponseOfOrder(held)).toBe(at);
    expect(companyResponseOfOrder({ ...held, companyOrganisationId: 'co-a' })).toBe(at);
    // escalated to a bureau: not known
    expect(
      companyResponseOfOrder({
        ...held,
        responsiblePartyKind: 'BUREAU',
        partyOrganisationId: 'bureau',
        companyOrganisationId: 'co-a',
      }),
    ).toBeNull();
  });
});
