import { Identity } from '../../../kernel/identity';
import { DomainError } from '../../../kernel/errors';
import {
  assertMayRegisterArea,
  joinedAreaOn,
  mayReadArea,
  meetingsMovedByRestatement,
  validateAreaRegistration,
} from './area';
import { rejection } from '../../../test/support/rejection';

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

describe('the day a building joins an area', () => {
  const today = '2026-12-07';

  it('is none while the area is delimited, however many calls that day takes', () => {
    expect(joinedAreaOn(today, today)).toBeNull();
  });

  it('is today for a building added on a later day, or for an area delimited before the day was kept', () => {
    expect(joinedAreaOn('2026-11-30', today)).toBe(today);
    expect(joinedAreaOn(null, today)).toBe(today);
  });

  it('is none where the street office states the buildings are of the area as delimited, and not with a day', () => {
    expect(joinedAreaOn('2026-11-30', today, { asDelimited: true })).toBeNull();
    expect(joinedAreaOn(null, today, { asDelimited: true })).toBeNull();
    expect(rejection(() => joinedAreaOn('2026-11-30', today, { asDelimited: true, joinedOn: today }))).toMatchObject({
      details: { fields: { joinedOn: 'not with asDelimited' } },
    });
  });

  it('is the day the street office states, on or before today', () => {
    expect(joinedAreaOn('2026-11-30', today, { joinedOn: '2023-05-01' })).toBe('2023-05-01');
    expect(joinedAreaOn(today, today, { joinedOn: today })).toBe(today);
    expect(rejection(() => joinedAreaOn('2026-11-30', today, { joinedOn: '2026-12-08' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { fields: { joinedOn: 'after today (2026-12-07)' } },
    });
    expect(rejection(() => joinedAreaOn('2026-11-30', today, { joinedOn: '2026-02-30' }))).toMatchObject({
      details: { fields: { joinedOn: 'not a date' } },
    });
  });
});

describe('a restatement of the day buildings joined, against decisions already recorded', () => {
  const meetings = ['2026-10-01', '2026-11-15'];

  it('names the meetings it would count differently, and none where the building stays in or out', () => {
    // Joined 2026-11-01, restated as of the area as delimited: on 1 October it was out, now in.
    expect(meetingsMovedByRestatement([{ current: '2026-11-01' }], null, meetings)).toEqual(['2026-10-01']);
    // Restated to 2026-12-01: out on 15 November, where it was in.
    expect(meetingsMovedByRestatement([{ current: '2026-11-01' }], '2026-12-01', meetings)).toEqual(['2026-11-15']);
    expect(meetingsMovedByRestatement([{ current: '2026-11-01' }], '2026-10-02', meetings)).toEqual([]);
    // A building new to the area, stated to have joined in 2023: in for both, where it was out.
    expect(meetingsMovedByRestatement([{ current: undefined }], '2023-05-01', meetings)).toEqual(meetings);
    expect(meetingsMovedByRestatement([{ current: undefined }], '2026-12-07', meetings)).toEqual([]);
  });
});
