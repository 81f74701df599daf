// Lint rules: typescript-eslint everywhere, React hooks in the renderer, and the engine kept free of 'electron'.
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
    files: ['electron/guardian/**/*.ts', 'electron/cli.ts', 'electron/preview.ts', 'electron/preview/**/*.ts', 'shared/**/*.ts'],
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
