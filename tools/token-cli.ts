import { parseArgs } from 'node:util';
import { tokenSettings } from '../platform/config';
import { ROLES, isRole } from '../kernel/identity';
import { mintUserToken } from '../platform/auth/tokens';

/** `npm run token -- --role COURT --org court-beijing-xicheng --jurisdiction 110102 [--sub clerk-1] [--ttl 8h]` */
async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      jurisdiction: { type: 'string', multiple: true },
      sub: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  if (!isRole(values.role) || !values.org) {
    process.stderr.write(
      `usage: npm run token -- --role <${ROLES.join('|')}> --org <organisation id> [--jurisdiction <code>]... [--sub <subject>] [--ttl 8h]\n`,
    );
    process.exit(2);
  }
  const jurisdictions = (values.jurisdiction ?? []).flatMap((j) => j.split(',')).filter(Boolean);
  const token = await mintUserToken(
    { subject: values.sub ?? `${values.org}-user`, role: values.role, organisationId: values.org, jurisdictions },
    tokenSettings(),
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
}

void main();
