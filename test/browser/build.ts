/** Builds dist/ with webpack unless it is already newer than every source it comes from. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  // Screenshots written by the tests into assets/ are not build inputs (CopyWebpackPlugin skips them).
  return readdirSync(path)
    .filter((name) => !name.startsWith('screenshot-'))
    .reduce((m, name) => Math.max(m, newest(join(path, name))), st.mtimeMs);
}

export function ensureBuilt(root: string): string {
  const dist = join(root, 'dist');
  const marker = join(dist, 'taskpane.html');
  const sources = Math.max(...['src', 'webpack.config.js', 'manifest.xml', 'assets', 'package.json'].map((p) => newest(join(root, p))));
  if (!existsSync(marker) || statSync(marker).mtimeMs < sources || !existsSync(join(dist, 'taskpane.js'))) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), '--mode', 'production'], { cwd: root, stdio: 'pipe', timeout: 240_000 });
  }
  return dist;
}
