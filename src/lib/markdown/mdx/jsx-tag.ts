/** One JSX tag of an MDX page (`<Card title="X" icon="y">`, `<Playground />`), read without a JSX parser. */

/** An attribute's value: a string, an expression in braces (kept as source), or present without a value. */
export type JsxValue = { kind: 'string'; value: string } | { kind: 'expression'; source: string } | { kind: 'flag' };

export interface JsxTag {
  name: string;
  attributes: Map<string, JsxValue>;
  selfClosing: boolean;
  /** How many characters of the source the tag takes, from its "<" to its ">". */
  length: number;
}

/** The end (exclusive) of a braced expression starting at `start` ("{"), strings and nested braces skipped. */
function expressionEnd(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i += 1) {
    const char = source[i];
    if (char === '"' || char === "'" || char === '`') {
      const close = source.indexOf(char, i + 1);
      if (close < 0) break;
      i = close;
    } else if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('an attribute expression in braces is not closed');
}

/**
 * Read the JSX tag at the start of `source` (which may run over several lines). Throws, saying
 * what is wrong, when it is not a well-formed opening or self-closing tag.
 */
export function parseJsxTag(source: string): JsxTag {
  const head = /^<([A-Za-z][\w.]*)/.exec(source);
  if (!head?.[1]) throw new Error(`"${source.slice(0, 40)}" does not start with a JSX tag`);
  const name = head[1];
  const attributes = new Map<string, JsxValue>();
  let i = head[0].length;
  for (;;) {
    while (i < source.length && /\s/.test(source[i] ?? '')) i += 1;
    if (source.startsWith('/>', i)) return { name, attributes, selfClosing: true, length: i + 2 };
    if (source.startsWith('>', i)) return { name, attributes, selfClosing: false, length: i + 1 };
    const attribute = /^[A-Za-z_:][\w:.-]*/.exec(source.slice(i));
    if (!attribute) throw new Error(`<${name}> is not closed, or has something that is not an attribute at "${source.slice(i, i + 20)}"`);
    const key = attribute[0];
    i += key.length;
    while (i < source.length && /\s/.test(source[i] ?? '')) i += 1;
    if (source[i] !== '=') {
      attributes.set(key, { kind: 'flag' });
      continue;
    }
    i += 1;
    while (i < source.length && /\s/.test(source[i] ?? '')) i += 1;
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      const close = source.indexOf(quote, i + 1);
      if (close < 0) throw new Error(`the value of ${key} in <${name}> is not closed`);
      attributes.set(key, { kind: 'string', value: source.slice(i + 1, close) });
      i = close + 1;
    } else if (quote === '{') {
      const end = expressionEnd(source, i);
      attributes.set(key, { kind: 'expression', source: source.slice(i + 1, end - 1).trim() });
      i = end;
    } else {
      throw new Error(`the value of ${key} in <${name}> must be quoted or in braces`);
    }
  }
}

/** An attribute's string value, or undefined when it is missing or not a plain string. */
export function stringAttribute(tag: Pick<JsxTag, 'attributes'>, key: string): string | undefined {
  const value = tag.attributes.get(key);
  return value?.kind === 'string' ? value.value : undefined;
}
