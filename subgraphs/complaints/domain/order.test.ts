import { COMPLAINT_STATUSES } from '../../../catalog';
import { Identity } from '../../../kernel/identity';
import {
  callerDigits,
  companyHold,
  dispatchedCompany,
  escalationTargetProblem,
  namedPartyProblem,
  maskCaller,
  matchCompound,
  normaliseAddress,
  mayReadOrder,
  transitionSeenBy,
  nextStatus,
  orderReach,
  orderTimes,
  sentBack,
  type ComplaintOrder,
  type NewOrder,
} from './order';

const who = (role: Identity['role'], organisationId: string, jurisdictions: string[] = []): Identity => ({
  subject: `u-${organisationId}`,
  role,
  organisationId,
  jurisdictions,
});

describe('hotline orders: the caller, the address, the steps, the reach', () => {
  it('keeps the caller only masked', () => {
    expect(maskCaller('王小明', '138-1234-5678')).toEqual({ name: '王**', phone: '138****5678' });
    expect(maskCaller(null, null)).toEqual({ name: null, phone: null });
    expect(callerDigits('+86 138 1234 5678')).toBe('8613812345678');
  });

  it('matches an address to the compound whose name it contains, the longest name winning, and none on a tie', () => {
    const compounds = [
      { streetCode: '110102020', compoundId: 'a', name: '广安门北街20号院' },
      { streetCode: '110102020', compoundId: 'b', name: '广安门北街2号院' },
      { streetCode: '110102020', compoundId: 'c', name: '红居南街6号院' },
    ];
    expect(matchCompound('北京市西城区广安门北街20号院3号楼2单元', compounds)?.compoundId).toBe('a');
    expect(matchCompound('西城区 红居南街 6号院 南门', compounds)?.compoundId).toBe('c');
    expect(matchCompound('白纸坊东街1号', compounds)).toBeUndefined();
    // Names with 区 in them are compounds' own, not districts (before, any 1–4 characters and 区 were dropped).
    const named = [
      { streetCode: '110102020', compoundId: 'yiqu', name: '三里河一区' },
      { streetCode: '110102020', compoundId: 'xiaoqu', name: '阳光小区' },
      { streetCode: '110102020', compoundId: 'erqi', name: '幸福小区二期' },
    ];
    expect(matchCompound('西城区三里河一区5号楼', named)?.compoundId).toBe('yiqu');
    expect(matchCompound('北京市朝阳区阳光小区3号楼', named)?.compoundId).toBe('xiaoqu');
    expect(matchCompound('幸福小区二期12号楼', named)?.compoundId).toBe('erqi');
    expect(matchCompound('阳光花园二期3号楼', named)).toBeUndefined();
    expect(
      matchCompound('红居南街6号院', [{ streetCode: '110102020', compoundId: 'c', name: '北京市西城区红居南街6号院' }])
        ?.compoundId,
    ).toBe('c');
    expect(
      matchCompound('甲院乙院', [
        { streetCode: '110102020', compoundId: 'x', name: '甲院' },
        { streetCode: '110102020', compoundId: 'y', name: '乙院' },
      ]),
    ).toBeUndefined();
  });

  it('matches a name only as a whole house number: 3号院 is not 13号院, 103号院 nor 甲3号院', () => {
    // Before, 3号院 matched 13号院 and the order went to that compound's company (a helper's audit).
    const numbered = [
      { streetCode: '110102020', compoundId: 'three', name: '3号院' },
      { streetCode: '110102020', compoundId: 'yard', name: '红居街' },
    ];
    expect(matchCompound('北京市西城区13号院2号楼', numbered)).toBeUndefined();
    expect(matchCompound('103号院', numbered)).toBeUndefined();
    expect(matchCompound('甲3号院', numbered)).toBeUndefined();
    expect(matchCompound('3号院2号楼', numbered)?.compoundId).toBe('three');
    expect(matchCompound('13号院，又：3号院南门', numbered)?.compoundId).toBe('three');
    // Full-width digits are the same number.
    expect(matchCompound('１３号院', numbered)).toBeUndefined();
    expect(matchCompound('３号院', numbered)?.compoundId).toBe('three');
    // A name ending in a digit is not the head of a longer number.
    expect(
      matchCompound('阳光小区23号楼', [{ streetCode: '110102020', compoundId: 'two', name: '阳光小区2' }]),
    ).toBeUndefined();
    expect(
      matchCompound('阳光小区2号楼', [{ streetCode: '110102020', compoundId: 'two', name: '阳光小区2' }])?.compoundId,
    ).toBe('two');
  });

  it("drops Beijing's city and district names from a Beijing street's addresses and names only", () => {
    // 临江市 (220681001): its 北京花园 is not 花园 (before, cut to it, it took 世纪春花园's orders: helper-203's audit).
    const jianguo = [
      { streetCode: '220681001', compoundId: 'bj', name: '北京花园' },
      { streetCode: '220681001', compoundId: 'sjc', name: '世纪春小区' },
    ];
    expect(matchCompound('临江市世纪春花园5号楼', jianguo)).toBeUndefined();
    expect(matchCompound('临江市北京花园3号楼', jianguo)?.compoundId).toBe('bj');
    expect(matchCompound('北京花园3号楼', jianguo)?.compoundId).toBe('bj');
    // In Beijing a name registered with its city and district still matches an address without them.
    const xicheng = [{ streetCode: '110102020', compoundId: 'hj', name: '北京市西城区红居南街6号院' }];
    expect(matchCompound('红居南街6号院2号楼', xicheng)?.compoundId).toBe('hj');
    expect(normaliseAddress('北京市西城区红居南街6号院', '110102020')).toBe('红居南街6号院');
    expect(normaliseAddress('北京花园', '220681001')).toBe('北京花园');
  });

  it('starts a re-routed order over in its street when the hotline sends it back, as the message sending it back says', () => {
    const rerouted = {
      id: 'o1',
      status: 'REROUTED',
      receivedAt: new Date('2026-11-28T00:00:00Z'),
      addressText: '广安门外某胡同99号',
      compoundId: 'c1',
      text: '第一次派单',
      respondBy: new Date('2026-11-28T02:00:00Z'),
      resolveBy: new Date('2026-11-29T00:00:00Z'),
      responsiblePartyKind: 'PROPERTY_COMPANY',
      partyOrganisationId: 'company-a',
      companyOrganisationId: 'company-a',
      respondedAt: new Date('2026-12-01T01:00:00Z'),
      companyRespondedAt: new Date('2026-12-01T01:00:00Z'),
      companyDispatchedAt: new Date('2026-12-01T00:30:00Z'),
      companyReleasedAt: null,
      resolvedAt: null,
      closedAt: null,
      sequence: 4,
    } as ComplaintOrder;
    const message = {
      receivedAt: new Date('2026-11-30T00:00:00Z'),
      callerNameMasked: '王**',
      callerPhoneMasked: '138****5678',
      callerKey: 'k',
      addressText: '广安门外某胡同100号',
      compoundId: 'c2',
      categoryCode: 'T1',
      itemCode: 'T1.2',
      taxonomyDivision: '110102',
      text: '退回重派：地址更正',
      respondBy: new Date('2026-11-30T02:00:00Z'),
      resolveBy: new Date('2026-12-01T00:00:00Z'),
    } as NewOrder;
    expect(sentBack(rerouted, message)).toMatchObject({
      status: 'MATCHED',
      receivedAt: message.receivedAt,
      addressText: '广安门外某胡同100号',
      compoundId: 'c2',
      itemCode: 'T1.2',
      taxonomyDivision: '110102',
      text: '退回重派：地址更正',
      respondBy: message.respondBy,
      resolveBy: message.resolveBy,
      responsiblePartyKind: null,
      partyOrganisationId: null,
      companyOrganisationId: null,
      respondedAt: null,
      companyRespondedAt: null,
      companyDispatchedAt: null,
      companyReleasedAt: null,
      sequence: 5,
    });
    // A new address in no compound: the queue, whatever the copy matched before.
    expect(sentBack(rerouted, { ...message, compoundId: null })).toMatchObject({
      status: 'AWAITING_MATCH',
      compoundId: null,
    });
    // The address unchanged: the compound the copy held stands (the street office may have matched it by hand).
    const same = { ...message, addressText: rerouted.addressText, compoundId: null };
    expect(sentBack(rerouted, same)).toMatchObject({ status: 'MATCHED', compoundId: 'c1' });
    expect(sentBack({ ...rerouted, compoundId: null }, same).status).toBe('AWAITING_MATCH');
    expect(() => sentBack({ ...rerouted, status: 'CLOSED' }, message)).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER_TRANSITION' }),
    );
  });

  it('escalates to a bureau other than the street office itself, the order’s company or the bureau holding it', () => {
    const office = who('STREET_OFFICE', 'street-office-guangwai', ['110102010']);
    const dispatched = {
      streetCode: '110102010',
      responsiblePartyKind: 'PROPERTY_COMPANY' as const,
      partyOrganisationId: 'company-a',
      companyOrganisationId: 'company-a',
    };
    expect(escalationTargetProblem(office, dispatched, 'xicheng-housing-bureau', [])).toBeUndefined();
    // Before, the office escalated to itself, answered as the "bureau" and counted the response in its own rate.
    expect(escalationTargetProblem(office, dispatched, 'street-office-guangwai', [])).toMatch(/street office itself/);
    expect(escalationTargetProblem(office, dispatched, 'company-a', [])).toMatch(/not the company/);
    const escalated = {
      ...dispatched,
      responsiblePartyKind: 'BUREAU' as const,
      partyOrganisationId: 'xicheng-housing',
    };
    expect(escalationTargetProblem(office, escalated, 'xicheng-housing', [])).toMatch(/another bureau/);
    expect(escalationTargetProblem(office, escalated, 'xicheng-enforcement', [])).toBeUndefined();
    // Nor to the company serving the compound, though the order was never dispatched to it.
    expect(escalationTargetProblem(office, escalated, 'company-b', ['company-b'])).toMatch(/not the company/);
  });

  it('dispatches to a party the street office names, never itself or the company the order is about', () => {
    const office = who('STREET_OFFICE', 'street-office-guangwai', ['110102010']);
    const matched = { companyOrganisationId: null };
    expect(namedPartyProblem(office, matched, 'BUREAU', 'xicheng-housing', ['company-a'])).toBeUndefined();
    // Before, the first dispatch to a BUREAU took the office itself, which accepted its own order in its own rate,
    expect(namedPartyProblem(office, matched, 'BUREAU', 'street-office-guangwai', [])).toMatch(/street office itself/);
    // and the company serving the compound, which answered a call about itself as its supervisor, off its record.
    expect(namedPartyProblem(office, matched, 'RESIDENTS_COUNCIL', 'company-a', ['company-a'])).toMatch(
      /not the company/,
    );
    expect(namedPartyProblem(office, { companyOrganisationId: 'company-c' }, 'BUREAU', 'company-c', [])).toMatch(
      /not the company/,
    );
  });

  it("keeps when the order reached its company and when it left it unanswered, through every step's change of party", () => {
    const [t1, t2, t3] = ['2026-12-01T01:00:00Z', '2026-12-01T02:00:00Z', '2026-12-01T03:00:00Z'].map(
      (t) => new Date(t),
    );
    const none = { companyOrganisationId: null, companyDispatchedAt: null, companyReleasedAt: null };
    const heldByA = { companyOrganisationId: 'co-a', companyDispatchedAt: t1, companyReleasedAt: null };
    const at = (party: string | null, company: string | null, responded: Date | null = null) => ({
      partyOrganisationId: party,
      companyOrganisationId: company,
      companyRespondedAt: responded,
    });
    // Dispatched to a company: it has the order from now; to the street's service centre: no company's.
    expect(companyHold(none, at('co-a', 'co-a'), t1)).toEqual({ companyDispatchedAt: t1, companyReleasedAt: null });
    expect(companyHold(heldByA, at('street-office', null), t2)).toEqual({
      companyDispatchedAt: null,
      companyReleasedAt: null,
    });
    // Re-dispatched to the same company: held since the first dispatch; to another: that one's from now.
    expect(companyHold(heldByA, at('co-a', 'co-a'), t2)).toEqual({ companyDispatchedAt: t1, companyReleasedAt: null });
    expect(companyHold(heldByA, at('co-b', 'co-b'), t2)).toEqual({ companyDispatchedAt: t2, companyReleasedAt: null });
    // Escalated away before the company accepted: it left now, and a re-escalation to another bureau changes nothing.
    const left = companyHold(heldByA, at('bureau', 'co-a'), t2);
    expect(left).toEqual({ companyDispatchedAt: t1, companyReleasedAt: t2 });
    expect(companyHold({ ...heldByA, ...left }, at('bureau-2', 'co-a'), t3)).toEqual(left);
    // Escalated away once the company accepted: still its response, it never left unanswered.
    expect(companyHold(heldByA, at('bureau', 'co-a', t1), t2)).toEqual({
      companyDispatchedAt: t1,
      companyReleasedAt: null,
    });
    // Sent back to the company after it had left: the company has it again from then.
    expect(companyHold({ ...heldByA, ...left }, at('co-a', 'co-a'), t3)).toEqual({
      companyDispatchedAt: t3,
      companyReleasedAt: null,
    });
  });

  it('lets each step follow only the statuses it may', () => {
    expect(nextStatus('MATCHED', 'DISPATCH')).toBe('DISPATCHED');
    expect(nextStatus('DISPATCHED', 'ACCEPT')).toBe('ACCEPTED');
    expect(nextStatus('ESCALATED', 'ACCEPT')).toBe('ACCEPTED');
    // Re-escalated to another bureau: before, a wrong bureau left the order stuck (only it could accept).
    expect(nextStatus('ESCALATED', 'ESCALATE')).toBe('ESCALATED');
    // An address in no compound: escalated to the bureau that acts (before, no step at all)
    expect(nextStatus('AWAITING_MATCH', 'ESCALATE')).toBe('ESCALATED');
    expect(nextStatus('VISITED', 'RESOLVE')).toBe('RESOLVED');
    expect(nextStatus('RESOLVED', 'CLOSE')).toBe('CLOSED');
    // Re-routed by the hotline to another street: from any open status, never from a closed order or twice.
    for (const status of COMPLAINT_STATUSES.filter((s) => s !== 'CLOSED' && s !== 'REROUTED'))
      expect(nextStatus(status, 'REROUTE')).toBe('REROUTED');
    expect(() => nextStatus('CLOSED', 'REROUTE')).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER_TRANSITION' }),
    );
    expect(() => nextStatus('REROUTED', 'ESCALATE')).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER_TRANSITION' }),
    );
    expect(() => nextStatus('AWAITING_MATCH', 'DISPATCH')).toThrow(
      expect.objectContaining({
        code: 'INVALID_ORDER_TRANSITION',
        details: { from: 'AWAITING_MATCH', to: 'DISPATCHED' },
      }),
    );
    expect(() => nextStatus('AWAITING_MATCH', 'CLOSE')).toThrow('An awaiting match order cannot take the step CLOSE');
    expect(() => nextStatus('CLOSED', 'RESOLVE')).toThrow(
      expect.objectContaining({ code: 'INVALID_ORDER_TRANSITION' }),
    );
  });

  it('shows an order to its street office, its district bureau and the party it went to, and nobody else', () => {
    const order = { streetCode: '110102017', partyOrganisationId: 'company-a', companyOrganisationId: 'company-a' };
    expect(mayReadOrder(who('STREET_OFFICE', 'so-017', ['110102017']), order)).toBe(true);
    expect(mayReadOrder(who('STREET_OFFICE', 'so-020', ['110102020']), order)).toBe(false);
    expect(mayReadOrder(who('CITY_BUREAU', 'xicheng', ['110102']), order)).toBe(true);
    expect(mayReadOrder(who('CITY_BUREAU', 'haidian', ['110108']), order)).toBe(false);
    expect(mayReadOrder(who('PROPERTY_COMPANY', 'company-a'), order)).toBe(true);
    expect(mayReadOrder(who('PROPERTY_COMPANY', 'company-b'), order)).toBe(false);
    expect(
      mayReadOrder(who('PROPERTY_COMPANY', 'company-a'), {
        ...order,
        partyOrganisationId: null,
        companyOrganisationId: null,
      }),
    ).toBe(false);
    expect(mayReadOrder(who('COURT', 'court'), order)).toBe(false);
    // An enforcement bureau reads what was escalated to it, not its district's other orders.
    const escalated = { ...order, partyOrganisationId: 'xicheng-enforcement' };
    expect(mayReadOrder(who('ENFORCEMENT_BUREAU', 'xicheng-enforcement', ['110102']), escalated)).toBe(true);
    expect(mayReadOrder(who('ENFORCEMENT_BUREAU', 'xicheng-enforcement', ['110102']), order)).toBe(false);
    // The company it was dispatched to still reads it once escalated away (before, it lost it and its record of it);
    // another company does not, nor the first company once the order is re-dispatched to the street's centre.
    expect(mayReadOrder(who('PROPERTY_COMPANY', 'company-a'), escalated)).toBe(true);
    expect(mayReadOrder(who('PROPERTY_COMPANY', 'company-b'), escalated)).toBe(false);
    const redispatched = {
      ...order,
      partyOrganisationId: 'so-017',
      companyOrganisationId: dispatchedCompany('STREET_SERVICE_CENTRE', 'so-017'),
    };
    expect(mayReadOrder(who('PROPERTY_COMPANY', 'company-a'), redispatched)).toBe(false);
    expect(dispatchedCompany('PROPERTY_COMPANY', 'company-a')).toBe('company-a');
    expect(orderReach(who('ENFORCEMENT_BUREAU', 'xicheng-enforcement', ['110102']))).toEqual({
      all: false,
      divisions: [],
      partyOrganisationId: 'xicheng-enforcement',
    });
    expect(() => orderReach(who('COURT', 'court'))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(orderReach(who('PROPERTY_COMPANY', 'company-a', ['110102']))).toEqual({
      all: false,
      divisions: [],
      partyOrganisationId: 'company-a',
    });
    // Only division codes reach orders by street: `_` and `%` were LIKE wildcards, `9,1` split the array literal, so a
    // street office whose token named one listed every street's orders (an audit, 2026-12-07).
    expect(orderReach(who('STREET_OFFICE', 'so-x', ['110102014', '_', '%', '9,1', '']))).toEqual({
      all: false,
      divisions: ['110102014'],
      partyOrganisationId: 'so-x',
    });
  });

  it('shows a party the notes of its own steps and of those naming it, and only what happened of the others', () => {
    const step = (actorOrganisation: string, partyOrganisationId: string | null) => ({
      actorOrganisation,
      partyOrganisationId,
      note: 'n',
      evidenceSha256: ['e'],
    });
    const companyB = who('PROPERTY_COMPANY', 'company-b');
    const street = '110102017';
    expect(transitionSeenBy(companyB, step('company-a', 'company-a'), street)).toMatchObject({
      note: null,
      evidenceSha256: [],
    });
    expect(transitionSeenBy(companyB, step('so-017', 'company-b'), street)).toMatchObject({ note: 'n' });
    expect(transitionSeenBy(companyB, step('company-b', 'company-b'), street)).toMatchObject({
      note: 'n',
      evidenceSha256: ['e'],
    });
    expect(
      transitionSeenBy(who('STREET_OFFICE', 'so-017', ['110102017']), step('company-a', 'company-a'), street),
    ).toMatchObject({ note: 'n' });
    expect(
      transitionSeenBy(who('CITY_BUREAU', 'xicheng', ['110102']), step('company-a', 'company-a'), street),
    ).toMatchObject({ note: 'n' });
    // A bureau of another district the order was escalated to reads it as a party: its own steps' notes only
    // (before, every note and evidence hash of the order).
    const haidian = who('CITY_BUREAU', 'haidian', ['110108']);
    expect(transitionSeenBy(haidian, step('company-a', 'company-a'), street)).toMatchObject({
      note: null,
      evidenceSha256: [],
    });
    expect(transitionSeenBy(haidian, step('so-017', 'haidian'), street)).toMatchObject({ note: 'n' });
    expect(transitionSeenBy(who('ADMIN', 'hub', []), step('company-a', 'company-a'), street)).toMatchObject({
      note: 'n',
    });
  });

  it("takes an order's instants in UTC, a resolution due no earlier than the response", () => {
    const now = new Date('2026-12-06T08:00:00Z');
    const received = '2026-12-06T09:00:00+08:00';
    expect(
      orderTimes(
        { receivedAt: received, respondBy: '2026-12-06T11:00:00+08:00', resolveBy: '2026-12-08T09:00:00+08:00' },
        now,
      ),
    ).toEqual({
      times: {
        receivedAt: '2026-12-06T01:00:00.000Z',
        respondBy: '2026-12-06T03:00:00.000Z',
        resolveBy: '2026-12-08T01:00:00.000Z',
      },
    });
    // A helper's audit: a resolution due before the response was taken
    expect(
      orderTimes(
        { receivedAt: received, respondBy: '2026-12-07T09:00:00+08:00', resolveBy: '2026-12-06T12:00:00+08:00' },
        now,
      ),
    ).toEqual({
      problems: { resolveBy: 'not before respondBy: an order is answered before it is resolved' },
    });
    expect(
      orderTimes(
        { receivedAt: received, respondBy: '2026-12-06T12:00:00+08:00', resolveBy: '2026-12-06T12:00:00+08:00' },
        now,
      ).times,
    ).toBeDefined();
    expect(
      orderTimes(
        { receivedAt: received, respondBy: '2026-12-06T08:00:00+08:00', resolveBy: '2026-12-06T07:00:00+08:00' },
        now,
      ),
    ).toEqual({
      problems: { respondBy: 'not before the order was received', resolveBy: 'not before the order was received' },
    });
  });
});
