/**
 * A small tokenizer for the JSX-like outline (src/lib/model/outline.ts), enough for light syntax
 * colouring in the code panel: keywords, element names, attribute names, strings, numbers and
 * braces. It reads one line at a time and never fails: anything it does not know is plain text.
 */

/** What a run of characters is, for colouring. */
export type TokenKind =
  'keyword' | 'name' | 'tag' | 'attr' | 'string' | 'number' | 'brace' | 'punct' | 'plain';

/** A run of characters of one kind. Concatenating a line's tokens gives the line back. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
}

/** JavaScript words in handler bodies and expressions; `state` there is a plain name. */
const KEYWORDS = new Set([
  'const',
  'let',
  'if',
  'else',
  'return',
  'for',
  'of',
  'in',
  'true',
  'false',
  'null'
]);

/**
 * One rule per alternative, tried in order at each position (the `y` flag anchors a match there,
 * and `^` only matches at the line's start, so declarations are only recognised there).
 * Order matters: an attribute name (a word right before `="` or `={`) is tried before a plain
 * word, so `x.id === y` stays plain while `id="b1"` is an attribute; a tag's closing `>` only
 * counts at the end of the line, so the arrow in `(x) => x.done` stays plain.
 */
const RULES: readonly [RegExp, (m: RegExpExecArray) => Token[]][] = [
  [
    /^(\s*)(component|state|prop|handler|capabilities)(\s+)([A-Za-z_$][\w$]*)?/y,
    (m) => [
      tok('plain', m[1]),
      tok('keyword', m[2]),
      tok('plain', m[3]),
      ...(m[4] ? [tok('name', m[4])] : [])
    ]
  ],
  [/(<\/?)([A-Z]\w*)/y, (m) => [tok('punct', m[1]), tok('tag', m[2])]],
  [/\/?>$/y, (m) => [tok('punct', m[0])]],
  [/"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?/y, (m) => [tok('string', m[0])]],
  [/[A-Za-z_$][\w$]*(?::[\w$]+)?(?==["{])/y, (m) => [tok('attr', m[0])]],
  [/[A-Za-z_$][\w$]*/y, (m) => [tok(KEYWORDS.has(m[0]) ? 'keyword' : 'plain', m[0])]],
  [/\d+(?:\.\d+)?/y, (m) => [tok('number', m[0])]],
  [/[{}]/y, (m) => [tok('brace', m[0])]],
  [/\s+|[^\s\w$"'`{}<>/]+|./y, (m) => [tok('plain', m[0])]]
];

function tok(kind: TokenKind, text: string): Token {
  return { kind, text };
}

/** The tokens of one line of outline text, adjacent plain runs merged. */
export function tokenizeLine(line: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  while (at < line.length) {
    for (const [re, emit] of RULES) {
      re.lastIndex = at;
      const m = re.exec(line);
      if (!m || m[0].length === 0) continue;
      for (const t of emit(m)) {
        const last = out.at(-1);
        if (t.kind === 'plain' && last?.kind === 'plain') {
          out[out.length - 1] = tok('plain', last.text + t.text);
        } else {
          out.push(t);
        }
      }
      at += m[0].length;
      break;
    }
  }
  return out;
}

/** The tokens of every line of a text. */
export function tokenize(text: string): Token[][] {
  return text.replace(/\n$/, '').split('\n').map(tokenizeLine);
}
