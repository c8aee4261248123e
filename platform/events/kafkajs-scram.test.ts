import { pbkdf2Sync } from 'node:crypto';
import { SaltPassword, kafkajsScram, memoizeKafkajsSaltedPasswords, memoizeSaltedPasswords } from './kafkajs-scram';

const SHA512 = { length: 64, type: 'sha512' };

describe("kafkajs' SCRAM Hi() memoized", () => {
  it('computes once per password, salt, iterations and digest, and again for any other', async () => {
    const calls: string[] = [];
    const hi: SaltPassword = async (password, salt, iterations, digest) => {
      calls.push(`${password}/${salt.toString('hex')}/${iterations}/${digest.type}`);
      return Buffer.from(calls.at(-1)!);
    };
    const memo = memoizeSaltedPasswords(hi);
    const salt = Buffer.from('0102', 'hex');
    const first = await memo('secret', salt, 4096, SHA512);
    expect(await memo('secret', Buffer.from('0102', 'hex'), 4096, SHA512)).toBe(first);
    await memo('other', salt, 4096, SHA512);
    await memo('secret', Buffer.from('0103', 'hex'), 4096, SHA512);
    await memo('secret', salt, 8192, SHA512);
    await memo('secret', salt, 4096, { length: 32, type: 'sha256' });
    expect(calls).toEqual([
      'secret/0102/4096/sha512',
      'other/0102/4096/sha512',
      'secret/0103/4096/sha512',
      'secret/0102/8192/sha512',
      'secret/0102/4096/sha256',
    ]);
  });

  it('does not keep a failed computation', async () => {
    let attempts = 0;
    const memo = memoizeSaltedPasswords(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('no threads');
      return Buffer.from('ok');
    });
    await expect(memo('secret', Buffer.from('01', 'hex'), 4096, SHA512)).rejects.toThrow('no threads');
    await expect(memo('secret', Buffer.from('01', 'hex'), 4096, SHA512)).resolves.toEqual(Buffer.from('ok'));
    expect(attempts).toBe(2);
  });

  it("is installed once in kafkajs and answers what kafkajs' own PBKDF2 does", async () => {
    memoizeKafkajsSaltedPasswords();
    const installed = kafkajsScram().hi;
    memoizeKafkajsSaltedPasswords();
    expect(kafkajsScram().hi).toBe(installed);
    const salt = Buffer.from('salt-of-a-principal');
    const expected = pbkdf2Sync('secret', salt, 4096, 64, 'sha512');
    expect(await kafkajsScram().hi('secret', salt, 4096, SHA512)).toEqual(expected);
    expect(await kafkajsScram().hi('secret', salt, 4096, SHA512)).toEqual(expected);
  });
});
