import { parseArgs } from 'node:util';
import { tokenSettings } from '../platform/config';
import { INTERNAL_ROLES, ROLES, isRole } from '../kernel/identity';
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
  // A caller's roles only: PUBLIC and SYSTEM are the hub's own, which the gateway refuses in a token.
  const roles = ROLES.filter((r) => !INTERNAL_ROLES.has(r));
  if (!isRole(values.role) || INTERNAL_ROLES.has(values.role) || !values.org) {
    process.stderr.write(
      `usage: npm run token -- --role <${roles.join('|')}> --org <organisation id> [--jurisdiction <code>]... [--sub <subject>] [--ttl 8h]\n`,
    );
    process.exit(2);
  }
  if (!process.env.HUB_JWT_SECRET)
    process.stderr.write(
      'HUB_JWT_SECRET is not set: signed with the public development secret, which only a development hub accepts\n',
    );
  const jurisdictions = (values.jurisdiction ?? []).flatMap((j) => j.split(',')).filter(Boolean);
  const token = await mintUserToken(
    { subject: values.sub ?? `${values.org}-user`, role: values.role, organisationId: values.org, jurisdictions },
    tokenSettings(),
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
