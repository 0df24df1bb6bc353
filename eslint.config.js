// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layers and what each may not import (no-restricted-imports). The flow
 * reads feed -> classify -> store -> incidents/subscriptions -> alerts ->
 * pipeline (the core) -> discord (adapter) -> app (composition root) -> cli.
 * Lower layers never import upward; only src/discord and commands/ import
 * discord.js; the adapter reaches the core through pipeline/index.ts only;
 * only the demo's modules import the dev-only workspace packages.
 */
const DISCORD_JS = {
  paths: [{ name: 'discord.js', message: 'Only src/discord and commands/ may import discord.js.' }],
  patterns: [
    {
      group: ['@discordjs/*'],
      message: 'Only src/discord and commands/ may import Discord packages.',
    },
  ],
};
const DEV_PACKAGES = {
  group: ['@jikenbo/*'],
  message:
    'The emulator and feed server are dev-only: only src/app/devStack.ts and the demo use them.',
};
const PIPELINE_INTERNALS = {
  group: ['**/pipeline/*', '!**/pipeline/index.js'],
  message: 'Use the core through its public entry, src/pipeline/index.ts.',
};
const upward = (layers, why) => ({
  group: layers.flatMap((layer) => [`**/${layer}/**`, `../${layer}/*`, `./${layer}/*`]),
  message: why,
});
const ABOVE_FEED = [
  'classify',
  'store',
  'incidents',
  'subscriptions',
  'alerts',
  'pipeline',
  'discord',
  'app',
  'cli',
];
const ABOVE_STORE = ['incidents', 'subscriptions', 'alerts', 'pipeline', 'discord', 'app', 'cli'];
const ABOVE_DOMAIN = ['alerts', 'pipeline', 'discord', 'app', 'cli'];
const ABOVE_ALERTS = ['pipeline', 'discord', 'app', 'cli'];
const ABOVE_CORE = ['discord', 'app', 'cli'];

/** One block per layer, with disjoint files (a later block would replace, not add to, the rule). */
const layerRules = [
  {
    files: ['src/feed/**', 'src/text/**'],
    patterns: [upward(ABOVE_FEED, 'The feed layer knows only posts.')],
  },
  {
    files: ['src/store/**'],
    patterns: [
      upward(
        ABOVE_STORE,
        'The store sits below subscriptions and alerts: it must not import them.',
      ),
    ],
  },
  {
    files: ['src/incidents/**', 'src/subscriptions/**', 'src/i18n/**'],
    patterns: [upward(ABOVE_DOMAIN, 'This layer sits below alerts and the core.')],
  },
  { files: ['src/alerts/**'], patterns: [upward(ABOVE_ALERTS, 'Alerts sit below the core.')] },
  {
    files: ['src/pipeline/**'],
    patterns: [upward(ABOVE_CORE, 'The core uses ports: it never names an adapter or the app.')],
  },
  {
    files: ['src/discord/**', 'commands/**'],
    discordAllowed: true,
    patterns: [
      PIPELINE_INTERNALS,
      upward(['app', 'cli'], 'The adapter is built by the app; it does not import it.'),
    ],
  },
  {
    files: ['src/app/devStack.ts', 'src/cli/demoScript.ts', 'src/cli/terminalView.ts'],
    devAllowed: true,
    patterns: [],
  },
  {
    files: ['src/app/**', 'src/cli/**', 'src/cli.ts', 'src/bin/**'],
    ignores: ['src/app/devStack.ts', 'src/cli/demoScript.ts', 'src/cli/terminalView.ts'],
    patterns: [],
  },
].map(({ files, ignores, patterns, discordAllowed, devAllowed }) => ({
  files,
  ...(ignores && { ignores }),
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: discordAllowed ? [] : DISCORD_JS.paths,
        patterns: [
          ...(discordAllowed ? [] : DISCORD_JS.patterns),
          ...(devAllowed ? [] : [DEV_PACKAGES]),
          ...patterns,
        ],
      },
    ],
  },
}));

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
  ...layerRules,
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
              group: [
                '**/store/**',
                '**/feed/**',
                '**/discord/**',
                '**/pipeline/**',
                '**/alerts/**',
                '**/subscriptions/**',
                '**/incidents/**',
                '**/app/**',
                '**/cli/**',
              ],
              message: 'The classifier is pure.',
            },
          ],
        },
      ],
    },
  },
);
