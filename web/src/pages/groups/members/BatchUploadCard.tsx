import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api-client/client';
import { ErrorAlert } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { saveCsv } from './saveCsv';
import {
  decodeMemberFile,
  memberTemplateCsv,
  previewMemberFile,
  type MemberFilePreview,
  type MemberFileProblem,
} from './member-csv';
import { useUploadBatch, type GroupProductKey, type MemberSpec } from './member-queries';
import { uploadMessages as u } from './messages';

interface ChosenFile {
  name: string;
  text: string | null;
  preview: MemberFilePreview;
  /** REQ: GRP-6 — one idempotency key per chosen file: a double click or a retry is the same batch. */
  idempotencyKey: string;
}

/** An example row of the template, by attribute code (other attributes are left empty). */
const exampleValues: Record<string, string> = {
  msisdn: '13900200001',
  displayName: '司机 001',
  role: 'member',
  priority: '4',
};

/**
 * REQ: GRP-6 — the member batch upload: staff choose a CSV file in the browser, see at once whether its header
 * fits the product and how many members it holds, then upload it; the batch's own page follows its progress.
 */
export function BatchUploadCard(props: { product: GroupProductKey; memberSpec: MemberSpec }) {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const upload = useUploadBatch(props.product);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);

  const choose = async (file: File) => {
    const text = decodeMemberFile(await file.arrayBuffer());
    upload.reset();
    setChosen({
      name: file.name,
      text,
      preview: previewMemberFile(text, props.memberSpec),
      idempotencyKey: newIdempotencyKey(),
    });
  };

  const send = () => {
    if (!chosen?.text || !chosen.preview.ok || upload.isPending) return;
    upload.mutate(
      { csv: chosen.text, idempotencyKey: chosen.idempotencyKey },
      { onSuccess: (answer) => void navigate(`/member-batches/${encodeURIComponent(answer.id)}`) },
    );
  };

  const template = () => {
    const codes = ['msisdn', ...props.memberSpec.attributes.map((a) => a.code)];
    saveCsv(
      `members-${props.product.productCode}-template.csv`,
      memberTemplateCsv(
        props.memberSpec,
        codes.map((c) => exampleValues[c] ?? ''),
      ),
    );
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t(u.title)}</h2>} size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(u.intro)}</Typography.Text>
        <Space wrap>
          <Upload
            accept=".csv,text/csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              void choose(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t(u.choose)}</Button>
          </Upload>
          <Button type="link" onClick={template}>
            {t(u.template)}
          </Button>
        </Space>
        {chosen ? (
          <Alert
            type={chosen.preview.ok ? 'info' : 'error'}
            showIcon
            role={chosen.preview.ok ? 'status' : 'alert'}
            data-testid="member-file-preview"
            title={fill(t(u.chosen), { name: chosen.name })}
            description={
              chosen.preview.ok
                ? fill(t(u.preview), {
                    rows: String(chosen.preview.rowCount),
                    columns: chosen.preview.columns.join(', '),
                  })
                : problemText(chosen.preview.problem)
            }
          />
        ) : null}
        <ErrorAlert error={upload.error} />
        <Button type="primary" disabled={!chosen?.preview.ok} loading={upload.isPending} onClick={send}>
          {t(u.upload)}
        </Button>
      </Space>
    </Card>
  );

  function problemText(problem: MemberFileProblem): string {
    switch (problem.kind) {
      case 'notUtf8':
        return t(u.notUtf8);
      case 'unreadable':
        return fill(t(u.unreadable), { line: String(problem.line) });
      case 'empty':
        return t(u.empty);
      case 'noMsisdn':
        return t(u.noMsisdn);
      case 'noRows':
        return t(u.noRows);
      case 'unknownColumn':
        return fill(t(u.unknownColumn), {
          column: problem.column,
          known: ['msisdn', ...props.memberSpec.attributes.map((a) => a.code)].join(', '),
        });
    }
  }
}
