import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import { assertMayRegisterArea, mayReadArea, validateAreaRegistration } from './area';

const identity = (role: Identity['role'], jurisdictions: string[]): Identity => ({
  subject: 's',
  role,
  organisationId: 'o',
  jurisdictions,
});

describe('area registration rules', () => {
  it('accepts 广安门北街20号院 in Xicheng and trims the name', () => {
    expect(
      validateAreaRegistration({ name: ' 广安门北街20号院 ', districtCode: '110102', streetCode: '110102014' }),
    ).toEqual({
      name: '广安门北街20号院',
      districtCode: '110102',
      streetCode: '110102014',
    });
  });

  it.each([
    [{ name: '', districtCode: '110102', streetCode: '110102014' }, 'name'],
    [{ name: 'x', districtCode: '1101', streetCode: '110102014' }, 'districtCode'],
    [{ name: 'x', districtCode: '110102', streetCode: '110108001' }, 'streetCode'],
  ])('rejects %o on field %s with BAD_USER_INPUT', (input, field) => {
    try {
      validateAreaRegistration(input);
      throw new Error('expected a rejection');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('BAD_USER_INPUT');
      expect((e as DomainError).details?.fields).toHaveProperty(field);
    }
  });

  it('lets only the street office of the street (or an admin) register', () => {
    expect(() => assertMayRegisterArea(identity('STREET_OFFICE', ['110102014']), '110102014')).not.toThrow();
    expect(() => assertMayRegisterArea(identity('ADMIN', []), '110102014')).not.toThrow();
    expect(() => assertMayRegisterArea(identity('STREET_OFFICE', ['110102015']), '110102014')).toThrow(/street office/);
    expect(() => assertMayRegisterArea(identity('CITY_BUREAU', ['110102']), '110102014')).toThrow(/street office/);
  });

  it('lets bureaus read areas in their jurisdiction only', () => {
    expect(mayReadArea(identity('CITY_BUREAU', ['110102']), { streetCode: '110102014' })).toBe(true);
    expect(mayReadArea(identity('CITY_BUREAU', ['110108']), { streetCode: '110102014' })).toBe(false);
    expect(mayReadArea(identity('PROPERTY_COMPANY', ['110102']), { streetCode: '110102014' })).toBe(false);
  });
});
