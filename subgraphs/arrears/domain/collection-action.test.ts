import { addDays } from '../../../kernel/calendar';
import { rejection } from '../../../test/support/rejection';
import {
  COLLECTION_ACTION_KINDS,
  CollectionActionInput,
  CollectionActionKind,
  MAX_INSTALMENTS,
  deliverLetter,
  demandedPayment,
  effectiveOn,
  interruptionGround,
  interruptsLimitation,
  isDemand,
  utilityCutOffIn,
  validateCollectionAction,
} from './collection-action';

const base = { on: '2024-03-05', chargeIds: ['c-2024-01', 'c-2024-02'] };
const input = (overrides: Partial<CollectionActionInput> & { kind: string }): CollectionActionInput => ({
  ...base,
  ...overrides,
});

describe('collection action kinds', () => {
  it.each<[CollectionActionKind, boolean, string]>([
    ['NOTICE_POSTED', true, 'Civil Code art. 195 item 1'],
    ['LETTER', true, 'Civil Code art. 195 item 1'],
    ['MESSAGE', true, 'Civil Code art. 195 item 1'],
    ['VISIT', true, 'Civil Code art. 195 item 1'],
    ['CALL', true, 'Civil Code art. 195 item 1'],
    ['PAYMENT_PROMISE', false, 'Civil Code art. 195 item 2'],
    ['INSTALMENT_PLAN', false, 'Civil Code art. 195 item 2'],
    ['MEDIATION_SESSION', false, 'Civil Code art. 195 item 4'],
  ])('%s: demand %p, interrupts under %s', (kind, demand, source) => {
    expect(isDemand(kind)).toBe(demand);
    expect(interruptsLimitation(kind)).toBe(true);
    expect(interruptionGround(kind).source).toBe(source);
  });

  it('lists the eight kinds seed 004 and art. 195 call for', () => {
    expect(COLLECTION_ACTION_KINDS).toHaveLength(8);
  });
});

describe('demandedPayment', () => {
  it.each<[string, CollectionActionInput, boolean]>([
    ['a notice that reached the owner', input({ kind: 'NOTICE_POSTED', reached: true }), true],
    ['a notice posted only at the building entrance', input({ kind: 'NOTICE_POSTED', reached: false }), false],
    ['a letter', input({ kind: 'LETTER' }), true],
    ['a WeChat message', input({ kind: 'MESSAGE', channel: 'WECHAT' }), true],
    ['a visit that found the owner', input({ kind: 'VISIT', reached: true }), true],
    ['a visit to a closed door', input({ kind: 'VISIT', reached: false }), false],
    ['an answered call', input({ kind: 'CALL', reached: true }), true],
    ['an unanswered call', input({ kind: 'CALL', reached: false }), false],
    ["the owner's promise", input({ kind: 'PAYMENT_PROMISE', promisedBy: '2024-04-01' }), false],
    ['an instalment plan', input({ kind: 'INSTALMENT_PLAN', instalments: [{ dueOn: '2024-04-01', fen: 100 }] }), false],
    [
      'a mediation session',
      input({ kind: 'MEDIATION_SESSION', mediator: '街道人民调解委员会', outcome: 'PENDING' }),
      false,
    ],
  ])('%s: %p', (_, action, demanded) => {
    expect(demandedPayment(validateCollectionAction(action))).toBe(demanded);
  });
});

