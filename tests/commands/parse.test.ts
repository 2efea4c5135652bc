import { describe, expect, it } from 'vitest';
import { bindOptions, tokenize } from '../../src/commands/parse.js';
import type { OptionSpec } from '../../src/commands/types.js';

describe('tokenize', () => {
  it('splits words and key=value pairs, with quoted values', () => {
    expect(tokenize('start ua-34-25 goal=500 name="Ana María" town=\'São Paulo\'').map(({ key, value }) => ({ key, value }))).toEqual([
      { key: undefined, value: 'start' },
      { key: undefined, value: 'ua-34-25' },
      { key: 'goal', value: '500' },
      { key: 'name', value: 'Ana María' },
      { key: 'town', value: 'São Paulo' },
    ]);
  });

  it('accepts the curly quotes phones type', () => {
    expect(tokenize('name=“Ana Lopez”').map((t) => t.value)).toEqual(['Ana Lopez']);
  });

  it('keeps an unterminated quote as the rest of the line, and marks where it opened', () => {
    expect(tokenize('name="Ana').map((t) => [t.value, t.unclosed])).toEqual([['Ana', { quote: '"', at: 5 }]]);
    expect(tokenize('name="Ana"')[0]!.unclosed).toBeUndefined();
  });
});

describe('bindOptions', () => {
  const options: OptionSpec[] = [
    { name: 'method', kind: 'method', description: 'opt_method', positional: true },
    { name: 'appeal', kind: 'appeal', description: 'opt_appeal', positional: true },
  ];

  it('gives a bare word to the first positional option that accepts it', () => {
    expect(bindOptions('acted', options, tokenize('ua-34-25'))).toEqual({ appeal: 'ua-34-25' });
    expect(bindOptions('acted', options, tokenize('post ua-34-25'))).toEqual({ method: 'post', appeal: 'ua-34-25' });
    expect(bindOptions('acted', options, tokenize('correo'))).toEqual({ method: 'email' });
  });

  it('keeps free text verbatim, line breaks and look-alike options included', () => {
    const rest: OptionSpec[] = [{ name: 'message', kind: 'document', description: 'opt_message', rest: true }];
    const source = 'URGENT ACTION\nEmail: a@b.org goal=5\n  indented';
    expect(bindOptions('import', rest, tokenize(source), source)).toEqual({ message: source });
  });

  it('refuses a quote left open, saying where it is, instead of signing with the rest of the line', () => {
    const signature: OptionSpec[] = [
      { name: 'name', kind: 'text', description: 'opt_name', max: 80 },
      { name: 'town', kind: 'text', description: 'opt_town', max: 80 },
    ];
    const source = 'name="Unbalanced town=Paris';
    let caught: unknown;
    try {
      bindOptions('letter', signature, tokenize(source), source);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'unclosed_quote', params: { option: 'name', quote: '"', position: 6, near: '"Unbalanced town=Paris' } });
  });

  it('lets free text keep a quote that never closes', () => {
    const rest: OptionSpec[] = [{ name: 'message', kind: 'text', description: 'opt_message', rest: true, max: 500 }];
    const source = "'90s songs tonight";
    expect(bindOptions('remind now', rest, tokenize(source), source)).toEqual({ message: source });
  });
});
