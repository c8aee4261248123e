import { Alert, Button, Descriptions, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from 'urql';
import { ApiErrors } from '../components';
import { dateZh } from '../format';
import { graphql } from '../gql';

const VERIFY = graphql(`
  query VerifyFilingCertificate($recordNumber: Key!, $digest: Key!) {
    verifyFilingCertificate(recordNumber: $recordNumber, digest: $digest) {
      result
      since
      provider
      areaName
      startsOn
      endsOn
    }
  }
`);

const RESULT: Record<string, { type: 'success' | 'warning' | 'error'; text: (since?: string | null) => string }> = {
  VALID: { type: 'success', text: () => '备案证明有效' },
  SUPERSEDED: { type: 'warning', text: (since) => `该备案已于${dateZh(since)}被变更备案取代` },
  TERMINATED: { type: 'warning', text: (since) => `该合同已于${dateZh(since)}终止` },
  EXPIRED: { type: 'warning', text: (since) => `该合同服务期限已于${dateZh(since)}届满` },
  TAMPERED: { type: 'error', text: () => '证明内容与备案记录不符：该证明可能被篡改' },
  UNKNOWN: { type: 'error', text: () => '未找到该备案编号的备案证明' },
};

interface Asked {
  recordNumber: string;
  digest: string;
}

/**
 * 备案证明核验 (no sign-in): where a certificate's QR code leads (/console/verify-filing?recordNumber=…&digest=…).
 * It asks the public query verifyFilingCertificate and shows only the public facts it answers.
 */
export function VerifyCertificateScreen() {
  const params = new URLSearchParams(window.location.search);
  const [asked, setAsked] = useState<Asked | undefined>(() => {
    const recordNumber = params.get('recordNumber');
    const digest = params.get('digest');
    return recordNumber && digest ? { recordNumber, digest } : undefined;
  });
  const [{ data, fetching, error }] = useQuery({
    query: VERIFY,
    variables: asked ?? { recordNumber: '', digest: '' },
    pause: !asked,
  });
  const answer = data?.verifyFilingCertificate;
  const shown = answer ? RESULT[answer.result] : undefined;
  return (
    <main style={{ maxWidth: 720, margin: '48px auto' }}>
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Typography.Title level={2}>物业服务合同备案证明核验</Typography.Title>
        <Form
          layout="vertical"
          initialValues={asked}
          onFinish={(v: Asked) => setAsked({ recordNumber: v.recordNumber.trim(), digest: v.digest.trim() })}
        >
          <Form.Item
            name="recordNumber"
            label="备案编号"
            rules={[{ required: true, message: '请填写备案编号' }, { max: 128 }]}
          >
            <Input placeholder="110102-2026-0001" />
          </Form.Item>
          <Form.Item
            name="digest"
            label="证明校验码"
            rules={[{ required: true, message: '请填写证明校验码' }, { max: 128 }]}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={fetching}>
            核验
          </Button>
        </Form>
        <ApiErrors error={error} />
        {answer && shown && (
          <>
            <Alert type={shown.type} showIcon message={shown.text(answer.since)} role="status" />
            {answer.provider && (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="物业服务人">{answer.provider}</Descriptions.Item>
                <Descriptions.Item label="物业管理区域">{answer.areaName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label="合同期限">
                  {dateZh(answer.startsOn)} 至 {dateZh(answer.endsOn)}
                </Descriptions.Item>
              </Descriptions>
            )}
          </>
        )}
      </Space>
    </main>
  );
}
