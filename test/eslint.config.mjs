// ESLint flat config; kept under test/ so the top level holds only what the project's layout names.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'coverage/**', 'test/output/**', 'test/stubs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no Office.js, no file libraries, no UI, no Node API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['exceljs', '@e965/*', 'react*', '@fluentui/*', 'node:*', 'fs', 'path', 'os', 'iconv-lite', '**/xlsx/**', '**/office/**', '**/taskpane/**', '**/cli/**'] }],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'process', 'require'],
    },
  },
  {
    // The webpack config is plain CommonJS run by Node.
    files: ['webpack.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', console: 'readonly', setTimeout: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
