import { webcrypto } from 'node:crypto';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { todayInChina } from '../../kernel/clock';
import {
  DiscardDraft,
  DocumentUpload,
  DraftContractForm,
  RecordContinuedService,
  TerminateContractForm,
} from './screens/contract-actions';
import { HeldTerms, termsInput, valuesOf } from './screens/contract-terms';
import { ContractActions } from './screens/contracts';
import { Call } from './test-client';
import { renderAnswering } from './test-render';

// jsdom has no Web Crypto digest; the browser's is the same standard API.
Object.defineProperty(globalThis.crypto, 'subtle', { value: webcrypto.subtle, configurable: true });

const contractId = '00000000-0000-4000-8000-000000000040';

const renderWith = renderAnswering;

const held: HeldTerms = {
  kind: 'REGULAR',
  number: 'HJ6-01',
  title: '红居南街6号院物业服务合同',
  ownersSide: { kind: 'PROPERTY_MANAGEMENT_COMMITTEE', name: '红居南街6号院物业管理委员会' },
  selectionMethod: 'TENDER',
  approvalReference: null,
  signedOn: '2026-08-22',
  startsOn: '2026-09-01',
  endsOn: '2029-08-31',
  serviceItems: [{ item: '公共区域保洁', standard: '楼道每日清扫' }],
  feeSchedule: {
    classes: [
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 178,
        ownerRateFenPerM2Month: 100,
        subsidies: [{ payer: '区财政', rateFenPerM2Month: 78, startMonth: '2026-09', months: 12 }],
      },
    ],
  },
  lateFee: { dailyRatePerTenThousand: 3, graceDays: 30, capPercentOfPrincipal: null },
  parties: [
    { role: 'PROVIDER', name: '北京红居物业服务有限公司', registration: '91110102MA0000CONS1', signatory: '张经理' },
  ],
};

describe('contract terms', () => {
  it('round-trips the held terms: rates in yuan on the form, fen to the API, subsidies kept on an amendment', () => {
    const values = valuesOf(held);
    expect(values.classes).toEqual([{ buildingClass: 'LOW_RISE', assessedYuan: 1.78, ownerYuan: 1 }]);
    const input = termsInput(
      { ...values, classes: [{ buildingClass: 'LOW_RISE', assessedYuan: 1.85, ownerYuan: 1.05 }] },
      held,
    );
    expect(input.feeSchedule.classes).toEqual([
      {
        buildingClass: 'LOW_RISE',
        assessedRateFenPerM2Month: 185,
        ownerRateFenPerM2Month: 105,
        subsidies: held.feeSchedule.classes[0].subsidies,
      },
    ]);
    expect(input.lateFee).toEqual({
      dailyRatePerTenThousand: 3,
      graceDays: 30,
      capPercentOfPrincipal: null,
      clauseText: null,
    });
    expect(termsInput({ ...values, lateFeeRate: null }).lateFee).toBeNull();
    expect(termsInput(values).feeSchedule.classes[0].subsidies).toEqual([]);
  });

  it('keeps a monthly late-fee rate and the clause through an amendment', () => {
    const clause = '业主逾期交纳物业费的，每逾期一个月按欠费金额的百分之一支付违约金。';
    const monthly: HeldTerms = {
      ...held,
      lateFee: { dailyRatePerTenThousand: null, monthlyRatePerTenThousand: 100, graceDays: 0, clauseText: clause },
    };
    const values = valuesOf(monthly);
    expect(values).toMatchObject({ lateFeeRate: 100, lateFeeBasis: 'MONTHLY', lateFeeClause: clause });
    expect(termsInput(values, monthly).lateFee).toEqual({
      monthlyRatePerTenThousand: 100,
      graceDays: 0,
      capPercentOfPrincipal: null,
      clauseText: clause,
    });
    expect(valuesOf(held).lateFeeBasis).toBe('DAILY');
  });

  it("keeps the contract's demand period through an amendment, and none when it states none", () => {
    // Before, the console neither read nor sent it: every amendment dropped the contract's 60 days.
    expect(termsInput(valuesOf({ ...held, demandPeriodDays: 60 }), held).demandPeriodDays).toBe(60);
    expect(termsInput(valuesOf(held), held).demandPeriodDays).toBeNull();
  });

  it("keeps the owners' hiring decision a contract names through an amendment, and none when it names none", () => {
    const decision = '5b0d7f4e-1c2a-4e3b-9f8d-7a6b5c4d3e2f';
    expect(termsInput(valuesOf({ ...held, hiringDecisionId: decision }), held).hiringDecisionId).toBe(decision);
    expect(termsInput(valuesOf(held), held).hiringDecisionId).toBeNull();
    expect(termsInput({ ...valuesOf(held), hiringDecisionId: '  ' }, held).hiringDecisionId).toBeNull();
  });

  it('keeps the ground of a choice by agreement through an amendment, and sends none beside a tender or a regular contract', () => {
    const agreed = {
      ...held,
      kind: 'PRELIMINARY',
      selectionMethod: 'AGREEMENT',
      agreementGround: 'FEWER_THAN_THREE_BIDDERS',
    };
    expect(termsInput(valuesOf(agreed), agreed).agreementGround).toBe('FEWER_THAN_THREE_BIDDERS');
    expect(termsInput({ ...valuesOf(agreed), selectionMethod: 'TENDER' }, agreed).agreementGround).toBeNull();
    expect(termsInput({ ...valuesOf(agreed), kind: 'REGULAR' }, agreed).agreementGround).toBeNull();
    expect(termsInput(valuesOf({ ...held, selectionMethod: 'AGREEMENT' }), held).agreementGround).toBeNull();
  });
});