describe('validateCollectionAction', () => {
  it.each<[string, CollectionActionInput, Record<string, unknown>]>([
    ['a posted notice', input({ kind: 'NOTICE_POSTED', reached: true }), { kind: 'NOTICE_POSTED', reached: true }],
    ['a letter', input({ kind: 'LETTER', note: '  挂号信 ' }), { kind: 'LETTER', note: '挂号信', deliveredOn: null }],
    [
      'a letter with the day it arrived',
      input({ kind: 'LETTER', deliveredOn: '2024-03-08' }),
      { kind: 'LETTER', deliveredOn: '2024-03-08' },
    ],
    ['a WeChat message', input({ kind: 'MESSAGE', channel: 'WECHAT' }), { kind: 'MESSAGE', channel: 'WECHAT' }],
    ['an unanswered call', input({ kind: 'CALL', reached: false }), { kind: 'CALL', reached: false }],
    ['a visit', input({ kind: 'VISIT', reached: true }), { kind: 'VISIT', reached: true }],
    [
      'a promise',
      input({ kind: 'PAYMENT_PROMISE', promisedBy: '2024-04-30' }),
      { kind: 'PAYMENT_PROMISE', promisedBy: '2024-04-30' },
    ],
    [
      'an instalment plan',
      input({
        kind: 'INSTALMENT_PLAN',
        instalments: [
          { dueOn: '2024-03-31', fen: 9_482 },
          { dueOn: '2024-04-30', fen: 9_482 },
        ],
      }),
      {
        kind: 'INSTALMENT_PLAN',
        instalments: [
          { dueOn: '2024-03-31', fen: 9_482 },
          { dueOn: '2024-04-30', fen: 9_482 },
        ],
      },
    ],
    [
      'a failed mediation',
      input({
        kind: 'MEDIATION_SESSION',
        mediator: ' 北太平庄街道人民调解委员会 ',
        outcome: 'FAILED',
        outcomeOn: '2024-04-02',
      }),
      { kind: 'MEDIATION_SESSION', mediator: '北太平庄街道人民调解委员会', outcome: 'FAILED', outcomeOn: '2024-04-02' },
    ],
    [
      'a pending mediation',
      input({ kind: 'MEDIATION_SESSION', mediator: '奥北中心社区居委会', outcome: 'PENDING' }),
      { kind: 'MEDIATION_SESSION', outcome: 'PENDING', outcomeOn: null },
    ],
  ])('accepts %s', (_name, given, expected) => {
    const action = validateCollectionAction(given);
    expect(action).toMatchObject({ on: '2024-03-05', chargeIds: ['c-2024-01', 'c-2024-02'], ...expected });
    if (!('note' in expected)) expect(action.note).toBeNull();
  });

  it('trims and de-duplicates charge ids, keeping their order', () => {
    expect(validateCollectionAction(input({ kind: 'LETTER', chargeIds: [' c-2 ', 'c-1', 'c-2'] })).chargeIds).toEqual([
      'c-2',
      'c-1',
    ]);
  });

  it.each<[string, CollectionActionInput, Record<string, string>]>([
    ['an unknown kind', input({ kind: 'EMAIL' }), { kind: expect.stringContaining('NOTICE_POSTED') }],
    [
      'no date and no charges',
      { kind: 'LETTER', on: '2024-02-30', chargeIds: [] },
      { on: expect.any(String), chargeIds: 'name at least one charge' },
    ],
    [
      'an empty charge id',
      input({ kind: 'LETTER', chargeIds: ['c-1', ' '] }),
      { chargeIds: 'charge ids must not be empty' },
    ],
    [
      'more charges than an account holds in 40 years',
      input({ kind: 'LETTER', chargeIds: Array.from({ length: 501 }, (_, i) => `c-${i}`) }),
      { chargeIds: 'name at most 500 charges' },
    ],
    [
      'a notice not saying whether it reached the owner',
      input({ kind: 'NOTICE_POSTED' }),
      { reached: expect.stringContaining('art. 8 item 1') },
    ],
    [
      'a message without channel',
      input({ kind: 'MESSAGE', channel: 'EMAIL' }),
      { channel: expect.stringContaining('WECHAT') },
    ],
    [
      'a channel on a letter',
      input({ kind: 'LETTER', channel: 'SMS' }),
      { channel: 'channel does not apply to LETTER' },
    ],
    [
      'a letter arriving before it was sent',
      input({ kind: 'LETTER', deliveredOn: '2024-03-04' }),
      { deliveredOn: 'deliveredOn must be a calendar date, not before the letter was sent' },
    ],
    [
      'an arrival day on a message',
      input({ kind: 'MESSAGE', channel: 'SMS', deliveredOn: '2024-03-05' }),
      { deliveredOn: 'deliveredOn does not apply to MESSAGE' },
    ],
    [
      'a visit without saying whether anyone was met',
      input({ kind: 'VISIT' }),
      { reached: 'say whether the owner was reached' },
    ],
    [
      'a promise to pay in the past',
      input({ kind: 'PAYMENT_PROMISE', promisedBy: '2024-03-01' }),
      { promisedBy: expect.any(String) },
    ],
    [
      'an empty plan',
      input({ kind: 'INSTALMENT_PLAN', instalments: [] }),
      { instalments: 'a plan needs at least one instalment' },
    ],
    [
      'a plan out of order and with a zero instalment',
      input({
        kind: 'INSTALMENT_PLAN',
        instalments: [
          { dueOn: '2024-04-30', fen: 0 },
          { dueOn: '2024-04-30', fen: 100 },
        ],
      }),
      { 'instalments[0].fen': expect.any(String), 'instalments[1].dueOn': expect.any(String) },
    ],
    [
      'a mediation without mediator and with an outcome before it began',
      input({ kind: 'MEDIATION_SESSION', outcome: 'AGREED', outcomeOn: '2024-03-04' }),
      { mediator: 'name the mediator', outcomeOn: expect.any(String) },
    ],
    [
      'a pending mediation with an outcome date',
      input({ kind: 'MEDIATION_SESSION', mediator: 'x', outcome: 'PENDING', outcomeOn: '2024-03-06' }),
      { outcomeOn: expect.any(String) },
    ],
    [
      'a waived mediation',
      input({ kind: 'MEDIATION_SESSION', mediator: 'x', outcome: 'WAIVED', outcomeOn: '2024-03-06' }),
      { outcome: expect.stringContaining('WITHDRAWN') },
    ],
    ['an overlong note', input({ kind: 'LETTER', note: '催'.repeat(2001) }), { note: expect.any(String) }],
    [
      'a plan of more than 120 instalments',
      input({
        kind: 'INSTALMENT_PLAN',
        instalments: Array.from({ length: 121 }, (_, i) => ({ dueOn: addDays('2024-03-05', i + 1), fen: 100 })),
      }),
      { instalments: 'a plan has at most 120 instalments' },
    ],
  ])('refuses %s, naming each field', (_name, given, fields) => {
    const error = rejection(() => validateCollectionAction(given));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.details).toEqual({ fields });
  });
});

