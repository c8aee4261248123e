import { InvalidInputError } from '../../../kernel/errors';
import { isValidCreditCode } from '../../../kernel/credit-code';

/**
 * The plaintiff's particulars as the element-based complaint lists them for a legal person (原告（法人、非法人组织）):
 * name, domicile, legal representative with title and phone, unified social credit code, and the agent ad litem
 * (委托诉讼代理人) if any; plus where and how the court may serve papers on it. The company supplies them once; every
 * complaint it files afterwards reads them.
 */
export const AGENT_AUTHORITIES = ['GENERAL', 'SPECIAL'] as const;
export type AgentAuthority = (typeof AGENT_AUTHORITIES)[number];

export interface LitigationAgent {
  name: string;
  /** 单位: the agent's employer or law firm. */
  employer: string;
  title: string | null;
  phone: string;
  /** 一般授权 or 特别授权. */
  authority: AgentAuthority;
}

export interface CompanyProfile {
  companyId: string;
  legalName: string;
  /** 住所地（主要办事机构所在地）. */
  domicile: string;
  creditCode: string;
  legalRepresentative: string;
  legalRepresentativeTitle: string;
  phone: string;
  agent: LitigationAgent | null;
  /** 送达地址 and 收件人; null: the domicile, to the legal representative. */
  serviceAddress: string | null;
  serviceRecipient: string | null;
  /** Consent to electronic service (电子送达), and the address (e-mail or mobile number) for it. */
  acceptsElectronicService: boolean;
  electronicServiceAddress: string | null;
}

export type CompanyProfileInput = Omit<CompanyProfile, 'companyId'>;

export const PROFILE_LIMITS = {
  name: 100,
  address: 200,
  person: 50,
  title: 50,
  phone: 20,
  electronicAddress: 100,
} as const;

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

/** Checks and trims the company's particulars; every failed field is named. */
export function validateCompanyProfile(companyId: string, input: CompanyProfileInput): CompanyProfile {
  const fields: Record<string, string> = {};
  const text = (field: string, value: unknown, max: number, required = true): string | null => {
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      if (required) fields[field] = 'required';
      return null;
    }
    if (typeof value !== 'string' || value.trim().length > max) {
      fields[field] = `text of at most ${max} characters`;
      return null;
    }
    return value.trim();
  };
  const phone = (field: string, value: unknown): string | null => {
    const v = text(field, value, PROFILE_LIMITS.phone);
    if (v !== null && !PHONE.test(v))
      fields[field] = 'a telephone number: digits, spaces or hyphens, optionally after +';
    return v;
  };
  const legalName = text('legalName', input.legalName, PROFILE_LIMITS.name);
  const domicile = text('domicile', input.domicile, PROFILE_LIMITS.address);
  const creditCode = text('creditCode', input.creditCode, 18);
  if (creditCode !== null && !isValidCreditCode(creditCode)) {
    fields.creditCode = 'a unified social credit code: 18 characters whose last is the GB 32100 check character';
  }
  const legalRepresentative = text('legalRepresentative', input.legalRepresentative, PROFILE_LIMITS.person);
  const legalRepresentativeTitle = text(
    'legalRepresentativeTitle',
    input.legalRepresentativeTitle,
    PROFILE_LIMITS.title,
  );
  const companyPhone = phone('phone', input.phone);
  let agent: LitigationAgent | null = null;
  if (input.agent) {
    const a = input.agent;
    if (!(AGENT_AUTHORITIES as readonly string[]).includes(a.authority))
      fields['agent.authority'] = `one of ${AGENT_AUTHORITIES.join(', ')}`;
    agent = {
      name: text('agent.name', a.name, PROFILE_LIMITS.person) ?? '',
      employer: text('agent.employer', a.employer, PROFILE_LIMITS.name) ?? '',
      title: text('agent.title', a.title, PROFILE_LIMITS.title, false),
      phone: phone('agent.phone', a.phone) ?? '',
      authority: a.authority,
    };
  }
  const serviceAddress = text('serviceAddress', input.serviceAddress, PROFILE_LIMITS.address, false);
  const serviceRecipient = text('serviceRecipient', input.serviceRecipient, PROFILE_LIMITS.person, false);
  if (typeof input.acceptsElectronicService !== 'boolean') fields.acceptsElectronicService = 'true or false';
  const electronicServiceAddress = text(
    'electronicServiceAddress',
    input.electronicServiceAddress,
    PROFILE_LIMITS.electronicAddress,
    false,
  );
  if (input.acceptsElectronicService === true && electronicServiceAddress === null) {
    fields.electronicServiceAddress =
      'consent to electronic service needs the e-mail address or mobile number to serve to';
  }
  if (Object.keys(fields).length > 0) throw new InvalidInputError('The company profile is invalid', { fields });
  return {
    companyId,
    legalName: legalName!,
    domicile: domicile!,
    creditCode: creditCode!,
    legalRepresentative: legalRepresentative!,
    legalRepresentativeTitle: legalRepresentativeTitle!,
    phone: companyPhone!,
    agent,
    serviceAddress,
    serviceRecipient,
    acceptsElectronicService: input.acceptsElectronicService,
    electronicServiceAddress: input.acceptsElectronicService ? electronicServiceAddress : null,
  };
}