describe('起草合同 form', () => {
  it('names every missing field and a term that ends before it starts, and sends nothing', async () => {
    const calls: Call[] = [];
    renderWith(
      <DraftContractForm areas={[{ id: 'a-1', name: '红居南街6号院' }]} onDrafted={() => undefined} />,
      () => ({ data: {} }),
      calls,
    );
    fireEvent.change(screen.getByLabelText('起始日期'), { target: { value: '2027-01-01' } });
    fireEvent.change(screen.getByLabelText('到期日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: '保存草稿' }));
    for (const text of [
      '请选择物业管理区域',
      '请填写合同编号',
      '请填写合同名称',
      '请填写委托方名称',
      '请填写签订日期',
      '到期日期须晚于起始日期',
      '请填写服务事项',
      '请填写服务标准',
      '请填写当事人名称',
      '请填写签字人',
    ])
      expect((await screen.findAllByText(text, undefined, { timeout: 10_000 })).length).toBeGreaterThan(0);
    expect(calls).toEqual([]);
  });
});

describe('终止合同 form', () => {
  it('refuses a handover before the termination and a blank reason', async () => {
    const calls: Call[] = [];
    renderWith(
      <TerminateContractForm contractId={contractId} onTerminated={() => undefined} />,
      () => ({ data: {} }),
      calls,
    );
    fireEvent.change(screen.getByLabelText('终止日期'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByLabelText('交接日期'), { target: { value: '2026-12-30' } });
    fireEvent.change(screen.getByLabelText('终止原因'), { target: { value: '  ' } });
    fireEvent.click(screen.getByRole('button', { name: '终止合同' }));
    expect(await screen.findByText('交接日期不能早于终止日期')).toBeTruthy();
    expect(screen.getByText('请填写终止原因')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the dates and the reason, and shows the API’s refusal with its field', async () => {
    const calls: Call[] = [];
    renderWith(
      <TerminateContractForm contractId={contractId} onTerminated={() => undefined} />,
      () => ({
        errors: [
          {
            message: 'Only a contract in force can be terminated',
            extensions: { code: 'CONTRACT_NOT_IN_FORCE', details: { fields: { contractId: 'is DRAFT' } } },
          },
        ],
      }),
      calls,
    );
    fireEvent.change(screen.getByLabelText('终止日期'), { target: { value: '2026-12-31' } });
    fireEvent.change(screen.getByLabelText('交接日期'), { target: { value: '2027-01-15' } });
    fireEvent.change(screen.getByLabelText('终止原因'), { target: { value: ' 业主大会决定解聘 ' } });
    fireEvent.click(screen.getByRole('button', { name: '终止合同' }));
    expect(await screen.findByText('Only a contract in force can be terminated（CONTRACT_NOT_IN_FORCE）')).toBeTruthy();
    expect(screen.getByText('is DRAFT')).toBeTruthy();
    expect(calls).toEqual([
      {
        name: 'TerminateContract',
        variables: { contractId, terminatedOn: '2026-12-31', handoverOn: '2027-01-15', reason: '业主大会决定解聘' },
      },
    ]);
  });
});

describe('终止合同 with the written notice (a contract continuing after its term)', () => {
  const terminated = { data: { terminateContract: { id: contractId, status: 'TERMINATED' } } };
  const fill = (notice?: string) => {
    fireEvent.change(screen.getByLabelText('终止日期'), { target: { value: '2029-11-30' } });
    fireEvent.change(screen.getByLabelText('交接日期'), { target: { value: '2029-11-30' } });
    fireEvent.change(screen.getByLabelText('终止原因'), { target: { value: '不再提供服务' } });
    if (notice !== undefined) fireEvent.change(screen.getByLabelText('书面通知日期'), { target: { value: notice } });
    fireEvent.click(screen.getByRole('button', { name: '终止合同' }));
  };
  const base = { contractId, terminatedOn: '2029-11-30', handoverOn: '2029-11-30', reason: '不再提供服务' };

  it('sends noticeGivenOn when filled, and says what it is for', async () => {
    const calls: Call[] = [];
    let done = 0;
    renderWith(
      <TerminateContractForm contractId={contractId} onTerminated={() => (done += 1)} />,
      () => terminated,
      calls,
    );
    expect(screen.getByText(/终止日期须在书面通知之日起至少 60 日后/)).toBeTruthy();
    fill('2026-09-15');
    await waitFor(() => expect(done).toBe(1));
    expect(calls).toEqual([{ name: 'TerminateContract', variables: { ...base, noticeGivenOn: '2026-09-15' } }]);
  });

  it('omits noticeGivenOn when left empty (the hub then takes today)', async () => {
    const calls: Call[] = [];
    let done = 0;
    renderWith(
      <TerminateContractForm contractId={contractId} onTerminated={() => (done += 1)} />,
      () => terminated,
      calls,
    );
    fill();
    await waitFor(() => expect(done).toBe(1));
    expect(calls).toEqual([{ name: 'TerminateContract', variables: base }]);
    expect(Object.keys(calls[0].variables)).not.toContain('noticeGivenOn');
  });

  it('refuses a notice date not typed as a date or after today, and sends nothing', async () => {
    const calls: Call[] = [];
    renderWith(
      <TerminateContractForm contractId={contractId} onTerminated={() => undefined} />,
      () => terminated,
      calls,
    );
    fill('2026/9/15');
    expect(await screen.findByText('日期格式为 2026-12-01')).toBeTruthy();
    const tomorrow = new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    fireEvent.change(screen.getByLabelText('书面通知日期'), { target: { value: tomorrow } });
    expect(await screen.findByText('书面通知日期不能晚于今天')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('shows the refusal of a notice too short with its code', async () => {
    renderWith(<TerminateContractForm contractId={contractId} onTerminated={() => undefined} />, () => ({
      errors: [
        {
          message: 'A contract continuing after its term ends at least 60 days after the written notice',
          extensions: { code: 'TERMINATION_NOTICE_TOO_SHORT', details: { earliestTerminatedOn: '2029-11-14' } },
        },
      ],
    }));
    fill('2026-09-15');
    expect(
      await screen.findByText(
        'A contract continuing after its term ends at least 60 days after the written notice（TERMINATION_NOTICE_TOO_SHORT）',
      ),
    ).toBeTruthy();
  });
});

describe('期满后继续提供服务', () => {
  it('asks again, saying what it means, then records the continued service of the contract', async () => {
    const calls: Call[] = [];
    let recorded = 0;
    renderWith(
      <RecordContinuedService contractId={contractId} endsOn="2029-08-31" onRecorded={() => (recorded += 1)} />,
      () => ({
        data: { recordContinuedService: { id: contractId, status: 'ACCEPTED', continuedFrom: '2029-09-01' } },
      }),
      calls,
    );
    fireEvent.click(screen.getByRole('button', { name: '期满后继续提供服务（不定期）' }));
    expect(calls).toEqual([]);
    expect(screen.getByText(/民法典》第九百四十八条/)).toBeTruthy();
    expect(screen.getByText(/服务期限为不定期/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    fireEvent.click(screen.getByRole('button', { name: '期满后继续提供服务（不定期）' }));
    fireEvent.click(screen.getByRole('button', { name: '确认记录' }));
    await waitFor(() => expect(recorded).toBe(1));
    expect(calls).toEqual([{ name: 'RecordContinuedService', variables: { contractId } }]);
  });

  it('shows the refusal of a contract whose term is too far off with its code, and records nothing', async () => {
    let recorded = 0;
    renderWith(
      <RecordContinuedService contractId={contractId} endsOn="2029-08-31" onRecorded={() => (recorded += 1)} />,
      () => ({
        errors: [
          {
            message: 'Continued service is recorded from 90 days before the term ends',
            extensions: { code: 'CONTINUATION_TOO_EARLY', details: { recordableFrom: '2029-06-02' } },
          },
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '期满后继续提供服务（不定期）' }));
    fireEvent.click(screen.getByRole('button', { name: '确认记录' }));
    expect(
      await screen.findByText(
        'Continued service is recorded from 90 days before the term ends（CONTINUATION_TOO_EARLY）',
      ),
    ).toBeTruthy();
    expect(recorded).toBe(0);
  });

  /** The 办理 drawer's contract in force, continuing after its term from `continuedFrom` if given. */
  const accepted = (continuedFrom: string | null) => ({
    contract: {
      id: contractId,
      number: 'HJ6-01',
      status: 'ACCEPTED',
      endsOn: held.endsOn,
      continuedFrom,
      area: { id: 'a-1', name: '红居南街6号院' },
      terms: held,
      filings: [{ id: 'f-0', kind: 'INITIAL', status: 'ACCEPTED', currentVersion: 1, terms: held, versions: [] }],
    },
  });

  it.each([
    ['offered for an accepted contract not continuing', null, true],
    ['not offered once recorded: the unfixed term is shown instead', '2029-09-01', false],
  ])('%s', async (_, continuedFrom, offered) => {
    renderWith(<ContractActions contractId={contractId} onChanged={() => undefined} />, ({ name }) =>
      name === 'ContractForActions' ? { data: accepted(continuedFrom) } : { data: { contractDocuments: [] } },
    );
    expect(await screen.findByRole('tab', { name: '终止' })).toBeTruthy();
    expect(screen.queryAllByRole('tab', { name: '期满后继续服务' }).length).toBe(offered ? 1 : 0);
    expect(screen.queryAllByText(/不定期服务自 2029年9月1日 起/).length).toBe(offered ? 0 : 1);
  });
});

describe('作废草稿', () => {
  it('asks again before it sends, then discards the draft and says so', async () => {
    const calls: Call[] = [];
    let discarded = 0;
    renderWith(
      <DiscardDraft contractId={contractId} onDiscarded={() => (discarded += 1)} />,
      () => ({ data: { discardContractDraft: { id: contractId, status: 'DISCARDED' } } }),
      calls,
    );
    fireEvent.click(screen.getByRole('button', { name: '作废草稿' }));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    fireEvent.click(screen.getByRole('button', { name: '作废草稿' }));
    fireEvent.click(screen.getByRole('button', { name: '确认作废' }));
    await waitFor(() => expect(discarded).toBe(1));
    expect(calls).toEqual([{ name: 'DiscardContractDraft', variables: { contractId } }]);
  });

  it('shows the refusal of a filed contract and discards nothing', async () => {
    let discarded = 0;
    renderWith(
      <DiscardDraft contractId={contractId} onDiscarded={() => (discarded += 1)} />,
      () => ({
        errors: [
          {
            message: 'Only a draft never filed is discarded; a filed contract is terminated',
            extensions: { code: 'CONTRACT_NOT_DRAFT', details: { status: 'ACCEPTED' } },
          },
        ],
      }),
      [],
    );
    fireEvent.click(screen.getByRole('button', { name: '作废草稿' }));
    fireEvent.click(screen.getByRole('button', { name: '确认作废' }));
    expect(
      await screen.findByText(
        'Only a draft never filed is discarded; a filed contract is terminated（CONTRACT_NOT_DRAFT）',
      ),
    ).toBeTruthy();
    expect(discarded).toBe(0);
  });
});

describe('上传材料', () => {
  it('refuses a file of another type before sending anything', async () => {
    const calls: Call[] = [];
    renderWith(<DocumentUpload contractId={contractId} onUploaded={() => undefined} />, () => ({ data: {} }), calls);
    fireEvent.change(screen.getByLabelText('文件'), { target: { files: [new File(['x'], '合同.docx')] } });
    fireEvent.click(screen.getByRole('button', { name: '上传' }));
    expect(await screen.findByText('请选择材料类型')).toBeTruthy();
    expect(screen.getByText('仅支持 PDF、OFD、JPEG、PNG')).toBeTruthy();
    expect(calls).toEqual([]);
  });

  it('sends the file in the parts the hub names, with its size and SHA-256, then completes it', async () => {
    const calls: Call[] = [];
    const uploaded: boolean[] = [];
    const bytes = new Uint8Array(10).map((_, i) => 0x25 + i); // 10 bytes: parts of 4, 4 and 2
    renderWith(
      <DocumentUpload contractId={contractId} onUploaded={() => uploaded.push(true)} />,
      ({ name }) =>
        name === 'StartFilingDocumentUpload'
          ? { data: { startFilingDocumentUpload: { uploadId: 'u-1', partBytes: 4, parts: 3, receivedParts: [] } } }
          : name === 'UploadFilingDocumentPart'
            ? { data: { uploadFilingDocumentPart: { receivedBytes: 4, receivedParts: [0] } } }
            : { data: { completeFilingDocumentUpload: { id: 'd-1', name: '合同.pdf' } } },
      calls,
    );
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '材料类型' }));
    fireEvent.click(await screen.findByText('合同文本'));
    fireEvent.change(screen.getByLabelText('文件'), { target: { files: [new File([bytes], '合同.pdf')] } });
    fireEvent.click(screen.getByRole('button', { name: '上传' }));
    await waitFor(() => expect(uploaded).toEqual([true]));
    const sha256 = Buffer.from(await webcrypto.subtle.digest('SHA-256', bytes)).toString('hex');
    const b64 = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('base64');
    expect(calls).toEqual([
      {
        name: 'StartFilingDocumentUpload',
        variables: { upload: { contractId, name: '合同.pdf', type: 'CONTRACT_TEXT', sizeBytes: 10, sha256 } },
      },
      { name: 'UploadFilingDocumentPart', variables: { uploadId: 'u-1', index: 0, contentBase64: b64(0, 4) } },
      { name: 'UploadFilingDocumentPart', variables: { uploadId: 'u-1', index: 1, contentBase64: b64(4, 8) } },
      { name: 'UploadFilingDocumentPart', variables: { uploadId: 'u-1', index: 2, contentBase64: b64(8, 10) } },
      { name: 'CompleteFilingDocumentUpload', variables: { uploadId: 'u-1' } },
    ]);
  });
});
