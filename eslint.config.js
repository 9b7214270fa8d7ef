import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import layers from './scripts/lint-layers.js';

export default defineConfig(
  globalIgnores([
    'build/',
    'dist/',
    '.svelte-kit/',
    'node_modules/',
    'data/',
    'test-results/',
    'tmp/',
    'playwright-report/',
    'src/lib/schema/types.generated.ts',
    'src/lib/schema/validators.generated.*'
  ]),
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node }
    },
    rules: {
      // TypeScript checks names itself, and knows the DOM and Node globals better than ESLint.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
      ]
    }
  },
  {
    // Component modules in their code form declare `const scopes` for the studio to read.
    files: ['tests/fixtures/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|scopes$)' }
      ]
    }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        parser: ts.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig
      }
    }
  },
  {
    // Each folder of src/lib imports only what its README's "May import:" line names.
    files: ['src/lib/**/*.{ts,js,svelte}'],
    plugins: { malleable: layers },
    rules: { 'malleable/layers': 'error' }
  },
  svelte.configs.prettier,
  prettier
);
