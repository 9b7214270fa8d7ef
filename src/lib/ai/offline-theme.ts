/**
 * A theme for one element: "dark theme for the card", "the card in dark mode", "a dark mode
 * toggle for the card". A light or dark look said of a named element is that element's `theme`
 * prop, not a dark-mode toggle for the whole app; with a toggle or switch word it is a toggle that
 * switches that element alone. Said of the app, or of no element, the request is left to the
 * app-wide dark mode rule (offline-recipes.ts). Pure.
 */
import { elementSchema } from '../schema/elements';
import { componentOf, describeNode, findElement, type Scene } from './offline-refs';
import { freeName } from './offline-text';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import type { Op } from '../model/types';

const RULE = 'element-theme';

/** The look: a dark, night or light theme or mode (or colours, a look). */
const LOOK = String.raw`(dark|night|light)(?:[\s-]?(?:mode|theme|look|colou?rs?|style|version))`;
/** Words that ask for a control to switch the look rather than the look itself. */
const SWITCHED =
  /\b(?:toggle|switch(?:es|able)?|button|checkbox|let (?:me|us|people|users)|option|choose|pick)\b/i;
/** Words that name the whole app: that is the app-wide rule's request, not this one's. */
const WHOLE = /^(?:the )?(?:whole |entire )?(?:app|page|site|screen|everything|ui|interface)$/i;

// The shapes that name an element beside the look, each capturing the look word and the phrase.
const SHAPES: readonly RegExp[] = [
  // "(add|give|use|apply|set) a dark theme for / on / to the card"
  new RegExp(
    String.raw`^(?:(?:add|give|use|apply|set|put|want|need)\s+)?(?:an?\s+|the\s+)?${LOOK}(?:\s+(?:toggle|switch))?\s+(?:for|on|to|of|in)\s+(?:the\s+)?(.+)$`,
    'i'
  ),
  // "give the card a dark theme", "set the card to dark mode", "switch the card to a dark theme"
  new RegExp(
    String.raw`^(?:give|set|switch|turn|put|change|make)\s+(?:the\s+)?(.+?)\s+(?:to\s+|into\s+|in\s+)?(?:an?\s+|the\s+)?${LOOK}(?:\s+(?:toggle|switch))?$`,
    'i'
  ),
  // "the card in dark mode", "card: dark theme"
  new RegExp(String.raw`^(?:the\s+)?(.+?)\s+(?:in|with)\s+(?:an?\s+|the\s+)?${LOOK}$`, 'i')
];

interface Said {
  readonly word: string;
  readonly phrase: string;
}

function read(text: string): Said | null {
  for (const [i, shape] of SHAPES.entries()) {
    const m = shape.exec(text);
    if (!m) continue;
    // The first shape names the look before the element, the others after it.
    const [word, phrase] = i === 0 ? [m[1], m[2]] : [m[2], m[1]];
    return { word: word.toLowerCase(), phrase: phrase.replace(/\s+(?:too|as well)$/i, '') };
  }
  return null;
}

/**
 * A light or dark theme for the element a request names: its `theme` prop set, or, when a toggle
 * is asked for, a new boolean field, a Toggle inside the element and the element's theme
 * following it. An element without a theme (a Button) is a question, never the app-wide toggle.
 */
export function elementTheme(scene: Scene, temps: TempIds): RuleResult {
  const said = read(scene.u.text);
  if (!said) return null;
  // "a dark mode toggle for the app": the app-wide rule's request.
  if (WHOLE.test(said.phrase)) return null;
  // "put a dark mode toggle in the top corner" is a place, not an element to theme.
  if (/^(?:top|bottom|corner|header|footer)\b/i.test(said.phrase)) return null;
  const found = findElement(scene, said.phrase);
  // Said as a look for an element: a question about which, never a guess at the whole app.
  if (!found.ok) return ask(RULE, found.text);
  const node = found.value;
  const theme = said.word === 'light' ? 'light' : 'dark';
  if (!elementSchema(node.type)?.properties.theme)
    return ask(
      RULE,
      `${describeNode(node)} takes no theme of its own: only a Card, Stack or Grid does, and everything inside it follows. Should I make the container it sits in ${theme}, or the whole app?`
    );
  if (!SWITCHED.test(scene.u.text)) {
    if (node.props.theme === theme)
      return ask(RULE, `${describeNode(node)} already has the ${theme} theme.`);
    return {
      kind: 'batch',
      rule: RULE,
      ops: [{ op: 'setProp', id: node.id, name: 'theme', value: theme }],
      summary: `Give ${describeNode(node)} the ${theme} theme (everything inside it follows)`
    };
  }
  return themeToggle(scene, node.id, temps);
}

/** A Toggle at the top of the element that switches its theme between light and dark. */
function themeToggle(scene: Scene, id: string, temps: TempIds): RuleResult {
  const node = scene.model.nodes.get(id)!;
  const component = componentOf(scene.model, node);
  const name = freeName(
    'dark',
    (n) => Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n)
  );
  const ops: Op[] = [
    { op: 'addState', component: component.name, name, type: 'boolean', initial: false },
    {
      op: 'addNode',
      parent: node.id,
      index: 0,
      type: 'Toggle',
      id: temps.next(),
      props: { label: 'Dark mode', checked: { $bind: name } }
    },
    {
      op: 'setProp',
      id: node.id,
      name: 'theme',
      value: { $expr: `state.${name} ? 'dark' : 'light'` }
    }
  ];
  return {
    kind: 'batch',
    rule: RULE,
    ops,
    summary: `Add a state field ${name} (boolean) and a "Dark mode" Toggle at the top of ${describeNode(node)} bound to it; the theme of ${describeNode(node)} follows it (dark when on, light when off)`
  };
}
