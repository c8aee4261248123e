import { screen } from '@testing-library/react';
import { CaseDrawer } from './screens/referrals';
import { Answer, Call } from './test-client';
import { renderAnswering } from './test-render';

const referralId = '00000000-0000-4000-8000-000000000031';
const referral = (caseAcceptanceFee: unknown) => ({
  id: referralId,
  areaName: '红居南街6号院',
  companyId: '91110102MA0000ARRA',
  plaintiffName: '北京红居物业服务有限公司',
  status: 'SUBMITTED',
  procedure: 'SMALL_CLAIMS',
  caseNumber: null,
  enforcementCaseNumber: null,
  docketedOn: null,
  hearingOn: null,
  decidedOn: null,
  amountInDisputeFen: 300_000,
  grandTotalFen: 300_000,
  caseAcceptanceFee,
  packages: [],
  courtEvents: [],
});
const answering =
  (fee: unknown) =>
  (call: Call): Answer =>
    call.name === 'ReferralCase'
      ? {
          data: {
            referral: referral(fee),
            verifyCasePackage: { valid: true, chainValid: true, version: 1, reason: null },
          },
        }
      : { data: {} };

describe('a case’s details', () => {
  it('shows the case acceptance fee paid in advance, halved for a small claim with the full fee beside it', async () => {
    const fee = { fullFen: 5_000, onDocketingFen: 2_500, halvedUnder: '诉讼费用交纳办法 art. 16' };
    renderAnswering(<CaseDrawer referralId={referralId} court={false} onClose={() => undefined} />, answering(fee));
    expect(await screen.findByText('案件受理费（预交）')).toBeTruthy();
    expect(screen.getByText('25.00元（减半交纳，全额 50.00元）')).toBeTruthy();
  });

  it('shows no fee where the hub gives none (an ineligible referral, not sent)', async () => {
    renderAnswering(<CaseDrawer referralId={referralId} court={false} onClose={() => undefined} />, answering(null));
    expect(await screen.findByText('标的额')).toBeTruthy();
    expect(screen.queryByText('案件受理费（预交）')).toBeNull();
  });
});
