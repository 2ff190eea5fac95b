/**
 * The per-file progress line of a batch. On a terminal it overwrites itself with `\r` (so 36 files do not
 * scroll the reconciliation away); when stderr is a pipe or a log it stays silent, since a log only wants the result.
 */
import { basename } from 'node:path';
import { clip } from './width';

export interface Progress {
  file(path: string, index: number, total: number): void;
  step(text: string): void;
  done(): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { file() {}, step() {}, done() {} };
  const width = () => Math.max(20, (stream.columns || 80) - 1);
  let shown = false;
  const show = (text: string) => {
    // Clipped to the terminal's width: a wrapped line could not be overwritten with \r.
    stream.write(`\r\x1b[K${clip(text, width())}`);
    shown = true;
  };
  return {
    file: (path, index, total) => show(`[${index + 1}/${total}] 读取 reading ${basename(path)}`),
    step: (text) => show(text),
    done: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
