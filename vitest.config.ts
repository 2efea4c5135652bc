import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // dist/ up to date before the tests that start the bot as `npm start` does (node dist/main.js).
    globalSetup: ['tests/support/built-bot.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
