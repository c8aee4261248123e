import {
  maskIdNumber,
  maskPhone,
  maskServiceAddress,
  normaliseOwnerIdentity,
  ownerIdentityProblems,
  residentIdCheckCharacter,
  residentIdProblem,
} from './owner-identity';

// The two examples printed in GB 11643-1999 itself (a Beijing and a Guangdong number); no real person's number.
const STANDARD_EXAMPLES = ['11010519491231002X', '440524188001010014'];
const today = new Date('2026-12-01T00:00:00Z');

describe('resident ID numbers (GB 11643-1999)', () => {
  it('computes the check character from the 17-digit body: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11 → 10X98765432', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
    // A body whose weighted sum is 0 mod 11 gets 1; 2 mod 11 gets X.
    expect(residentIdCheckCharacter('00000000000000000')).toBe('1');
  });

  it('accepts the standard’s examples, with a lower-case x too', () => {
    for (const id of STANDARD_EXAMPLES) expect(residentIdProblem(id, today)).toBeUndefined();
    expect(residentIdProblem('11010519491231002x', today)).toBeUndefined();
  });

  it('refuses a number with any one digit altered (the check character no longer matches)', () => {
    const id = STANDARD_EXAMPLES[1];
    for (let i = 0; i < 17; i++) {
      if (i >= 6 && i < 14) continue; // the birth date digits are checked as a date first
      const altered = id.slice(0, i) + String((Number(id[i]) + 1) % 10) + id.slice(i + 1);
      expect(residentIdProblem(altered, today)).toMatch(/check character/);
    }
    expect(residentIdProblem('110105194912310021', today)).toMatch(/check character/);
  });

  it('refuses an impossible or future birth date, and a wrong shape', () => {
    const withBirth = (yyyymmdd: string) => {
      const body = `110105${yyyymmdd}002`;
      return body + residentIdCheckCharacter(body);
    };
    expect(residentIdProblem(withBirth('19490230'), today)).toMatch(/birth date/);
    expect(residentIdProblem(withBirth('19491331'), today)).toMatch(/birth date/);
    expect(residentIdProblem(withBirth('17991231'), today)).toMatch(/birth date/);
    expect(residentIdProblem(withBirth('20270101'), today)).toMatch(/birth date/);
    expect(residentIdProblem(withBirth('20000229'), today)).toBeUndefined();
    // Today in China, not the UTC instant: 2026-12-07T17:00Z is 01:00 on 8 December in Beijing.
    const lateEvening = new Date('2026-12-07T17:00:00Z');
    expect(residentIdProblem(withBirth('20261208'), lateEvening)).toBeUndefined();
    expect(residentIdProblem(withBirth('20261209'), lateEvening)).toMatch(/birth date/);
    expect(residentIdProblem(withBirth('19000229'), today)).toMatch(/birth date/); // 1900 was not a leap year
    for (const bad of ['', '1101051949123100', '11010519491231002Y', '1101051949123100２X', '11010519491231002X1']) {
      expect(residentIdProblem(bad, today)).toMatch(/17 digits/);
    }
  });
});

describe('owner identity input', () => {
  const valid = {
    legalName: '王小明',
    idType: 'RESIDENT_ID' as const,
    idNumber: '11010519491231002x',
    phone: '13812345678',
    serviceAddress: '北京市海淀区学院南路32号院3-106',
  };

  it('accepts a complete identity and normalises it', () => {
    expect(ownerIdentityProblems(valid, today)).toEqual({});
    expect(normaliseOwnerIdentity({ ...valid, phone: ' ', serviceAddress: null })).toEqual({
      legalName: '王小明',
      idType: 'RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: null,
      serviceAddress: null,
    });
  });

  it('reports every bad field without repeating the values', () => {
    const problems = ownerIdentityProblems(
      {
        legalName: ' ',
        idType: 'RESIDENT_ID',
        idNumber: '110105194912310021',
        phone: '12',
        serviceAddress: 'x'.repeat(201),
      },
      today,
    );
    expect(Object.keys(problems).sort()).toEqual(['idNumber', 'legalName', 'phone', 'serviceAddress']);
    expect(JSON.stringify(problems)).not.toContain('110105194912310021');
    expect(ownerIdentityProblems({ ...valid, legalName: '王\u202e小明' }, today)).toHaveProperty('legalName');
    expect(ownerIdentityProblems({ ...valid, idType: 'DRIVING_LICENCE' as never }, today)).toHaveProperty('idType');
  });

  it('checks an organisation’s unified social credit code by its GB 32100 check character', () => {
    const organisation = {
      ...valid,
      legalName: '北京学苑房地产开发有限公司',
      idType: 'UNIFIED_SOCIAL_CREDIT_CODE' as const,
    };
    expect(ownerIdentityProblems({ ...organisation, idNumber: '91110108551385082q' }, today)).toEqual({});
    expect(normaliseOwnerIdentity({ ...organisation, idNumber: ' 91110108551385082q ' }).idNumber).toBe(
      '91110108551385082Q',
    );
    const problems = ownerIdentityProblems({ ...organisation, idNumber: '91110108551385082R' }, today);
    expect(problems).toEqual({ idNumber: expect.stringContaining('GB 32100') });
    expect(JSON.stringify(problems)).not.toContain('91110108551385082R');
  });

  it('checks passports and other documents by shape only', () => {
    expect(ownerIdentityProblems({ ...valid, idType: 'PASSPORT', idNumber: 'E12345678' }, today)).toEqual({});
    expect(ownerIdentityProblems({ ...valid, idType: 'PASSPORT', idNumber: 'E1-2' }, today)).toHaveProperty('idNumber');
    expect(
      ownerIdentityProblems({ ...valid, idType: 'OTHER', idNumber: '港澳居民来往内地通行证 H1234567' }, today),
    ).toEqual({});
    expect(ownerIdentityProblems({ ...valid, idType: 'OTHER', idNumber: 'x'.repeat(41) }, today)).toHaveProperty(
      'idNumber',
    );
  });
});

describe('masking', () => {
  it('keeps the first 3 and last 4 characters of an ID number and a phone', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110***********1234');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('010-62345678')).toBe('010*****5678');
  });

  it('never shows a short value whole', () => {
    expect(maskIdNumber('E1234567')).toBe('E12*4567');
    expect(maskIdNumber('H12345')).toBe('*****5');
    expect(maskIdNumber('A')).toBe('*');
  });

  it('keeps a service address’s first six characters', () => {
    expect(maskServiceAddress('北京市海淀区学院南路32号院3-106')).toBe('北京市海淀区****');
    // Up to the last division name among the first six characters: no part of a street (before, 临江市建国街****).
    expect(maskServiceAddress('临江市建国街道解放路12号')).toBe('临江市****');
    // A province and a prefecture-level city: the province only (a second division is a district or county).
    expect(maskServiceAddress('吉林省白山市临江市建国街道')).toBe('吉林省****');
    expect(maskServiceAddress('建国街道解放路12号')).toBe('****');
    // 新市街道, one of 临江市's streets: its 市 ends no division (before, 临江市新市****).
    expect(maskServiceAddress('临江市新市街道滨江路8号')).toBe('临江市****');
    expect(maskServiceAddress('北京市西城区广安门外街道')).toBe('北京市西城区****');
    // Street names with a division's ending in them (a review): none of them shown.
    for (const address of ['临江市新市场路8号', '临江市县前街12号', '临江市市府路3号'])
      expect(maskServiceAddress(address)).toBe('临江市****');
    expect(maskServiceAddress('新市街道滨江路8号')).toBe('****');
  });
});
