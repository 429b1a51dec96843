import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Globals of the hosts and runtimes the core must never touch: the core runs in Apps Script,
// in Excel's JS runtime and in the playground alike, so it may use only the language itself.
const hostGlobals = [
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'Session',
  'Utilities',
  'ScriptApp',
  'Excel',
  'Office',
  'OfficeRuntime',
  'CustomFunctions',
  'window',
  'document',
  'navigator',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
  'process',
  'require',
  'module',
  'Buffer',
  '__dirname',
  'globalThis',
  'console',
].map((name) => ({ name, message: 'shared/ is host-independent: reach the host through the port.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...hostGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'os', 'child_process', '../appsscript/*', '../office-addin/*'] },
      ],
    },
  },
);
