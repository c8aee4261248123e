import { consoleLine, consoleUrlOf } from './console-line';

describe('the console line npm start prints', () => {
  it('is the gateway’s origin with /console/, whatever path the GraphQL endpoint has', () => {
    expect(consoleUrlOf('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/console/');
    expect(consoleUrlOf('http://127.0.0.1:4000/')).toBe('http://127.0.0.1:4000/console/');
    expect(consoleUrlOf('https://hub.example.cn/api/graphql')).toBe('https://hub.example.cn/console/');
  });

  it('names the development sign-in except in production', () => {
    expect(consoleLine('http://127.0.0.1:4000/graphql', 'development')).toBe(
      '  Console (中文): http://127.0.0.1:4000/console/ (development sign-in with the demo identities)',
    );
    expect(consoleLine('http://127.0.0.1:4000/graphql', undefined)).toContain('development sign-in');
    expect(consoleLine('http://127.0.0.1:4000/graphql', 'production')).toBe(
      '  Console (中文): http://127.0.0.1:4000/console/',
    );
  });
});
