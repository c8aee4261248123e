import { ASSERTION_SIGNERS } from '../platform/auth/tokens';
import { identityKeyVariables, newIdentityKeyPair } from '../platform/config';

/**
 * `npm run identity-keys`: new Ed25519 key pairs of the identity assertions' signers, as the variables of
 * docker-compose.yml take them (the gateway's private key to the gateway, litigation's to litigation, the public
 * keys to the subgraphs that take their assertions). Printed, never stored.
 */
for (const signer of ASSERTION_SIGNERS) {
  const names = identityKeyVariables(signer);
  const pair = newIdentityKeyPair();
  process.stdout.write(`${names.privateKey}=${pair.privateKey}\n${names.publicKey}=${pair.publicKey}\n`);
}
