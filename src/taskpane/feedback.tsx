/** The small status pieces every tab uses: an error bar, a success note and a labelled progress bar. */
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import { errorText, type Lang, type Strings } from './i18n';

export function ErrorBar({ error, lang, t }: { error: unknown; lang: Lang; t: Strings }) {
  if (error === undefined || error === null) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {errorText(error, lang)}
      </MessageBarBody>
    </MessageBar>
  );
}

export function DoneBar({ children }: { children: React.ReactNode }) {
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

export function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <Field label={`${label} ${done}/${total}`} validationState="none">
      <ProgressBar value={total ? done / total : undefined} max={1} aria-label={label} />
    </Field>
  );
}
