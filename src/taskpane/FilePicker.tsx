/**
 * Choosing .xlsx files: a real, labelled <input type=file multiple> (keyboard and screen-reader friendly, and the
 * only way on some locked-down PCs) plus a drop zone around it as an extra. What is left out (folders, notes,
 * Office's lock files) is listed with the reason, never dropped silently, as the CLI lists what it skips.
 */
import { useId, useState, type DragEvent } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from '@fluentui/react-components';
import { fill, type Strings } from './i18n';
import { looksLikeSpreadsheet } from '../core/submission/file-names';
import { isOfficeLockFile } from './file-status';

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  over: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export interface FilePickerProps {
  readonly t: Strings;
  readonly onFiles: (files: File[]) => void;
  readonly disabled?: boolean;
  /** Distinguishes the pickers of different tabs in tests and for assistive tech. */
  readonly name: string;
}


export type IgnoreReason = 'folder' | 'not-spreadsheet' | 'lock-file';

export interface Ignored {
  readonly name: string;
  readonly reason: IgnoreReason;
}

/**
 * Which of the files to work on. Dropped: spreadsheets of any type (an .xls gets the reader's clear message, as
 * through the button), not folders or notes. Chosen with the button: what the user chose, except lock files.
 */
export function sortFiles(files: readonly File[], dropped: boolean, folders: ReadonlySet<string> = new Set()): { use: File[]; ignored: Ignored[] } {
  const use: File[] = [];
  const ignored: Ignored[] = [];
  for (const f of files) {
    if (folders.has(f.name)) ignored.push({ name: f.name, reason: 'folder' });
    else if (isOfficeLockFile(f.name)) ignored.push({ name: f.name, reason: 'lock-file' });
    else if (dropped && !looksLikeSpreadsheet(f.name)) ignored.push({ name: f.name, reason: 'not-spreadsheet' });
    else use.push(f);
  }
  // A browser that leaves a dropped folder out of the files still names it among the items.
  for (const d of folders) if (!files.some((f) => f.name === d)) ignored.push({ name: d, reason: 'folder' });
  return { use, ignored };
}

/** Names of the dropped folders (Chromium lists a folder among the files, as an entry that is a directory). */
function droppedFolders(e: DragEvent): Set<string> {
  const out = new Set<string>();
  for (const item of Array.from(e.dataTransfer.items ?? [])) {
    const entry = item.kind === 'file' && typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry?.isDirectory) out.add(entry.name);
  }
  return out;
}

export function FilePicker({ t, onFiles, disabled, name }: FilePickerProps) {
  const styles = useStyles();
  const id = useId();
  const [over, setOver] = useState(false);
  // What the last pick or drop left out, and whether anything was left to work on.
  const [left, setLeft] = useState<{ ignored: Ignored[]; nothing: boolean } | null>(null);
  const take = (files: readonly File[], dropped: boolean, folders?: ReadonlySet<string>) => {
    const { use, ignored } = sortFiles(files, dropped, folders);
    setLeft(ignored.length || !use.length ? { ignored, nothing: !use.length } : null);
    if (use.length) onFiles(use);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    take(Array.from(e.dataTransfer.files ?? []), true, droppedFolders(e));
  };
  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`drop-${name}`}
    >
      <label htmlFor={id}>
        <Text weight="semibold">{t.chooseFiles}</Text>
      </label>
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept=".xlsx"
        disabled={disabled}
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          // Cleared so that choosing the same files again runs again.
          e.target.value = '';
          if (files.length) take(files, false);
        }}
      />
      <Text size={200}>{t.dropHere}</Text>
      {left ? (
        <MessageBar intent={left.nothing ? 'warning' : 'info'} layout="multiline" role={left.nothing ? 'alert' : 'status'} data-testid={`ignored-${name}`}>
          <MessageBarBody>
            <MessageBarTitle>{left.nothing ? t.nothingUsable : fill(t.ignoredTitle, { n: left.ignored.length })}</MessageBarTitle>
            {left.ignored.map((f, n) => (
              <Text as="p" block size={200} key={`${n}|${f.name}`}>
                {fill(t.ignoredLine, { name: f.name, reason: t.ignoredReason[f.reason] })}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
