import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SignIn } from './sign-in';
import type { Session } from './session';
import { ConsoleProvider } from './theme';

const tokenWith = (claims: Record<string, unknown>) =>
  ['e30', btoa(JSON.stringify(claims)).replace(/=+$/, ''), 'sig'].join('.');

describe('登录 with a pasted token', () => {
  beforeEach(() => {
    // No development identities: the production sign-in.
    globalThis.fetch = (() => Promise.resolve({ ok: false })) as unknown as typeof fetch;
  });

  const signIn = (token: string, notice?: string) => {
    const signedIn: Session[] = [];
    render(
      <ConsoleProvider>
        <SignIn notice={notice} onSignedIn={(s) => signedIn.push(s)} />
      </ConsoleProvider>,
    );
    fireEvent.change(screen.getByLabelText('访问令牌'), { target: { value: token } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    return signedIn;
  };

  it('refuses an expired token with a message (before, it signed in and bounced back without a word)', async () => {
    const expired = tokenWith({ role: 'COURT', org: 'bj-xicheng-court', exp: Math.floor(Date.now() / 1000) - 60 });
    const signedIn = signIn(expired, '会话已过期或令牌已失效，请重新登录');
    expect(await screen.findByText('令牌已过期，请重新获取访问令牌')).toBeTruthy();
    expect(signedIn).toEqual([]);
  });

  it('says why the sign-in screen is back, and signs in with a token still valid', async () => {
    const valid = tokenWith({ role: 'COURT', org: 'bj-xicheng-court', exp: Math.floor(Date.now() / 1000) + 3600 });
    const signedIn = signIn(valid, '会话已过期或令牌已失效，请重新登录');
    expect(screen.getByText('会话已过期或令牌已失效，请重新登录')).toBeTruthy();
    await waitFor(() => expect(signedIn).toHaveLength(1));
    expect(signedIn[0]).toMatchObject({ role: 'COURT', organisationId: 'bj-xicheng-court' });
  });
});
