// Typed command text -> options: words and key=value tokens bound to a command's options and
// validated by one schema.
import type { z } from 'zod';
import { UserInputError } from '../core/errors.js';
import { kindPlaceholder, kindSchemas } from './options.js';
import type { OptionSpec } from './types.js';

/**
 * `start`: where the token begins in the typed text, so a free-text option can take the rest
 * verbatim. `unclosed`: the value opened a quote that never closes, at that character.
 */
export type Token = { key?: string; value: string; start?: number; unclosed?: { quote: string; at: number } };

/** Members type any of these as quotes; phones like to turn " into “ ”. */
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '”': '”', '«': '»', '„': '“' };

/** Splits `start ua-34-25 goal=500 name="Ana María"` into bare words and key=value pairs. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let unclosed: Token['unclosed'];
  const readValue = (): string => {
    unclosed = undefined;
    const close = QUOTES[text[i]!];
    if (close) {
      const end = text.indexOf(close, i + 1);
      if (end === -1) unclosed = { quote: text[i]!, at: i };
      const value = end === -1 ? text.slice(i + 1) : text.slice(i + 1, end);
      i = end === -1 ? text.length : end + 1;
      return value;
    }
    const start = i;
    while (i < text.length && !/\s/.test(text[i]!)) i++;
    return text.slice(start, i);
  };
  while (i < text.length) {
    if (/\s/.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const key = /^([A-Za-z_]{1,20})=/.exec(text.slice(i, i + 21));
    if (key) {
      i += key[0].length;
      const value = readValue();
      tokens.push({ key: key[1]!.toLowerCase(), value, start, ...(unclosed ? { unclosed } : {}) });
    } else {
      const value = readValue();
      tokens.push({ value, start, ...(unclosed ? { unclosed } : {}) });
    }
  }
  return tokens;
}

export function usage(commandPath: string, options: readonly OptionSpec[]): string {
  const parts = options
    .filter((o) => !o.hidden)
    .map((o) => {
      const placeholder = o.placeholder ?? kindPlaceholder[o.kind];
      const shown = o.positional || o.rest ? placeholder : `${o.name}=${placeholder}`;
      return o.required ? shown : `[${shown}]`;
    });
  return [`/${commandPath}`, ...parts].join(' ');
}

/**
 * Binds tokens to a command's options and validates each with its zod schema. A bare word goes to
 * the first positional option still free that accepts it, so `/acted ua-34-25` and `/acted email`
 * both work.
 */
export function bindOptions(commandPath: string, options: readonly OptionSpec[], tokens: Token[], source = ''): Record<string, unknown> {
  const raw: Record<string, string> = {};
  const byName = new Map(options.map((o) => [o.name, o]));
  const positional = options.filter((o) => o.positional || o.rest);
  // A quote left open swallows the rest of the line: refuse it, unless free text takes the rest anyway.
  const checkClosed = (token: Token, option: string) => {
    if (!token.unclosed) return;
    const after = source ? source.slice(token.unclosed.at) : `${token.unclosed.quote}${token.value}`;
    const near = after.length > 30 ? `${after.slice(0, 30)}…` : after;
    throw new UserInputError('unclosed_quote', { option, quote: token.unclosed.quote, position: token.unclosed.at + 1, near });
  };
  for (const token of tokens) {
    if (token.key !== undefined) {
      if (!byName.has(token.key)) throw new UserInputError('unknown_option', { command: commandPath, option: token.key, usage: usage(commandPath, options) });
      if (!byName.get(token.key)!.rest) checkClosed(token, token.key);
      raw[token.key] = token.value;
      continue;
    }
    const free = positional.filter((o) => raw[o.name] === undefined);
    const fits = free.find((o) => !o.rest && schemaOf(o).safeParse(token.value).success);
    const rest = free.find((o) => o.rest);
    if (fits) {
      checkClosed(token, fits.name);
      raw[fits.name] = token.value;
    } else if (rest) {
      // Free text keeps its line breaks and anything that looks like an option.
      raw[rest.name] = token.start !== undefined && source ? source.slice(token.start).trim() : token.value;
      break;
    } else if (free[0]) {
      checkClosed(token, free[0].name);
      raw[free[0].name] = token.value;
    } else {
      throw new UserInputError('too_many_args', { command: commandPath, usage: usage(commandPath, options) });
    }
  }
  return validateOptions(commandPath, options, raw);
}

/** Validates already-split options (Discord's typed options, button payloads). */
/** Each option's schema, built once: zod schemas are costly to build and free to reuse. */
const schemas = new WeakMap<OptionSpec, z.ZodType>();
function schemaOf(option: OptionSpec): z.ZodType {
  let schema = schemas.get(option);
  if (!schema) schemas.set(option, (schema = kindSchemas[option.kind](option)));
  return schema;
}

export function validateOptions(commandPath: string, options: readonly OptionSpec[], raw: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const option of options) {
    const value = raw[option.name];
    if (value === undefined || value === '') {
      if (option.required) throw new UserInputError('missing_option', { command: commandPath, option: option.name, usage: usage(commandPath, options) });
      continue;
    }
    const parsed = schemaOf(option).safeParse(value);
    if (!parsed.success) {
      throw new UserInputError('bad_option', { option: option.name, kind: option.kind, max: option.max ?? 100, command: commandPath, usage: usage(commandPath, options) });
    }
    input[option.name] = parsed.data;
  }
  for (const name of Object.keys(raw)) {
    if (!options.some((o) => o.name === name)) throw new UserInputError('unknown_option', { command: commandPath, option: name, usage: usage(commandPath, options) });
  }
  return input;
}
