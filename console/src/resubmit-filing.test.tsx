import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ResubmitFilingForm, ReturnedFiling } from './screens/contract-actions';
import { formFieldsOf, type HeldTerms } from './screens/contract-terms';
import { ContractActions } from './screens/contracts';
import { Call } from './test-client';
import { renderAnswering } from './test-render';

const contractId = '00000000-0000-4000-8000-000000000041';
const filingId = '00000000-0000-4000-8000-000000000051';

const renderWith = renderAnswering;

const terms: HeldTerms = {
  kind: 'REGULAR',
  number: 'HJ6-02',
  title: '红居南街6号院物业服务合同',
  ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会' },
  selectionMethod: 'TENDER',
  approvalReference: null,
  signedOn: '2026-11-20',
  startsOn: '2026-12-01',
  endsOn: '2029-11-30',
  serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
  feeSchedule: {
    classes: [
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 178,
        ownerRateFenPerM2Month: 100,
        subsidies: [{ payer: '区财政', rateFenPerM2Month: 78, startMonth: '2026-12', months: 12 }],
      },
    ],
  },
  lateFee: { dailyRatePerTenThousand: 3, monthlyRatePerTenThousand: null, graceDays: 30, capPercentOfPrincipal: null },
  demandPeriodDays: 60,
  parties: [
    { role: 'PROVIDER', name: '北京红居物业服务有限公司', registration: '91110102MA0000CONS1', signatory: '张经理' },
  ],
};
const contractText = {
  name: '物业服务合同.pdf',
  type: 'CONTRACT_TEXT' as const,
  sizeBytes: 2048,
  sha256: 'a'.repeat(64),
};
const assessment = {
  name: '收费标准测算.pdf',
  type: 'FEE_ASSESSMENT' as const,
  sizeBytes: 1024,
  sha256: 'b'.repeat(64),
};
const reasons = [
  { field: 'feeSchedule.classes[0].ownerRateFenPerM2Month', reason: '业主缴费标准与测算报告不一致' },
  { field: 'documents', reason: '缺少收费标准测算报告' },
];
const returned: ReturnedFiling = { id: filingId, terms, returnReasons: reasons, documents: [contractText] };

/** The 办理 drawer's contract: in force with its first filing accepted and, if given, an amendment's filing. */
const contractWith = (amendment?: string) => ({
  contract: {
    id: contractId,
    number: 'HJ6-02',
    status: 'ACCEPTED',
    area: { id: 'a-1', name: '红居南街6号院' },
    terms,
    filings: [
      { id: 'f-0', kind: 'INITIAL', status: 'ACCEPTED', currentVersion: 1, terms, versions: [] },
      ...(amendment
        ? [
            {
              id: filingId,
              kind: 'AMENDMENT',
              status: amendment,
              currentVersion: 1,
              terms,
              versions: [{ version: 1, returnReasons: amendment === 'RETURNED' ? reasons : [], documents: [] }],
            },
          ]
        : []),
    ],
  },
});

