/**
 * Builds the add-in's web part: the task pane (React + Fluent UI v9), the ribbon's function file, the
 * file-parsing Web Worker (with the xlsx libraries, loaded on demand), manifest.xml and assets/.
 *
 * `webpack --mode production` → dist/; `webpack serve --mode development` → https://localhost:3000.
 */
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { WebpackError } = require('webpack');

const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const DEV_PORT = 3000;
/** The budget the issue sets for what the task pane downloads before it can be used. */
const FIRST_LOAD_BUDGET = 400 * 1024;

/**
 * The page may talk to nothing but its own origin: the data in the tables (names, mobiles, e-mails) stays on the
 * machine. office.js is the one outside script (Office requires it from the CDN); Griffel injects <style> tags
 * at run time, hence 'unsafe-inline' for styles only; the worker and downloads use blob: URLs.
 */
const CSP = [
  "default-src 'self'",
  `script-src 'self' https://appsforoffice.microsoft.com`,
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * What the dev server sends with every response. The <meta> CSP binds the page only: the worker that parses the
 * untrusted files is loaded from its own URL and takes its policy from that response's headers, so the header is
 * what keeps the worker off the network too. A production host must send the same header (README, 部署).
 */
const SERVER_HEADERS = { 'Access-Control-Allow-Origin': '*', 'Content-Security-Policy': CSP };

/**
 * Prints the gzipped size of everything taskpane.html loads before the first render (its HTML and the initial
 * chunks of the taskpane entry, React's shared chunk included) and fails a production build over budget.
 * Lazy chunks (the worker, exceljs, SheetJS, iconv-lite) are listed separately and do not count.
 */
class FirstLoadSizePlugin {
  constructor(options) {
    this.budget = options.budget;
    this.enforce = options.enforce;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FirstLoadSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'FirstLoadSizePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        (assets) => {
          const entry = compilation.entrypoints.get('taskpane');
          if (!entry) return;
          // The entry's own files plus those of the entries it depends on (React's, through dependOn).
          const files = new Set();
          const visit = (group) => {
            for (const f of group.getFiles()) if (/\.(js|css)$/.test(f)) files.add(f);
            for (const parent of group.getParents()) visit(parent);
          };
          visit(entry);
          if (assets['taskpane.html']) files.add('taskpane.html');
          const gz = (name) => zlib.gzipSync(assets[name].buffer(), { level: 9 }).length;
          let total = 0;
          const lines = [];
          for (const f of [...files].sort()) {
            const size = gz(f);
            total += size;
            lines.push(`  ${f.padEnd(40)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
          }
          const lazy = Object.keys(assets).filter((f) => f.endsWith('.js') && !files.has(f) && !/^commands/.test(f));
          const lazyTotal = lazy.reduce((s, f) => s + gz(f), 0);
          const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
          const report =
            `Task pane first load (gzipped): ${kb(total)} of ${kb(this.budget)} budget\n${lines.join('\n')}\n` +
            `  loaded on demand (worker, xlsx libraries): ${lazy.length} files, ${kb(lazyTotal)} gzipped`;
          // Printed straight to stdout so the figure shows in CI logs whatever webpack's stats preset is.
          console.log(report);
          if (this.enforce && total > this.budget) {
            compilation.errors.push(new WebpackError(`Task pane first load is ${kb(total)} gzipped, over the ${kb(this.budget)} budget.`));
          }
        },
      );
    });
  }
}

/**
 * https for the dev server. Office requires https even on localhost. office-addin-dev-certs makes and trusts a
 * local CA, but installing it needs admin rights (sudo on Linux, which CI and some PCs lack); then we fall back
 * to webpack-dev-server's own self-signed certificate, which browsers accept after a click. Never fails.
 */
async function httpsServer() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await Promise.race([
      devCerts.getHttpsServerOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 20000)),
    ]);
    return { type: 'https', options };
  } catch (e) {
    console.warn(`office-addin-dev-certs unavailable (${e instanceof Error ? e.message : e}); using a self-signed certificate.`);
    return 'https';
  }
}

module.exports = async (env, argv) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const html = (name, chunks) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(__dirname, 'src', name, `${name}.html`),
      chunks,
      scriptLoading: 'defer',
      templateParameters: { csp: CSP, officeJs: OFFICE_JS },
    });

  return {
    mode,
    // No eval-based source maps: the CSP forbids eval, and so do we.
    devtool: 'source-map',
    entry: {
      react: ['react', 'react-dom', 'react-dom/client'],
      taskpane: { import: path.join(__dirname, 'src', 'taskpane', 'index.tsx'), dependOn: 'react' },
      commands: path.join(__dirname, 'src', 'commands', 'commands.ts'),
    },
    output: {
      path: path.join(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      // dist/node holds the CLI (tsc, build:node); the web build must not wipe it.
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      alias: {
        // exceljs's browser build: bundles its own stream/buffer shims instead of asking for Node's.
        exceljs$: 'exceljs/dist/exceljs.min.js',
      },
      // Nothing from Node may reach the page; SheetJS and iconv-lite probe for these and do without.
      fallback: { fs: false, path: false, stream: false, crypto: false, buffer: false, os: false, zlib: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              // ES modules reach webpack untouched, so unused Fluent icons and components are dropped.
              compilerOptions: { module: 'ES2020', moduleResolution: 'bundler', noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      html('taskpane', ['react', 'taskpane']),
      html('commands', ['commands']),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'assets', to: 'assets', globOptions: { ignore: ['**/screenshot-*'] } },
        ],
      }),
      new FirstLoadSizePlugin({ budget: FIRST_LOAD_BUDGET, enforce: mode === 'production' }),
    ],
    performance: { hints: false },
    devServer: serving
      ? {
          port: DEV_PORT,
          server: await httpsServer(),
          headers: SERVER_HEADERS,
          static: false,
          client: { overlay: false },
        }
      : undefined,
  };
};

// For tests: the CSP the HTML carries, and the headers the dev server sends.
module.exports.CSP = CSP;
module.exports.SERVER_HEADERS = SERVER_HEADERS;
