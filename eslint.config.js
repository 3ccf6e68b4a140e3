import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'coverage/', '.preview/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_|^e$' }],
    },
  },
  {
    // The core is pure: no Apps Script service may appear there.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'HtmlService',
          'PropertiesService',
          'LockService',
          'CacheService',
          'DriveApp',
          'Session',
          'Utilities',
          'ScriptApp',
        ].map((name) => ({ name, message: 'src/core stays free of Apps Script services.' })),
      ],
    },
  },
);