describe('重新提交 a returned filing', () => {
  it.each([
    ['no other filing', undefined, false],
    ['an amendment under review', 'SUBMITTED', false],
    ['a returned amendment', 'RETURNED', true],
  ])('offers the action only for a RETURNED filing: %s', async (_, amendment, offered) => {
    renderWith(<ContractActions contractId={contractId} onChanged={() => undefined} />, ({ name }) =>
      name === 'ContractForActions' ? { data: contractWith(amendment) } : { data: { contractDocuments: [] } },
    );
    expect(await screen.findByRole('tab', { name: '变更' })).toBeTruthy();
    expect(screen.queryAllByRole('tab', { name: /重新提交/ }).length).toBe(offered ? 1 : 0);
    if (offered) expect(screen.getByRole('tab', { name: '重新提交（变更备案）' })).toBeTruthy();
  });

  it('maps the bureau’s field names to the form’s fields', () => {
    expect(formFieldsOf('feeSchedule.classes[0]')).toEqual([
      ['classes', 0, 'buildingClass'],
      ['classes', 0, 'assessedYuan'],
      ['classes', 0, 'ownerYuan'],
    ]);
    expect(formFieldsOf('feeSchedule.classes[1].ownerRateFenPerM2Month')).toEqual([['classes', 1, 'ownerYuan']]);
    expect(formFieldsOf('parties[0].signatory')).toEqual([['parties', 0, 'signatory']]);
    expect(formFieldsOf('ownersSide.name')).toEqual([['ownersSideName']]);
    expect(formFieldsOf('lateFee.monthlyRatePerTenThousand')).toEqual([['lateFeeRate']]);
    expect(formFieldsOf('documents')).toEqual([]);
    expect(formFieldsOf('feeSchedule.classes[0].subsidies')).toEqual([]);
    // Names of Object's own properties are no fields (before, `constructor` threw and blanked the page).
    for (const name of ['constructor', 'toString', '__proto__', 'parties[0].constructor', 'parties[0].hasOwnProperty'])
      expect(formFieldsOf(name)).toEqual([]);
  });

  it('prefills the returned terms, shows the reasons and marks the named field, and sends the edited terms with the documents', async () => {
    const calls: Call[] = [];
    const resubmitted: boolean[] = [];
    renderWith(
      <ResubmitFilingForm
        contractId={contractId}
        filing={returned}
        pending={[assessment]}
        onUploaded={() => undefined}
        onResubmitted={() => resubmitted.push(true)}
      />,
      () => ({ data: { resubmitFiling: { id: filingId, status: 'SUBMITTED', currentVersion: 2 } } }),
      calls,
    );
    expect((screen.getByLabelText('合同编号') as HTMLInputElement).value).toBe('HJ6-02');
    expect((screen.getByLabelText('业主缴费标准 1') as HTMLInputElement).value).toBe('1.00');
    expect((screen.getByLabelText('催告后合理期限（天，选填）') as HTMLInputElement).value).toBe('60');
    const list = screen.getByRole('list', { name: '退回理由' });
    expect(within(list).getByText('feeSchedule.classes[0].ownerRateFenPerM2Month')).toBeTruthy();
    expect(within(list).getByText('业主缴费标准与测算报告不一致')).toBeTruthy();
    expect(within(list).getByText('缺少收费标准测算报告')).toBeTruthy();
    // The named field carries the reason beside it; a field the bureau did not name does not.
    expect(await screen.findByText('退回理由：业主缴费标准与测算报告不一致')).toBeTruthy();
    const item = (label: string) => screen.getByLabelText(label).closest('.ant-form-item');
    expect(item('业主缴费标准 1')?.classList.contains('ant-form-item-has-warning')).toBe(true);
    expect(item('核定标准 1')?.classList.contains('ant-form-item-has-warning')).toBe(false);
    // The documents: the returned version's kept, the one uploaded since added; the upload form is offered.
    expect(screen.getByText('物业服务合同.pdf')).toBeTruthy();
    expect(screen.getByText('收费标准测算.pdf')).toBeTruthy();
    expect(screen.getByRole('form', { name: '上传材料' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('业主缴费标准 1'), { target: { value: '1.78' } });
    fireEvent.change(screen.getByLabelText('合同名称'), { target: { value: ' 红居南街6号院物业服务合同（补正） ' } });
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(resubmitted).toEqual([true]));
    expect(calls.map((c) => c.name)).toEqual(['ResubmitFiling']);
    const sent = calls[0].variables as { idempotencyKey: string; terms: Record<string, unknown> };
    expect(sent).toMatchObject({
      filingId,
      documents: [
        { name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 2048, sha256: 'a'.repeat(64) },
        { name: '收费标准测算.pdf', type: 'FEE_ASSESSMENT', sizeBytes: 1024, sha256: 'b'.repeat(64) },
      ],
    });
    expect(sent.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.terms).toMatchObject({
      number: 'HJ6-02',
      title: '红居南街6号院物业服务合同（补正）',
      signedOn: '2026-11-20',
      feeSchedule: {
        classes: [
          {
            buildingClass: 'LOW_RISE',
            assessedRateFenPerM2Month: 178,
            ownerRateFenPerM2Month: 178,
            subsidies: terms.feeSchedule.classes[0].subsidies,
          },
        ],
      },
      lateFee: { dailyRatePerTenThousand: 3, graceDays: 30 },
      // The contract's demand period goes with it (before, the console never read or sent it: a resubmission or an
      // amendment dropped it and referrals became eligible on the city's or the hub's shorter period).
      demandPeriodDays: 60,
    });
  });

  it('shows the API’s refusal with its code and fields; a retry keeps the key, an edited attempt gets a new one', async () => {
    const calls: Call[] = [];
    renderWith(
      <ResubmitFilingForm
        contractId={contractId}
        filing={returned}
        pending={[]}
        onUploaded={() => undefined}
        onResubmitted={() => undefined}
      />,
      () => ({
        errors: [
          {
            message: 'The filing lacks required materials',
            extensions: {
              code: 'BAD_USER_INPUT',
              details: { fields: { documents: 'FEE_ASSESSMENT is required for a fee above the guide price' } },
            },
          },
        ],
      }),
      calls,
    );
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    expect(await screen.findByText('The filing lacks required materials（BAD_USER_INPUT）')).toBeTruthy();
    expect(screen.getByText('FEE_ASSESSMENT is required for a fee above the guide price')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(calls.length).toBe(2));
    fireEvent.change(screen.getByLabelText('合同名称'), { target: { value: '红居南街6号院物业服务合同（再次补正）' } });
    fireEvent.click(screen.getByRole('button', { name: '重新提交' }));
    await waitFor(() => expect(calls.length).toBe(3));
    const keys = calls.map((c) => c.variables.idempotencyKey);
    expect(calls.map((c) => c.name)).toEqual(['ResubmitFiling', 'ResubmitFiling', 'ResubmitFiling']);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(calls[2].variables.documents).toEqual([
      { name: '物业服务合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 2048, sha256: 'a'.repeat(64) },
    ]);
  });
});
