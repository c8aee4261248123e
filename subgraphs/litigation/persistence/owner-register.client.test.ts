import http from 'node:http';
import { once } from 'node:events';
import { AddressInfo } from 'node:net';
import { IDENTITY_HEADER, verifyIdentityAssertion } from '../../../platform/auth/tokens';
import { tokenSettings } from '../../../platform/config';
import { Identity } from '../../../kernel/identity';
import { ownerRegisterClient } from './owner-register.client';

const tokens = tokenSettings({ NODE_ENV: 'test' });
const court: Identity = {
  subject: 'clerk',
  role: 'COURT',
  organisationId: 'bj-haidian-court',
  jurisdictions: ['110108'],
};

/** An owner's identity as the register answers it unmasked, with no phone or service address. */
const unmaskedOwner = (legalName: string) => ({
  legalName,
  idType: 'RESIDENT_ID',
  idNumber: '110108190001010015',
  phone: null,
  serviceAddress: null,
  masked: false,
});

/** An areas subgraph stand-in: records each request with the identity it asserted, answers what `answer` gives. */
async function fakeAreas(answer: (body: { variables: Record<string, unknown> }) => unknown) {
  const seen: { identity: Identity; variables: Record<string, unknown> }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString());
    seen.push({
      identity: (await verifyIdentityAssertion(String(req.headers[IDENTITY_HEADER]), tokens)).identity,
      variables: body.variables,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer(body)));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, seen, stop: () => new Promise((r) => server.close(r)) };
}

