// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Everything that must stay free of Discord: feed, classifier, alerts and storage. */
const discordFree = [
  'src/feed/**',
  'src/classify/**',
  'src/alerts/**',
  'src/store/**',
  'src/text/**',
];

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: discordFree,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'discord.js',
              message: 'Only src/discord and commands/ may import discord.js.',
            },
          ],
          patterns: [
            {
              group: ['@discordjs/*'],
              message: 'Only src/discord and commands/ may import Discord packages.',
            },
            {
              group: ['**/discord/**', '**/pipeline/**'],
              message: 'This layer must not reach the Discord side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/classify/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'discord.js', message: 'The classifier is pure: no Discord.' },
            { name: 'node:fs', message: 'The classifier is pure: no I/O.' },
            { name: 'node:http', message: 'The classifier is pure: no I/O.' },
          ],
          patterns: [
            {
              group: ['**/store/**', '**/feed/**', '**/discord/**', '**/pipeline/**'],
              message: 'The classifier is pure.',
            },
          ],
        },
      ],
    },
  },
);
