import { parseArgs } from 'node:util';
import { isDevelopmentUserSecret, tokenSettings } from '../platform/config';
import { INTERNAL_ROLES, ROLES, isRole } from '../kernel/identity';
import { TokenSettings, mintUserToken } from '../platform/auth/tokens';

/**
 * The warning for a token signed with the public development secret, decided by the secret the token is signed with.
 * Before, by whether HUB_JWT_SECRET was set: set to the development secret itself (copied from a development setup),
 * it gave no warning, and set but empty, it said the development secret signed what an empty one did.
 */
export function developmentSecretWarning(settings: TokenSettings): string | undefined {
  return isDevelopmentUserSecret(settings.userTokenSecret)
    ? 'signed with the public development secret (HUB_JWT_SECRET unset or set to it), which only a development hub accepts\n'
    : undefined;
}

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
  const settings = tokenSettings(process.env, 'token-minter');
  const warning = developmentSecretWarning(settings);
  if (warning) process.stderr.write(warning);
  const jurisdictions = (values.jurisdiction ?? []).flatMap((j) => j.split(',')).filter(Boolean);
  const token = await mintUserToken(
    { subject: values.sub ?? `${values.org}-user`, role: values.role, organisationId: values.org, jurisdictions },
    settings,
    values.ttl,
  );
  process.stdout.write(`${token}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
