import { Button, Layout, Menu, Typography } from 'antd';
import { ReactNode, useEffect, useMemo, useState } from 'react';
import { Provider } from 'urql';
import { apiClient, publicClient } from './api';
import { ROLE, label } from './labels';
import { ArrearsScreen } from './screens/arrears';
import { CollectionScreen, ReferralStatisticsScreen } from './screens/collection';
import { CompoundsScreen } from './screens/compounds';
import { ContractsScreen } from './screens/contracts';
import { FilingReviewScreen } from './screens/filing-review';
import { MediationScreen } from './screens/mediation';
import { PaymentImportScreen } from './screens/payment-import';
import { ReferralsScreen } from './screens/referrals';
import { VerifyCertificateScreen } from './screens/verify-certificate';
import { Role, Session, loadSession, saveSession } from './session';
import { SignIn } from './sign-in';
import { ConsoleProvider } from './theme';

interface Screen {
  key: string;
  title: string;
  render: () => ReactNode;
}

/** Each role's screens: only what its organisation may see (the API enforces it; the menu just follows). */
export function screensFor(role: Role): Screen[] {
  const filings: Screen = { key: 'filings', title: '备案审核', render: () => <FilingReviewScreen /> };
  switch (role) {
    case 'CITY_BUREAU':
      return [
        filings,
        { key: 'collection', title: '收缴率', render: () => <CollectionScreen /> },
        { key: 'referral-statistics', title: '诉讼统计', render: () => <ReferralStatisticsScreen /> },
      ];
    case 'ENFORCEMENT_BUREAU':
      return [filings];
    case 'STREET_OFFICE':
      return [
        { key: 'compounds', title: '小区与住户', render: () => <CompoundsScreen /> },
        { key: 'mediation', title: '欠费调解', render: () => <MediationScreen /> },
        filings,
      ];
    case 'PROPERTY_COMPANY':
      return [
        { key: 'contracts', title: '合同与账单', render: () => <ContractsScreen /> },
        { key: 'arrears', title: '欠费管理', render: () => <ArrearsScreen /> },
        { key: 'payments', title: '收款导入', render: () => <PaymentImportScreen /> },
        { key: 'referrals', title: '移送诉讼', render: () => <ReferralsScreen court={false} /> },
        { key: 'collection', title: '收缴率', render: () => <CollectionScreen /> },
      ];
    case 'COURT':
      return [{ key: 'cases', title: '案件', render: () => <ReferralsScreen court /> }];
    default:
      return [];
  }
}

const currentKey = () => window.location.hash.replace(/^#\/?/, '').split('/')[0];

/** Where a filing certificate's QR code leads: answered for anyone, without signing in. */
const VERIFY_PATH = /\/console\/verify-filing\/?$/;

export function App() {
  if (VERIFY_PATH.test(window.location.pathname)) {
    return (
      <ConsoleProvider>
        <Provider value={publicClient()}>
          <VerifyCertificateScreen />
        </Provider>
      </ConsoleProvider>
    );
  }
  return <SignedInApp />;
}

function SignedInApp() {
  const [session, setSession] = useState<Session | undefined>(() => loadSession());
  // Why the sign-in screen is back: the hub refused the session's token (expired, or no longer valid).
  const [notice, setNotice] = useState<string | undefined>();
  const [key, setKey] = useState(currentKey);
  useEffect(() => {
    const onHash = () => setKey(currentKey());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const client = useMemo(
    () =>
      session
        ? apiClient(session.token, () => {
            saveSession(undefined);
            setNotice('会话已过期或令牌已失效，请重新登录');
            setSession(undefined);
          })
        : undefined,
    [session],
  );
  const screens = session ? screensFor(session.role) : [];
  const screen = screens.find((s) => s.key === key) ?? screens[0];

  return (
    <ConsoleProvider>
      {!session || !client ? (
        <SignIn
          notice={notice}
          onSignedIn={(s) => {
            saveSession(s);
            setNotice(undefined);
            setSession(s);
          }}
        />
      ) : (
        <Provider value={client}>
          <Layout style={{ minHeight: '100vh' }}>
            <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
              <Typography.Text style={{ color: '#fff', fontWeight: 600 }}>物业治理信息枢纽</Typography.Text>
              <nav aria-label="功能菜单" style={{ flex: 1 }}>
                <Menu
                  theme="dark"
                  mode="horizontal"
                  selectedKeys={screen ? [screen.key] : []}
                  items={screens.map((s) => ({
                    key: s.key,
                    label: (
                      <a href={`#/${s.key}`} style={{ color: 'inherit' }}>
                        {s.title}
                      </a>
                    ),
                  }))}
                />
              </nav>
              <Typography.Text style={{ color: '#fff' }}>
                {session.label}（{label(ROLE, session.role)}）
              </Typography.Text>
              <Button
                onClick={() => {
                  saveSession(undefined);
                  setSession(undefined);
                }}
              >
                退出
              </Button>
            </Layout.Header>
            <Layout.Content style={{ padding: 24 }}>
              {/* Layout.Content is the page's <main> landmark. */}
              {screen ? screen.render() : <Typography.Paragraph>此身份没有可用的功能。</Typography.Paragraph>}
            </Layout.Content>
          </Layout>
        </Provider>
      )}
    </ConsoleProvider>
  );
}
