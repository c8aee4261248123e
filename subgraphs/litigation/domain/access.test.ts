import { Identity } from '../../../kernel/identity';
import {
  deadlineWatchReach,
  isPartyToReferral,
  mayActForPlaintiff,
  mayReadReferral,
  mayReportForCourt,
  referralReach,
  statisticsReach,
} from './access';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: 'u',
  role,
  organisationId,
  jurisdictions,
});
const referral = { companyId: 'CO-A', courtId: 'bj-xicheng-court' };

describe('litigation access', () => {
  it('lets the addressed court and the referring company read a referral, and nobody else but the admin', () => {
    expect(mayReadReferral(who('COURT', 'bj-xicheng-court'), referral)).toBe(true);
    expect(mayReadReferral(who('COURT', 'bj-haidian-court'), referral)).toBe(false);
    expect(mayReadReferral(who('COURT', 'bj-xicheng-court'), { ...referral, eligible: false })).toBe(false);
    expect(mayReadReferral(who('PROPERTY_COMPANY', 'CO-A'), { ...referral, eligible: false })).toBe(true);
    expect(mayReadReferral(who('PROPERTY_COMPANY', 'CO-A'), referral)).toBe(true);
    expect(mayReadReferral(who('PROPERTY_COMPANY', 'CO-B'), referral)).toBe(false);
    expect(mayReadReferral(who('CITY_BUREAU', 'b', ['110102']), referral)).toBe(false);
    expect(mayReadReferral(who('STREET_OFFICE', 's', ['110102014']), referral)).toBe(false);
    expect(mayReadReferral(who('ADMIN', 'hub'), referral)).toBe(true);
  });

  it('counts the addressed court and the referring company as its parties, not the admin who reads it', () => {
    expect(isPartyToReferral(who('COURT', 'bj-xicheng-court'), referral)).toBe(true);
    expect(isPartyToReferral(who('PROPERTY_COMPANY', 'CO-A'), referral)).toBe(true);
    expect(isPartyToReferral(who('ADMIN', 'hub'), referral)).toBe(false);
    expect(isPartyToReferral(who('COURT', 'bj-haidian-court'), referral)).toBe(false);
    expect(isPartyToReferral(who('PROPERTY_COMPANY', 'CO-B'), referral)).toBe(false);
    expect(isPartyToReferral(who('COURT', 'bj-xicheng-court'), { ...referral, eligible: false })).toBe(false);
  });

  it('lets only the court report and only the company act as plaintiff', () => {
    expect(mayReportForCourt(who('COURT', 'bj-xicheng-court'), referral)).toBe(true);
    expect(mayReportForCourt(who('ADMIN', 'hub'), referral)).toBe(false);
    expect(mayActForPlaintiff(who('PROPERTY_COMPANY', 'CO-A'), referral)).toBe(true);
    expect(mayActForPlaintiff(who('COURT', 'bj-xicheng-court'), referral)).toBe(false);
  });

  it('gives bureaus statistics by street prefix and no referral list', () => {
    expect(referralReach(who('CITY_BUREAU', 'b', ['110102']))).toBeNull();
    expect(statisticsReach(who('CITY_BUREAU', 'b', ['110102']))).toEqual({
      kind: 'STREETS',
      streetPrefixes: ['110102'],
    });
    expect(statisticsReach(who('COURT', 'bj-xicheng-court'))).toEqual({ kind: 'COURT', courtId: 'bj-xicheng-court' });
    expect(statisticsReach(who('STREET_OFFICE', 's', ['110102014']))).toBeNull();
    expect(referralReach(who('COURT', 'bj-xicheng-court'))).toEqual({ kind: 'COURT', courtId: 'bj-xicheng-court' });
  });

  it('lets the court and the admin watch decision deadlines, not the plaintiff', () => {
    expect(deadlineWatchReach(who('COURT', 'bj-xicheng-court'))).toEqual({
      kind: 'COURT',
      courtId: 'bj-xicheng-court',
    });
    expect(deadlineWatchReach(who('ADMIN', 'hub'))).toEqual({ kind: 'ALL' });
    expect(deadlineWatchReach(who('PROPERTY_COMPANY', 'CO-A'))).toBeNull();
  });
});
