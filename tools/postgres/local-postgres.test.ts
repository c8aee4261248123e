import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { embeddedPassword, explainRefusedLogin } from './local-postgres';

describe('embeddedPassword: the embedded PostgreSQL is not postgres/postgres', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-postgres-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('draws a random password for a new data directory, keeps it 0600 beside it and gives it again', () => {
    const dir = path.join(root, 'postgres');
    const first = embeddedPassword(dir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(`${dir}.password`).mode & 0o777).toBe(0o600);
    expect(embeddedPassword(dir)).toBe(first);
    expect(embeddedPassword(path.join(root, 'another'))).not.toBe(first);
  });

  it('keeps the password a data directory made before was made with', () => {
    const dir = path.join(root, 'postgres');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '15\n');
    expect(embeddedPassword(dir)).toBe('postgres');
    expect(fs.existsSync(`${dir}.password`)).toBe(false);
  });
});

describe('explainRefusedLogin: a refused login to the embedded server says which file to restore', () => {
  it('names the password file and the way back for a refused password, and leaves other errors as they are', () => {
    const refused = Object.assign(new Error('password authentication failed for user "postgres"'), { code: '28P01' });
    const explained = explainRefusedLogin(refused, '/hub/.local/postgres') as Error;
    expect(explained).not.toBe(refused);
    expect(explained.message).toContain('/hub/.local/postgres.password');
    expect(explained.message).toContain('remove /hub/.local/postgres and /hub/.local/postgres.password');
    const unreachable = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(explainRefusedLogin(unreachable, '/hub/.local/postgres')).toBe(unreachable);
    expect(explainRefusedLogin(null, '/hub/.local/postgres')).toBeNull();
  });
});
