/**
 * The small status pieces every tab uses: an error bar, a success note, a labelled progress bar, a polite live
 * region, and moving focus to the results when they arrive.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles } from '@fluentui/react-components';
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

const useHiddenStyles = makeStyles({
  // Read by screen readers, not shown: the results themselves are on screen.
  hidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
});

/**
 * A polite live region, always in the page (a region added together with its text is often not read): the
 * text put in it is announced once the reader is idle.
 */
export function LiveStatus({ text, testId }: { text: string; testId: string }) {
  const styles = useHiddenStyles();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={styles.hidden} data-testid={testId}>
      {text}
    </div>
  );
}

/**
 * Focus for the results of a run: the file input is disabled while the files are worked on, so focus falls to
 * <body>; `expect()` before the run, and when `results` next changes the heading (tabIndex -1) takes focus.
 */
export function useFocusOnResults<T extends HTMLElement>(results: unknown): { ref: RefObject<T>; expect: () => void; cancel: () => void } {
  const ref = useRef<T>(null);
  const pending = useRef(false);
  useEffect(() => {
    if (pending.current && results && ref.current) {
      pending.current = false;
      ref.current.focus();
    }
  }, [results]);
  return {
    ref,
    expect: () => {
      pending.current = true;
    },
    cancel: () => {
      pending.current = false;
    },
  };
}
