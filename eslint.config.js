// One linter configuration for the whole project: typescript-eslint's recommended rules over
// src, tests and bench; formatting is Prettier's business, not the linter's.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'templates/theme/', 'tests/fixtures/review/site/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping and escaping control characters from untrusted text is part of the job.
      'no-control-regex': 'off',
    },
  },
)
