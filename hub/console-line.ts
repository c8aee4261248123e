/** Where the gateway serves the console: /console/ on the gateway's own origin, whatever path its GraphQL has. */
export const consoleUrlOf = (gatewayUrl: string): string => new URL('/console/', gatewayUrl).toString();

/**
 * The line `npm start` prints for the console: its URL, and in development that the demo identities sign in there
 * (the development sign-in does not exist when NODE_ENV=production).
 */
export const consoleLine = (gatewayUrl: string, nodeEnv: string | undefined): string =>
  `  Console (中文): ${consoleUrlOf(gatewayUrl)}${nodeEnv === 'production' ? '' : ' (development sign-in with the demo identities)'}`;
