/**
 * Choosing .xlsx files: a real, labelled <input type=file multiple> (keyboard and screen-reader friendly, and the
 * only way on some locked-down PCs) plus a drop zone around it as an extra.
 */
import { useId, useState, type DragEvent } from 'react';
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from './i18n';
import { looksLikeSpreadsheet } from '../core/submission/file-names';

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


export function FilePicker({ t, onFiles, disabled, name }: FilePickerProps) {
  const styles = useStyles();
  const id = useId();
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    // Spreadsheets of any type (an .xls gets the reader's clear message, as through the button); notes are left out.
    const files = Array.from(e.dataTransfer.files).filter((f) => looksLikeSpreadsheet(f.name));
    if (files.length) onFiles(files);
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
          if (files.length) onFiles(files);
        }}
      />
      <Text size={200}>{t.dropHere}</Text>
    </div>
  );
}
