import { Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { todayInChina } from '../../../kernel/clock';
import { graphql } from '../gql';
import type { ContractTermsInput } from '../gql/graphql';

/** The terms as the console reads them (a contract's, a filing's): what `valuesOf` prefills a form with. */
export const CONTRACT_TERMS_FIELDS = graphql(`
  fragment ContractTermsFields on ContractTerms {
    kind
    number
    title
    ownersSide {
      kind
      name
    }
    selectionMethod
    approvalReference
    agreementGround
    projectBuildingAreaCentiM2
    hiringDecisionId
    signedOn
    startsOn
    endsOn
    serviceItems {
      item
      standard
    }
    feeSchedule {
      classes {
        buildingClass
        assessedRateFenPerM2Month
        ownerRateFenPerM2Month
        subsidies {
          payer
          rateFenPerM2Month
          startMonth
          months
        }
      }
    }
    lateFee {
      dailyRatePerTenThousand
      monthlyRatePerTenThousand
      graceDays
      capPercentOfPrincipal
      clauseText
    }
    demandPeriodDays
    parties {
      role
      name
      registration
      signatory
    }
  }
`);

/** The terms as the form holds them: rates in yuan (元/㎡·月), everything else as the API takes it. */
export interface TermsValues {
  kind: 'REGULAR' | 'PRELIMINARY';
  number: string;
  title: string;
  ownersSideKind: 'DEVELOPER' | 'OWNERS_COMMITTEE' | 'PROPERTY_MANAGEMENT_COMMITTEE';
  ownersSideName: string;
  selectionMethod: 'TENDER' | 'AGREEMENT';
  approvalReference?: string;
  /** Why the agreement was allowed (art. 24 para. 2); none: a small project. */
  agreementGround?: 'SMALL_PROJECT' | 'FEWER_THAN_THREE_BIDDERS' | null;
  /** The project's total building area (总建筑面积), in m². */
  projectBuildingAreaM2?: number | null;
  /** A regular contract's owners' joint decision hiring the provider (the areas subgraph's JointDecision.id). */
  hiringDecisionId?: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  serviceItems: { item: string; standard: string }[];
  classes: { buildingClass: 'LOW_RISE' | 'HIGH_RISE'; assessedYuan: number; ownerYuan: number }[];
  /** 万分之N, per day or per full month overdue (the contract's own basis). */
  lateFeeRate?: number | null;
  lateFeeBasis?: 'DAILY' | 'MONTHLY';
  lateFeeClause?: string;
  lateFeeGraceDays?: number | null;
  lateFeeCapPercent?: number | null;
  /** The reasonable period after a demand the contract states (Civil Code art. 944 para. 2), in days. */
  demandPeriodDays?: number | null;
  parties: { role: string; name: string; registration?: string; signatory: string }[];
}

/** The terms the API holds (a contract's `terms`), as the form's starting values. */
export interface HeldTerms {
  kind: string;
  number: string;
  title: string;
  ownersSide: { kind: string; name: string };
  selectionMethod: string;
  approvalReference?: string | null;
  agreementGround?: string | null;
  projectBuildingAreaCentiM2?: number | null;
  hiringDecisionId?: string | null;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  serviceItems: { item: string; standard: string }[];
  feeSchedule: {
    classes: {
      buildingClass: string;
      assessedRateFenPerM2Month: number;
      ownerRateFenPerM2Month: number;
      subsidies: { payer: string; rateFenPerM2Month: number; startMonth: string; months: number }[];
    }[];
  };
  lateFee?: {
    dailyRatePerTenThousand?: number | null;
    monthlyRatePerTenThousand?: number | null;
    graceDays: number;
    capPercentOfPrincipal?: number | null;
    clauseText?: string | null;
  } | null;
  demandPeriodDays?: number | null;
  parties: { role: string; name: string; registration?: string | null; signatory: string }[];
}

export function valuesOf(terms: HeldTerms): TermsValues {
  return {
    kind: terms.kind as TermsValues['kind'],
    number: terms.number,
    title: terms.title,
    ownersSideKind: terms.ownersSide.kind as TermsValues['ownersSideKind'],
    ownersSideName: terms.ownersSide.name,
    selectionMethod: terms.selectionMethod as TermsValues['selectionMethod'],
    approvalReference: terms.approvalReference ?? undefined,
    agreementGround: (terms.agreementGround ?? null) as TermsValues['agreementGround'],
    projectBuildingAreaM2: terms.projectBuildingAreaCentiM2 != null ? terms.projectBuildingAreaCentiM2 / 100 : null,
    hiringDecisionId: terms.hiringDecisionId ?? undefined,
    signedOn: terms.signedOn,
    startsOn: terms.startsOn,
    endsOn: terms.endsOn,
    serviceItems: terms.serviceItems.map(({ item, standard }) => ({ item, standard })),
    classes: terms.feeSchedule.classes.map((c) => ({
      buildingClass: c.buildingClass as 'LOW_RISE' | 'HIGH_RISE',
      assessedYuan: c.assessedRateFenPerM2Month / 100,
      ownerYuan: c.ownerRateFenPerM2Month / 100,
    })),
    lateFeeRate: terms.lateFee?.dailyRatePerTenThousand ?? terms.lateFee?.monthlyRatePerTenThousand ?? null,
    lateFeeBasis: terms.lateFee?.monthlyRatePerTenThousand != null ? 'MONTHLY' : 'DAILY',
    lateFeeClause: terms.lateFee?.clauseText ?? undefined,
    lateFeeGraceDays: terms.lateFee?.graceDays ?? null,
    lateFeeCapPercent: terms.lateFee?.capPercentOfPrincipal ?? null,
    demandPeriodDays: terms.demandPeriodDays ?? null,
    parties: terms.parties.map((p) => ({
      role: p.role,
      name: p.name,
      registration: p.registration ?? undefined,
      signatory: p.signatory,
    })),
  };
}

const fen = (yuan: number) => Math.round(yuan * 100);
const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/**
 * The API's ContractTermsInput from the form. The console does not edit subsidies: an amendment keeps each building
 * class's subsidies as they are held (`held`), a new draft has none.
 */
export function termsInput(v: TermsValues, held?: HeldTerms): ContractTermsInput {
  return {
    kind: v.kind,
    number: v.number.trim(),
    title: v.title.trim(),
    ownersSide: { kind: v.ownersSideKind, name: v.ownersSideName.trim() },
    selectionMethod: v.selectionMethod,
    approvalReference: blank(v.approvalReference),
    // Only for a preliminary contract chosen by agreement: the API refuses a ground otherwise.
    agreementGround: v.kind === 'PRELIMINARY' && v.selectionMethod === 'AGREEMENT' ? (v.agreementGround ?? null) : null,
    projectBuildingAreaCentiM2: v.projectBuildingAreaM2 != null ? Math.round(v.projectBuildingAreaM2 * 100) : null,
    hiringDecisionId: blank(v.hiringDecisionId),
    signedOn: v.signedOn,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    serviceItems: v.serviceItems.map((s) => ({ item: s.item.trim(), standard: s.standard.trim() })),
    feeSchedule: {
      classes: v.classes.map((c) => ({
        buildingClass: c.buildingClass,
        assessedRateFenPerM2Month: fen(c.assessedYuan),
        ownerRateFenPerM2Month: fen(c.ownerYuan),
        subsidies: (held?.feeSchedule.classes.find((h) => h.buildingClass === c.buildingClass)?.subsidies ?? []).map(
          (s) => ({
            payer: s.payer,
            rateFenPerM2Month: s.rateFenPerM2Month,
            startMonth: s.startMonth,
            months: s.months,
          }),
        ),
      })),
    },
    lateFee:
      v.lateFeeRate === null || v.lateFeeRate === undefined
        ? null
        : {
            ...(v.lateFeeBasis === 'MONTHLY'
              ? { monthlyRatePerTenThousand: v.lateFeeRate }
              : { dailyRatePerTenThousand: v.lateFeeRate }),
            graceDays: v.lateFeeGraceDays ?? 0,
            capPercentOfPrincipal: v.lateFeeCapPercent ?? null,
            clauseText: blank(v.lateFeeClause),
          },
    demandPeriodDays: v.demandPeriodDays ?? null,
    parties: v.parties.map((p) => ({
      role: p.role as ContractTermsInput['parties'][number]['role'],
      name: p.name.trim(),
      registration: blank(p.registration),
      signatory: p.signatory.trim(),
    })),
  };
}

type FormName = (string | number)[];

/** The form's fields for a field of the API's terms (the one spelling of ContractTermsInput, e.g. ownersSide.name). */
const TERMS_FIELD: Record<string, string[]> = {
  kind: ['kind'],
  number: ['number'],
  title: ['title'],
  ownersSide: ['ownersSideKind', 'ownersSideName'],
  'ownersSide.kind': ['ownersSideKind'],
  'ownersSide.name': ['ownersSideName'],
  selectionMethod: ['selectionMethod'],
  approvalReference: ['approvalReference'],
  agreementGround: ['agreementGround'],
  projectBuildingAreaCentiM2: ['projectBuildingAreaM2'],
  hiringDecisionId: ['hiringDecisionId'],
  signedOn: ['signedOn'],
  startsOn: ['startsOn'],
  endsOn: ['endsOn'],
  lateFee: ['lateFeeBasis', 'lateFeeRate', 'lateFeeGraceDays', 'lateFeeCapPercent', 'lateFeeClause'],
  'lateFee.dailyRatePerTenThousand': ['lateFeeRate'],
  'lateFee.monthlyRatePerTenThousand': ['lateFeeRate'],
  'lateFee.graceDays': ['lateFeeGraceDays'],
  'lateFee.capPercentOfPrincipal': ['lateFeeCapPercent'],
  'lateFee.clauseText': ['lateFeeClause'],
  demandPeriodDays: ['demandPeriodDays'],
};
/** A list of the terms: the form's list and, per field of one entry, the form's fields (subsidies are not edited). */
const TERMS_LIST: Record<string, { list: string; fields: Record<string, string[]> }> = {
  serviceItems: { list: 'serviceItems', fields: { item: ['item'], standard: ['standard'] } },
  'feeSchedule.classes': {
    list: 'classes',
    fields: {
      buildingClass: ['buildingClass'],
      assessedRateFenPerM2Month: ['assessedYuan'],
      ownerRateFenPerM2Month: ['ownerYuan'],
      subsidies: [],
    },
  },
  parties: {
    list: 'parties',
    fields: { role: ['role'], name: ['name'], registration: ['registration'], signatory: ['signatory'] },
  },
};

/**
 * The form fields a reviewer's field names (a return reason's `field`, e.g. feeSchedule.classes[0] or
 * parties[1].signatory): a whole entry of a list is all its fields; a field the form does not hold (a document,
 * a subsidy) is none, and is shown only in the list of reasons.
 */
export function formFieldsOf(field: string): FormName[] {
  const name = field.trim();
  // Own keys only: a reason naming `constructor` or `toString` found Object's, and the resubmit form threw (a blank page).
  if (Object.hasOwn(TERMS_FIELD, name)) return TERMS_FIELD[name].map((f) => [f]);
  const entry = /^(serviceItems|feeSchedule\.classes|parties)\[(\d+)\](?:\.(\w+))?$/.exec(name);
  if (!entry) return [];
  const { list, fields } = TERMS_LIST[entry[1]];
  const index = Number(entry[2]);
  const named =
    entry[3] === undefined ? Object.values(fields).flat() : Object.hasOwn(fields, entry[3]) ? fields[entry[3]] : [];
  return named.map((f) => [list, index, f]);
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const required = (message: string) => ({ required: true, whitespace: true, message });
/** A required date typed as 2026-12-01 (the API's LocalDate), with the message naming what is missing. */
export const dateRules = (message: string) => [
  required(message),
  { pattern: ISO_DATE, message: '日期格式为 2026-12-01' },
];
/** An optional date typed as 2026-12-01 that has happened: not after today in China, `future` said otherwise. */
export const optionalPastDateRules = (future: string) => [
  { pattern: ISO_DATE, message: '日期格式为 2026-12-01' },
  {
    validator: (_: unknown, v?: string) =>
      !v || v <= todayInChina() ? Promise.resolve() : Promise.reject(new Error(future)),
  },
];
/** dateRules for a day that has happened (optionalPastDateRules, required). */
export const pastDateRules = (message: string, future: string) => [required(message), ...optionalPastDateRules(future)];

const PARTY_ROLES: Record<string, string> = {
  PROVIDER: '物业服务人',
  DEVELOPER: '建设单位',
  OWNERS_COMMITTEE: '业主委员会',
  PROPERTY_MANAGEMENT_COMMITTEE: '物业管理委员会',
  STREET_OFFICE: '街道办事处',
  ASSET_RECEIVER: '资产接收人',
  OTHER: '其他',
};

/**
 * The contract's terms as form fields, inside a caller's <Form>: what the API's ContractTermsInput takes. Checked
 * here: required fields, dates, the term's end after its start, rates within the API's bounds; everything else the
 * API checks when the contract is filed, and its refusals name the field.
 */
export function TermsFields() {
  return (
    <>
      <Space wrap>
        <Form.Item label="合同编号" name="number" rules={[required('请填写合同编号'), { max: 128 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="合同名称" name="title" rules={[required('请填写合同名称'), { max: 120 }]}>
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item label="合同类型" name="kind" rules={[{ required: true, message: '请选择合同类型' }]}>
          <Select
            aria-label="合同类型"
            style={{ width: 160 }}
            options={[
              { value: 'REGULAR', label: '物业服务合同' },
              { value: 'PRELIMINARY', label: '前期物业服务合同' },
            ]}
          />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label="委托方类型" name="ownersSideKind" rules={[{ required: true, message: '请选择委托方类型' }]}>
          <Select
            aria-label="委托方类型"
            style={{ width: 180 }}
            options={[
              { value: 'PROPERTY_MANAGEMENT_COMMITTEE', label: '物业管理委员会' },
              { value: 'OWNERS_COMMITTEE', label: '业主委员会' },
              { value: 'DEVELOPER', label: '建设单位' },
            ]}
          />
        </Form.Item>
        <Form.Item label="委托方名称" name="ownersSideName" rules={[required('请填写委托方名称'), { max: 120 }]}>
          <Input style={{ width: 280 }} />
        </Form.Item>
        <Form.Item label="选聘方式" name="selectionMethod" rules={[{ required: true, message: '请选择选聘方式' }]}>
          <Select
            aria-label="选聘方式"
            style={{ width: 140 }}
            options={[
              { value: 'TENDER', label: '招投标' },
              { value: 'AGREEMENT', label: '协议选聘' },
            ]}
          />
        </Form.Item>
        <Form.Item label="协议选聘批准文号" name="approvalReference" rules={[{ max: 128 }]}>
          <Input />
        </Form.Item>
        <Form.Item label="协议选聘依据（物业管理条例第二十四条）" name="agreementGround">
          <Select
            aria-label="协议选聘依据"
            allowClear
            style={{ width: 220 }}
            options={[
              { value: 'SMALL_PROJECT', label: '住宅规模较小' },
              { value: 'FEWER_THAN_THREE_BIDDERS', label: '投标人少于3个' },
            ]}
          />
        </Form.Item>
        <Form.Item label="项目总建筑面积（㎡，协议选聘时填写）" name="projectBuildingAreaM2">
          <InputNumber aria-label="项目总建筑面积" min={0.01} max={10_000_000} precision={2} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="选聘物业服务人的业主共同决定编号（正式合同填写）"
          name="hiringDecisionId"
          rules={[{ max: 36 }]}
        >
          <Input aria-label="选聘决定编号" style={{ width: 320 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item label="签订日期" name="signedOn" rules={dateRules('请填写签订日期')}>
          <Input placeholder="2026-12-01" />
        </Form.Item>
        <Form.Item label="起始日期" name="startsOn" rules={dateRules('请填写起始日期')}>
          <Input placeholder="2026-12-01" />
        </Form.Item>
        <Form.Item
          label="到期日期"
          name="endsOn"
          dependencies={['startsOn']}
          rules={[
            ...dateRules('请填写到期日期'),
            ({ getFieldValue }) => ({
              validator: (_, v?: string) =>
                !v || !getFieldValue('startsOn') || v > getFieldValue('startsOn')
                  ? Promise.resolve()
                  : Promise.reject(new Error('到期日期须晚于起始日期')),
            }),
          ]}
        >
          <Input placeholder="2026-12-01" />
        </Form.Item>
      </Space>
      <Typography.Text strong>服务事项</Typography.Text>
      <Form.List
        name="serviceItems"
        rules={[
          {
            validator: (_, items?: unknown[]) =>
              items && items.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少一项服务事项')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap>
                <Form.Item label={`服务事项 ${i + 1}`} name={[f.name, 'item']} rules={[required('请填写服务事项')]}>
                  <Input />
                </Form.Item>
                <Form.Item label={`服务标准 ${i + 1}`} name={[f.name, 'standard']} rules={[required('请填写服务标准')]}>
                  <Input style={{ width: 320 }} />
                </Form.Item>
                <Button onClick={() => remove(f.name)} aria-label={`删除服务事项 ${i + 1}`}>
                  删除
                </Button>
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({ item: '', standard: '' })}>添加服务事项</Button>
          </>
        )}
      </Form.List>
      <Typography.Text strong>收费标准（元/㎡·月）</Typography.Text>
      <Form.List
        name="classes"
        rules={[
          {
            validator: (_, items?: unknown[]) =>
              items && items.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少一类楼栋的收费标准')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap>
                <Form.Item
                  label={`楼栋类别 ${i + 1}`}
                  name={[f.name, 'buildingClass']}
                  rules={[{ required: true, message: '请选择楼栋类别' }]}
                >
                  <Select
                    aria-label={`楼栋类别 ${i + 1}`}
                    style={{ width: 120 }}
                    options={[
                      { value: 'LOW_RISE', label: '多层' },
                      { value: 'HIGH_RISE', label: '高层' },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  label={`核定标准 ${i + 1}`}
                  name={[f.name, 'assessedYuan']}
                  rules={[{ required: true, message: '请填写核定标准' }]}
                >
                  <InputNumber min={0} max={1000} precision={2} />
                </Form.Item>
                <Form.Item
                  label={`业主缴费标准 ${i + 1}`}
                  name={[f.name, 'ownerYuan']}
                  rules={[{ required: true, message: '请填写业主缴费标准' }]}
                >
                  <InputNumber min={0} max={1000} precision={2} />
                </Form.Item>
                <Button onClick={() => remove(f.name)} aria-label={`删除收费标准 ${i + 1}`}>
                  删除
                </Button>
              </Space>
            ))}
            <Form.ErrorList errors={errors} />
            <Button onClick={() => add({ buildingClass: 'LOW_RISE' })}>添加收费标准</Button>
          </>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item label="违约金计算" name="lateFeeBasis" initialValue="DAILY">
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'DAILY', label: '按日' },
              { value: 'MONTHLY', label: '按整月' },
            ]}
          />
        </Form.Item>
        <Form.Item label="违约金费率（万分之）" name="lateFeeRate">
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item label="宽限天数" name="lateFeeGraceDays">
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
        <Form.Item label="违约金上限（本金的 %）" name="lateFeeCapPercent">
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
      </Space>
      <Form.Item label="违约金条款原文（选填）" name="lateFeeClause">
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Form.Item
        label="催告后合理期限（天，选填）"
        name="demandPeriodDays"
        tooltip="合同约定的催告缴费后的合理期限（民法典第九百四十四条第二款）；不填则适用城市设置或系统默认"
      >
        <InputNumber min={1} max={180} precision={0} />
      </Form.Item>
      <Typography.Text strong>合同当事人</Typography.Text>
      <Form.List name="parties">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} wrap>
                <Form.Item
                  label={`身份 ${i + 1}`}
                  name={[f.name, 'role']}
                  rules={[{ required: true, message: '请选择身份' }]}
                >
                  <Select
                    aria-label={`身份 ${i + 1}`}
                    style={{ width: 150 }}
                    options={Object.entries(PARTY_ROLES).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
                <Form.Item label={`名称 ${i + 1}`} name={[f.name, 'name']} rules={[required('请填写当事人名称')]}>
                  <Input style={{ width: 240 }} />
                </Form.Item>
                <Form.Item label={`统一社会信用代码 ${i + 1}`} name={[f.name, 'registration']}>
                  <Input />
                </Form.Item>
                <Form.Item label={`签字人 ${i + 1}`} name={[f.name, 'signatory']} rules={[required('请填写签字人')]}>
                  <Input />
                </Form.Item>
                <Button onClick={() => remove(f.name)} aria-label={`删除当事人 ${i + 1}`}>
                  删除
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ role: 'OTHER' })}>添加当事人</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