describe('the owners’ register client (Household.ownerIdentity of the areas subgraph)', () => {
  it('asks for the household with the caller’s identity and the referral, and decodes the owner', async () => {
    const owner = {
      legalName: '张三',
      idType: 'RESIDENT_ID',
      idNumber: '110108190001010015',
      phone: '13900000000',
      serviceAddress: '北京市海淀区',
      masked: false,
    };
    const areas = await fakeAreas(() => ({ data: { _entities: [{ ownerIdentity: owner }] } }));
    try {
      const found = await ownerRegisterClient({ url: areas.url, tokens }).find({
        caller: court,
        householdId: 'h-1',
        referralId: 'r-1',
      });
      expect(found).toEqual(owner);
      expect(areas.seen).toEqual([
        {
          identity: court,
          variables: { representations: [{ __typename: 'Household', id: 'h-1' }], referralId: 'r-1' },
        },
      ]);
    } finally {
      await areas.stop();
    }
  });

  it('gives null when the register holds no identity, or does not disclose identities yet (no such field)', async () => {
    const none = await fakeAreas(() => ({ data: { _entities: [{ ownerIdentity: null }] } }));
    const old = await fakeAreas(() => ({
      errors: [
        {
          message: 'Cannot query field "ownerIdentity" on type "Household".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    }));
    try {
      expect(
        await ownerRegisterClient({ url: none.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
      ).toBeNull();
      expect(
        await ownerRegisterClient({ url: old.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
      ).toBeNull();
    } finally {
      await Promise.all([none.stop(), old.stop()]);
    }
  });

  it('answers DEFENDANT_IDENTITY_PENDING while the register does not show the household or masks its owner to the court', async () => {
    const unseen = await fakeAreas(() => ({ data: { _entities: [null] } }));
    const notFound = await fakeAreas(() => ({
      data: { _entities: [null] },
      errors: [{ message: 'No such household', path: ['_entities', 0], extensions: { code: 'NOT_FOUND' } }],
    }));
    const masked = await fakeAreas(() => ({
      data: {
        _entities: [
          {
            ownerIdentity: {
              legalName: '张*',
              idType: 'RESIDENT_ID',
              idNumber: '110***********0015',
              phone: null,
              serviceAddress: null,
              masked: true,
            },
          },
        ],
      },
    }));
    try {
      for (const areas of [unseen, notFound, masked]) {
        await expect(
          ownerRegisterClient({ url: areas.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
        ).rejects.toMatchObject({ code: 'DEFENDANT_IDENTITY_PENDING' });
      }
    } finally {
      await Promise.all([unseen.stop(), notFound.stop(), masked.stop()]);
    }
  });

  it('answers DEFENDANT_DECEASED for an owner the register records as dead, with or without an identity', async () => {
    const identity = unmaskedOwner('张三');
    const dead = await fakeAreas(() => ({
      data: { _entities: [{ ownerDiedOn: '2026-11-20', ownerIdentity: identity }] },
    }));
    const deadUnknown = await fakeAreas(() => ({
      data: { _entities: [{ ownerDiedOn: '2026-11-20', ownerIdentity: null }] },
    }));
    // An owner masked to the court is not the one referred (the flat changed hands since): their death is not the
    // defendant's.
    const deadOther = await fakeAreas(() => ({
      data: { _entities: [{ ownerDiedOn: '2026-11-20', ownerIdentity: { ...identity, masked: true } }] },
    }));
    try {
      for (const areas of [dead, deadUnknown])
        await expect(
          ownerRegisterClient({ url: areas.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
        ).rejects.toMatchObject({ code: 'DEFENDANT_DECEASED', details: { referralId: 'r', diedOn: '2026-11-20' } });
      await expect(
        ownerRegisterClient({ url: deadOther.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
      ).rejects.toMatchObject({ code: 'DEFENDANT_IDENTITY_PENDING' });
    } finally {
      await Promise.all([dead.stop(), deadUnknown.stop(), deadOther.stop()]);
    }
  });

  it('answers DEFENDANT_NO_LONGER_OWNER when the register’s owner is not the one the referral names', async () => {
    const owner = unmaskedOwner('李四');
    const areas = await fakeAreas(() => ({
      data: { _entities: [{ ownerReference: 'o-buyer', ownerIdentity: owner }] },
    }));
    try {
      const client = ownerRegisterClient({ url: areas.url, tokens });
      // Before, the buyer's identity, unmasked by a grant recorded after the sale, was named as the defendant.
      await expect(
        client.find({ caller: court, householdId: 'h', referralId: 'r', ownerReference: 'o-seller' }),
      ).rejects.toMatchObject({ code: 'DEFENDANT_NO_LONGER_OWNER', details: { referralId: 'r' } });
      expect(
        await client.find({ caller: court, householdId: 'h', referralId: 'r', ownerReference: 'o-buyer' }),
      ).toEqual(owner);
      // The register's reference retyped in full-width since the referral: the same owner (the register's ownerKey).
      expect(
        await client.find({ caller: court, householdId: 'h', referralId: 'r', ownerReference: ' ｏ－ｂｕｙｅｒ' }),
      ).toEqual(owner);
    } finally {
      await areas.stop();
    }
  });

  it('takes the seller the register answers from its history as the defendant, their death with them, not the buyer', async () => {
    const seller = unmaskedOwner('李四');
    const answers = [
      { ownerReference: 'o-seller', ownerDiedOn: null },
      { ownerReference: 'o-seller', ownerDiedOn: '2026-11-30' },
      // A register that kept no history of the seller answers the buyer, masked.
      { ...seller, legalName: '王*', masked: true, ownerReference: 'o-buyer', ownerDiedOn: null },
    ];
    let next = 0;
    const areas = await fakeAreas(() => ({
      data: {
        _entities: [{ ownerReference: 'o-buyer', ownerDiedOn: null, ownerIdentity: { ...seller, ...answers[next++] } }],
      },
    }));
    try {
      const client = ownerRegisterClient({ url: areas.url, tokens });
      const find = () => client.find({ caller: court, householdId: 'h', referralId: 'r', ownerReference: 'o-seller' });
      // Before, DEFENDANT_NO_LONGER_OWNER: the register's owner now was compared, whatever identity it answered.
      expect(await find()).toEqual(seller);
      await expect(find()).rejects.toMatchObject({ code: 'DEFENDANT_DECEASED', details: { diedOn: '2026-11-30' } });
      await expect(find()).rejects.toMatchObject({ code: 'DEFENDANT_NO_LONGER_OWNER' });
    } finally {
      await areas.stop();
    }
  });

  it('fails on any other error or a malformed identity, rather than filing a complaint without its defendant', async () => {
    const refusing = await fakeAreas(() => ({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] }));
    const malformed = await fakeAreas(() => ({
      data: { _entities: [{ ownerIdentity: { legalName: '', idType: 'DRIVING_LICENCE' } }] },
    }));
    try {
      await expect(
        ownerRegisterClient({ url: refusing.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
      ).rejects.toThrow(/FORBIDDEN/);
      await expect(
        ownerRegisterClient({ url: malformed.url, tokens }).find({ caller: court, householdId: 'h', referralId: 'r' }),
      ).rejects.toThrow(/not one/);
    } finally {
      await Promise.all([refusing.stop(), malformed.stop()]);
    }
  });
});
