import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Appeal } from '../../../src/core/appeal.js';
import { importUrgentAction, type ImportResult, type ImportWarning } from '../../../src/core/importer/index.js';

const FIXTURES = new URL('../../fixtures/ua/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

/** Imports a text and fails the test with the refusal's sentence when it is refused. */
export function imported(text: string): { appeal: Appeal; warnings: ImportWarning[] } {
  const result: ImportResult = importUrgentAction(text);
  if (!result.ok) expect.fail(`refused: ${result.reason}: ${result.message}`);
  return { appeal: result.appeal, warnings: result.warnings };
}

export function codes(warnings: ImportWarning[]): string[] {
  return warnings.map((w) => w.code);
}

/** Why a text is refused (the reason code), or undefined when it imports. */
export function refusedReason(text: string): string | undefined {
  const result = importUrgentAction(text);
  return result.ok ? undefined : result.reason;
}

/** What kind of text it imports as (appeal, update, closure, good-news), or undefined when refused. */
export function kindOf(text: string): string | undefined {
  const result = importUrgentAction(text);
  return result.ok ? result.kind : undefined;
}

/** A pasted page from its lines. */
export const page = (...lines: string[]): string => lines.join('\n');
