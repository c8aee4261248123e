import { SubgraphName } from '../catalog';
import { TokenSettings } from './auth/tokens';
import type { SaslCredential } from './events/kafka';

export { SUBGRAPH_NAMES, type SubgraphName } from '../catalog';

/**
 * Every setting comes from the environment with a development default; production (docker-compose.yml) sets the
 * secrets explicitly. The development secrets below are public by design and refused when NODE_ENV=production.
 */
const DEV_USER_SECRET = 'dev-only-user-token-secret-change-me-0123456789';
const DEV_INTERNAL_SECRET = 'dev-only-internal-identity-secret-change-me-0123';

export function tokenSettings(env: NodeJS.ProcessEnv = process.env): TokenSettings {
  const settings = {
    userTokenSecret: env.HUB_JWT_SECRET ?? DEV_USER_SECRET,
    userTokenIssuer: env.HUB_JWT_ISSUER ?? 'property-governance-hub',
    userTokenAudience: env.HUB_JWT_AUDIENCE ?? 'property-governance-hub',
    internalSecret: env.HUB_INTERNAL_SECRET ?? DEV_INTERNAL_SECRET,
  };
  if (env.NODE_ENV === 'production' && (!env.HUB_JWT_SECRET || !env.HUB_INTERNAL_SECRET)) {
    throw new Error('HUB_JWT_SECRET and HUB_INTERNAL_SECRET must be set in production');
  }
  return settings;
}


/** Default ports of the development hub; production sets PORT per container. */
export const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  areas: 4001,
  contracts: 4002,
  arrears: 4003,
  litigation: 4004,
  feeds: 4005,
};

export function kafkaBrokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const list = env.KAFKA_BROKERS?.split(',').map((b) => b.trim()).filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

/**
 * A principal from the environment: `KAFKA_SASL_USERNAME` / `KAFKA_SASL_PASSWORD` (a subgraph container's own), or
 * with `KAFKA_ADMIN` the broker's super user (the feeds subgraph, which registers parties' principals). Both or none.
 */
export function kafkaSaslFromEnv(env: NodeJS.ProcessEnv = process.env, prefix: 'KAFKA_SASL' | 'KAFKA_ADMIN' = 'KAFKA_SASL'): SaslCredential | undefined {
  const username = env[`${prefix}_USERNAME`];
  const password = env[`${prefix}_PASSWORD`];
  if (!username && !password) return undefined;
  if (!username || !password) throw new Error(`set both ${prefix}_USERNAME and ${prefix}_PASSWORD`);
  return { username, password };
}
