import { tokenSettings } from '../platform/config';
import { developmentSecretWarning } from './token-cli';

describe('npm run token’s warning about the public development secret', () => {
  const development = tokenSettings({}).userTokenSecret;
  const warned = (env: NodeJS.ProcessEnv) => developmentSecretWarning(tokenSettings(env)) !== undefined;

  it('is given when the token is signed with it, whether HUB_JWT_SECRET is unset or holds it', () => {
    expect(warned({})).toBe(true);
    // Before, decided by whether the variable was set: set to the development secret itself, no warning.
    expect(warned({ HUB_JWT_SECRET: development })).toBe(true);
  });

  it('is not given when the token is signed with another secret', () => {
    expect(warned({ HUB_JWT_SECRET: 'a-production-secret-of-at-least-32-bytes' })).toBe(false);
    // Before, an empty variable was taken for an unset one, though the token is not signed with the development secret.
    expect(warned({ HUB_JWT_SECRET: '' })).toBe(false);
  });
});
