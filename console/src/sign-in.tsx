import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ROLE, label } from './labels';
import { Session, claimsOf } from './session';

interface DemoIdentity {
  key: string;
  label: string;
  role: string;
}

/**
 * 登录. In development the hub offers its demo identities (/console/dev/identities; absent in production). In
 * production the organisation's identity provider issues the token (README: Console, OIDC hand-off); a token pasted
 * here works everywhere.
 */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string }) {
  const [identities, setIdentities] = useState<DemoIdentity[] | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  useEffect(() => {
    fetch('/console/dev/identities')
      .then(async (r) => (r.ok ? ((await r.json()) as { identities: DemoIdentity[] }).identities : []))
      .then(setIdentities, () => setIdentities([]));
  }, []);

  const signInAs = async (identity: DemoIdentity) => {
    const r = await fetch('/console/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: identity.key }),
    });
    if (!r.ok) return setProblem(`登录失败（${r.status}）`);
    const { token } = (await r.json()) as { token: string };
    const claims = claimsOf(token);
    if (!claims) return setProblem('令牌无效');
    onSignedIn({ token, role: claims.role, organisationId: claims.organisationId, label: identity.label });
  };

  const withToken = ({ token }: { token: string }) => {
    const claims = claimsOf(token);
    if (!claims) return setProblem('令牌无效：不是本系统签发的访问令牌');
    // Before, an expired token "signed in" and the first request sent the page straight back here, without a word.
    if (claims.expiresAt !== undefined && claims.expiresAt <= Date.now())
      return setProblem('令牌已过期，请重新获取访问令牌');
    onSignedIn({
      token: token.trim(),
      role: claims.role,
      organisationId: claims.organisationId,
      label: claims.organisationId,
    });
  };

  return (
    <main style={{ maxWidth: 640, margin: '48px auto' }}>
      <Typography.Title level={2}>物业治理信息枢纽 · 登录</Typography.Title>
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 16 }} />}
      {!problem && notice && (
        <Alert type="warning" showIcon message={notice} role="status" style={{ marginBottom: 16 }} />
      )}
      {identities && identities.length > 0 && (
        <Card title="开发环境：选择演示身份" style={{ marginBottom: 16 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {identities.map((i) => (
              <Button key={i.key} block onClick={() => void signInAs(i)}>
                {i.label}（{label(ROLE, i.role)}）
              </Button>
            ))}
          </Space>
        </Card>
      )}
      <Card title="使用本单位身份认证系统签发的令牌登录">
        <Form layout="vertical" onFinish={withToken}>
          <Form.Item
            name="token"
            label="访问令牌"
            rules={[{ required: true, message: '请粘贴访问令牌' }, { max: 8192 }]}
          >
            <Input.TextArea rows={3} autoComplete="off" />
          </Form.Item>
          <Button htmlType="submit" type="primary">
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
