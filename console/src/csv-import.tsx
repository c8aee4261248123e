import { Form, Progress, message } from 'antd';

/**
 * What one request may carry: the gateway's default body limit is 1 MiB, and the file travels as JSON text (or as
 * the lines parsed from it).
 */
export const CSV_MAX_BYTES = 900 * 1024;

/** An import's stage: the file being read (with how much of it), sent and checked by the hub, or done. */
export type ImportStage =
  { step: 'idle' } | { step: 'reading'; percent: number } | { step: 'sending' } | { step: 'done' };

/**
 * The file's text: UTF-8 (its BOM dropped) when the bytes are UTF-8, else GB 18030, which Excel on Chinese Windows
 * writes for "CSV (逗号分隔)" (GBK is its subset). Before, every file was read as UTF-8: a GBK file's names became
 * U+FFFD, printable, so an owners' register could be imported as ���.
 */
export function decodeCsv(bytes: ArrayBuffer): string {
  // UTF-16 (Excel's "Unicode text") would read as GB 18030 gibberish: refused, with what to do.
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw new Error('文件为 UTF-16 编码，请另存为“CSV UTF-8（逗号分隔）”');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Reads the file as text (decodeCsv), reporting how much of it is read. */
function readText(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(Math.round((100 * e.loaded) / e.total));
    reader.onload = () => {
      try {
        resolve(decodeCsv(reader.result as ArrayBuffer));
      } catch (error) {
        reject(error instanceof Error ? error : new Error('无法读取该文件，请重新选择'));
      }
    };
    reader.onerror = () => reject(new Error('无法读取该文件，请重新选择'));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * The file's text for an import, its reading shown on the stage; an unreadable file (moved, access revoked, UTF-16)
 * is said, the form freed and undefined returned (before, the import stayed at "reading").
 */
export async function readFile(file: File, setStage: (stage: ImportStage) => void): Promise<string | undefined> {
  setStage({ step: 'reading', percent: 0 });
  try {
    return await readText(file, (percent) => setStage({ step: 'reading', percent }));
  } catch (error) {
    void message.error(error instanceof Error ? error.message : '无法读取该文件，请重新选择');
    setStage({ step: 'idle' });
    return undefined;
  }
}

/** The import's stages on one bar: the file read (0–50), sent and checked by the hub (75), imported (100). */
const percentOf = (stage: ImportStage) =>
  stage.step === 'reading'
    ? Math.round(stage.percent / 2)
    : stage.step === 'sending'
      ? 75
      : stage.step === 'done'
        ? 100
        : 0;

/** 导入进度: the import's two stages (read, then sent and checked) on one labelled bar; nothing while idle. */
export function ImportProgress({ stage }: { stage: ImportStage }) {
  if (stage.step === 'idle') return null;
  return (
    <Progress
      percent={percentOf(stage)}
      status={stage.step === 'done' ? 'success' : 'active'}
      aria-label="导入进度"
      format={(p) => (stage.step === 'reading' ? `读取 ${p}%` : stage.step === 'sending' ? '校验并导入中' : '完成')}
    />
  );
}

/**
 * The form's CSV file field (name `file`): required, a .csv, at most CSV_MAX_BYTES; `tooLarge` says what to do with
 * a larger file.
 */
export function CsvFileItem({ tooLarge }: { tooLarge: string }) {
  return (
    <Form.Item
      label="CSV 文件"
      name="file"
      valuePropName="file"
      getValueFromEvent={(e: { target: HTMLInputElement }) => e.target.files?.[0]}
      rules={[
        { required: true, message: '请选择 CSV 文件' },
        {
          validator: (_, file?: File) =>
            !file || file.size <= CSV_MAX_BYTES ? Promise.resolve() : Promise.reject(new Error(tooLarge)),
        },
        {
          validator: (_, file?: File) =>
            !file || /\.csv$/i.test(file.name) ? Promise.resolve() : Promise.reject(new Error('请选择 .csv 文件')),
        },
      ]}
    >
      <input type="file" accept=".csv,text/csv" aria-label="CSV 文件" />
    </Form.Item>
  );
}