describe('a demand letter takes effect on arrival (法释〔2020〕17号 art. 8 item 2; Civil Code art. 137)', () => {
  const sent = validateCollectionAction(input({ kind: 'LETTER' }));

  it('is effective from the day it reached the owner, and not before its arrival is recorded', () => {
    expect(effectiveOn(sent)).toBeNull();
    const delivered = deliverLetter(sent as Parameters<typeof deliverLetter>[0], '2024-03-08');
    expect(delivered).toMatchObject({ kind: 'LETTER', on: '2024-03-05', deliveredOn: '2024-03-08' });
    expect(effectiveOn(delivered)).toBe('2024-03-08');
    // Every other step takes effect the day it was made.
    expect(effectiveOn(validateCollectionAction(input({ kind: 'NOTICE_POSTED', reached: true })))).toBe('2024-03-05');
  });

  it('records the arrival once, and not before the sending', () => {
    const letter = sent as Parameters<typeof deliverLetter>[0];
    expect(rejection(() => deliverLetter(letter, '2024-03-01')).details).toEqual({
      fields: { deliveredOn: 'deliveredOn must be a calendar date, not before the letter was sent' },
    });
    const again = rejection(() => deliverLetter(deliverLetter(letter, '2024-03-08'), '2024-03-09'));
    expect(again.code).toBe('LETTER_DELIVERY_ALREADY_RECORDED');
    expect(again.details).toEqual({ deliveredOn: '2024-03-08' });
  });
});

describe('art. 944: no cutting water, power, heating or gas to collect fees', () => {
  it.each<[string, Partial<CollectionActionInput>, string, string]>([
    ['CUT_WATER', {}, 'kind', 'WATER'],
    ['CUT_POWER', {}, 'kind', 'POWER'],
    ['CUT_ELECTRICITY', {}, 'kind', 'POWER'],
    ['CUT_HEATING', {}, 'kind', 'HEATING'],
    ['CUT_GAS', {}, 'kind', 'GAS'],
    ['cut-water', {}, 'kind', 'WATER'],
    ['停水催缴', {}, 'kind', 'WATER'],
    ['停止供暖', {}, 'kind', 'HEATING'],
    ['切断燃气', {}, 'kind', 'GAS'],
    ['拉闸限电', {}, 'kind', 'POWER'],
    ['shut off the gas', {}, 'kind', 'GAS'],
    ['VISIT', { reached: true, note: '告知业主不缴费将断电' }, 'note', 'POWER'],
    ['LETTER', { note: 'Water cut-off next week unless paid' }, 'note', 'WATER'],
    ['LETTER', { note: 'we will disconnect the heating' }, 'note', 'HEATING'],
  ])('refuses kind %j %j (in %s: %s)', (kind, extra, field, utility) => {
    const error = rejection(() => validateCollectionAction(input({ kind, ...extra })));
    expect(error.code).toBe('PROHIBITED_COLLECTION_MEASURE');
    expect(error.details).toMatchObject({ field, utility, source: 'Civil Code art. 944 para. 3' });
    expect(error.message).toContain('art. 944');
  });

  it('refuses a cut-off even when the rest of the input is invalid: the ban is the answer that matters', () => {
    expect(rejection(() => validateCollectionAction({ kind: 'CUT_WATER', on: 'soon', chargeIds: [] })).code).toBe(
      'PROHIBITED_COLLECTION_MEASURE',
    );
  });

  it.each([
    '电梯维修费催缴', // the seed 002 levy: a lift, not the power
    '业主称停电梯卡不合理',
    '缴费率不断水平提高',
    '电梯机房加装不间断电源', // a UPS

    '挂断电话后再次拨打',
    '外墙断热层维修',
    'asked to turn the heating up',
    'water and power bills are paid separately',
  ])('lets %j through', (note) => {
    expect(utilityCutOffIn(note)).toBeNull();
    expect(validateCollectionAction(input({ kind: 'LETTER', note })).note).toBe(note);
  });
});

describe('an instalment plan', () => {
  it('has up to 120 instalments', () => {
    const instalments = Array.from({ length: MAX_INSTALMENTS }, (_, i) => ({
      dueOn: addDays('2024-03-05', i + 1),
      fen: 100,
    }));
    const plan = validateCollectionAction(input({ kind: 'INSTALMENT_PLAN', instalments }));
    expect(plan.kind === 'INSTALMENT_PLAN' && plan.instalments).toHaveLength(120);
  });
});
