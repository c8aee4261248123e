import { DomainError } from '../../../kernel/errors';
import { CompanyProfileInput, validateCompanyProfile } from './company-profile';

const valid: CompanyProfileInput = {
  legalName: '北京示例物业管理有限公司',
  domicile: '北京市海淀区学院南路32号',
  creditCode: '91110108551385082Q',
  legalRepresentative: '王某',
  legalRepresentativeTitle: '执行董事',
  phone: '010-62000000',
  agent: {
    name: '李某',
    employer: '北京示例物业管理有限公司',
    title: '法务',
    phone: '13800000000',
    authority: 'SPECIAL',
  },
  serviceAddress: null,
  serviceRecipient: null,
  acceptsElectronicService: true,
  electronicServiceAddress: 'legal@example.cn',
};

const fieldsOf = (input: CompanyProfileInput): Record<string, string> => {
  try {
    validateCompanyProfile('co-1', input);
  } catch (e) {
    return ((e as DomainError).details as { fields: Record<string, string> }).fields;
  }
  throw new Error('expected a refusal');
};

describe('company profile', () => {
  it('keeps valid particulars, trimmed, for the caller’s company', () => {
    const profile = validateCompanyProfile('co-1', { ...valid, legalName: `  ${valid.legalName} ` });
    expect(profile).toMatchObject({
      companyId: 'co-1',
      legalName: valid.legalName,
      creditCode: valid.creditCode,
      agent: valid.agent,
    });
  });

  it('refuses a credit code whose check character is wrong', () => {
    expect(fieldsOf({ ...valid, creditCode: '91110108551385082R' })).toHaveProperty('creditCode');
  });

  it('names every missing or oversized field', () => {
    const fields = fieldsOf({
      ...valid,
      legalName: ' ',
      domicile: 'x'.repeat(201),
      legalRepresentative: '',
      phone: 'call me',
    });
    expect(Object.keys(fields).sort()).toEqual(['domicile', 'legalName', 'legalRepresentative', 'phone']);
  });

  it('needs an address for electronic service when it is consented to, and drops it otherwise', () => {
    expect(fieldsOf({ ...valid, electronicServiceAddress: null })).toHaveProperty('electronicServiceAddress');
    expect(
      validateCompanyProfile('co-1', { ...valid, acceptsElectronicService: false }).electronicServiceAddress,
    ).toBeNull();
  });

  it('checks the agent', () => {
    const fields = fieldsOf({ ...valid, agent: { ...valid.agent!, name: '', authority: 'ANY' as never } });
    expect(Object.keys(fields).sort()).toEqual(['agent.authority', 'agent.name']);
  });
});
