// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    '.astro/',
    '.data/',
    '.data.*/',
    '.cache/',
    'node_modules/',
    'test/fixtures/',
    'test/output/',
  ]),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a deliberately unused binding (callback positions, destructuring).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Type-aware rules need the TypeScript program: .astro frontmatter reaches it only
    // partly (astro:content types read as error), and config files are outside it.
    // Page logic lives in .ts modules, where the rules apply.
    files: ['**/*.astro', '**/*.js', '**/*.mjs', '*.config.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Browser-only code: the site's client scripts.
    files: ['src/client/**/*.{ts,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
