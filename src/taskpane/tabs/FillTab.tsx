/** 填报: insert the 附件2 or 附件3 tables into the open workbook. */
import { useState } from 'react';
import { Button, Checkbox, Field, Radio, RadioGroup, Text } from '@fluentui/react-components';
import type { Variant } from '../../core/notice/tables';
import type { Host } from '../host';
import type { Lang, Strings } from '../i18n';
import { DoneBar, ErrorBar } from '../feedback';

export function FillTab({ host, lang, t }: { host: Host | null; lang: Lang; t: Strings }) {
  const [variant, setVariant] = useState<Variant>('附件2');
  const [alongside, setAlongside] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sheets, setSheets] = useState<readonly string[] | null>(null);

  const insert = async () => {
    if (!host) return;
    setBusy(true);
    setError(null);
    setSheets(null);
    try {
      setSheets((await host.insertTemplate(variant, { alongside })).sheets);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pt-tab">
      <Text as="p">{t.fillIntro}</Text>
      <Field label={t.variantLabel}>
        <RadioGroup value={variant} onChange={(_, d) => setVariant(d.value as Variant)}>
          <Radio value="附件2" label={t.variant2} />
          <Radio value="附件3" label={t.variant3} />
        </RadioGroup>
      </Field>
      <Checkbox label={t.alongsideLabel} checked={alongside} onChange={(_, d) => setAlongside(Boolean(d.checked))} />
      <div>
        <Button appearance="primary" disabled={!host || busy} onClick={() => void insert()}>
          {busy ? t.inserting : t.insertTemplate}
        </Button>
      </div>
      {!host ? <Text as="p">{t.fillNeedsExcel}</Text> : null}
      <ErrorBar error={error} lang={lang} t={t} />
      {sheets ? <DoneBar>{t.inserted + sheets.join('、')}</DoneBar> : null}
    </div>
  );
}
