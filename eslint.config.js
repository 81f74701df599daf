// Lint rules: typescript-eslint everywhere, React hooks in the renderer, the engine and CLI kept free of 'electron', and the
// renderer kept to its own code and shared/ (never the main process's).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  paths: [{ name: 'electron', message: 'The engine (electron/guardian/) is plain Node: it must never import electron.' }],
  patterns: [{ group: ['electron/*'], message: 'The engine (electron/guardian/) is plain Node: it must never import electron.' }],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', '.tmp/', '.windows/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/electron/**', 'electron', 'node:*'], message: 'The renderer shows state only: what it shares with the main process lives in shared/.' }],
      }],
    },
  },
  {
    files: ['electron/guardian/**/*.ts', 'electron/cli.ts', 'electron/cli/**/*.ts', 'electron/preview.ts', 'electron/preview/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noElectron],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
          message: 'The engine (electron/guardian/) is plain Node: it must never require electron.',
        },
        {
          selector: "ImportExpression[source.value='electron']",
          message: 'The engine (electron/guardian/) is plain Node: it must never import electron.',
        },
      ],
    },
  },
);
