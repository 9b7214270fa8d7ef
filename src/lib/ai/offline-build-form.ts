/**
 * Small forms built from nothing (issue 15), on any app: inputs named together and side by side
 * ("first name and last name boxes side by side"), number inputs with what they compute ("price
 * and quantity inputs and show price times quantity"), and a countdown stepped by a button ("a
 * countdown that starts at 100, with a button to count down"). Each claims only a request it
 * reads whole; an input whose name is already a state field is left to the other rules. Pure.
 */
import { childrenOf, rootComponent, type ComponentRecord, type Op } from '../model/types';
import { defaultContainer } from './offline-place';
import type { Scene } from './offline-refs';
import { ask, type RuleResult, type TempIds } from './offline-turn';
import { camelName, capitalized, freeName, labelFor, literal } from './offline-text';
import { withDigits } from './offline-numbers';

const INPUTS = String.raw`(?:text\s+)?(?:boxes|fields|inputs|input boxes|text boxes)`;
const ROW = String.raw`(?:side by side|next to each other|beside each other|in a row|on one line|on the same line)`;
const TWO_IN_ROW = new RegExp(
  String.raw`^(?:(?:add|create|put|make|i want|i need|give me)\s+)?(?:(?:a|an|two)\s+)?(?:([^:]+?)\s*:\s*)?(.+?)\s+and\s+(.+?)\s+(number\s+)?(?:${INPUTS})(?:\s+(${ROW}))?$`,
  'i'
);
const VERB_FIRST =
  /^(?:swap|switch|exchange|move|put|place|remove|delete|hide|show|make|change|set|rename|align|center|centre|sort|clear|style|colou?r|paint|turn|drag|shift|label|call)\b/i;
/** Names that hold a number: their input is a NumberInput. */
const NUMBERISH =
  /^(?:price|cost|amount|quantity|qty|count|number|age|weight|height|width|length|total|tax|tip|rate|hours|minutes|days|score|points|budget|salary|distance|speed|size|percent|percentage|discount|units|items|people|guests)$/i;
const OPS: Readonly<Record<string, string>> = {
  times: '*',
  'multiplied by': '*',
  x: '*',
  '*': '*',
  plus: '+',
  '+': '+',
  'added to': '+',
  minus: '-',
  '-': '-',
  'divided by': '/',
  '/': '/',
  over: '/'
};
const COMPUTED = new RegExp(
  String.raw`^(?:(?:add|create|make|build|i want|i need|give me)\s+)?(?:(?:a|an)\s+)?(?:(.+?)\s*:\s*)?(\w+)\s+and\s+(\w+)\s+(?:number\s+)?(?:inputs|fields|boxes)(\s+${ROW})?\s*,?\s+(?:and|then|with|plus)?\s*(?:show|display|shows|showing|that shows)\s+(?:the\s+)?(?:(?:total|result|sum|product|answer)\s+(?:of\s+)?)?(\w+)\s+(times|multiplied by|x|\*|plus|\+|added to|minus|-|divided by|\/|over)\s+(?:the\s+)?(\w+)$`,
  'i'
);
const COUNTDOWN =
  /^(?:(?:add|create|make|build|i want|i need|give me)\s+)?(?:(?:a|an)\s+)?countdown\s+(?:that\s+|which\s+)?(?:starts?|starting|begins?|beginning|going)?\s*(?:at|from)\s+(\d+)\s*,?\s*(?:and\s+)?with\s+(?:a\s+)?button\s+(?:to|that|which)\s+(?:counts?\s+(?:it\s+)?down|goes?\s+down|takes?\s+(?:one|1)\s+off|subtracts?\s+(?:one|1)|lowers?\s+it)(?:\s+by\s+(?:one|1))?$/i;

function taken(component: ComponentRecord): (n: string) => boolean {
  return (n) => Object.hasOwn(component.state, n) || Object.hasOwn(component.handlers, n);
}

/** The parent and index a new group goes to, as a new element would. */
function spot(scene: Scene): { parent: string; index?: number; words: string } {
  const at = defaultContainer(scene);
  return {
    parent: at.parent.id,
    ...(at.index !== undefined ? { index: at.index } : {}),
    words: at.words
  };
}

/**
 * "first name and last name boxes side by side", "price and quantity inputs": two new inputs
 * (number inputs for names that hold numbers, or when said), in one row when said; a title
 * before a colon ("a shopping total: …") is a heading above them.
 */
function twoInputs(scene: Scene, temps: TempIds): RuleResult {
  const m = TWO_IN_ROW.exec(scene.u.text);
  if (!m) return null;
  const component = rootComponent(scene.model);
  if (!component) return null;
  const [, title, first, second, numberWord, row] = m;
  // "the name and email fields" are ones the app has; a verb first is another request ("swap …").
  if (/^(?:the|my|our|these|those|this|both)\b/i.test(first) || VERB_FIRST.test(first)) return null;
  const names = [literal(scene.u, first), literal(scene.u, second)].map((s) =>
    s.replace(/^(?:the|a|an|my)\s+/i, '').trim()
  );
  const fields = names.map(camelName);
  // Inputs the app already has: the side-by-side rule moves those.
  if (fields.some((f) => !f || Object.hasOwn(component.state, f)) || fields[0] === fields[1])
    return null;
  if (names.some((n) => n.split(/\s+/).length > 3 || /\b(?:the|this|that|it)\b/i.test(n)))
    return null;
  const numbers = fields.map((f, i) => Boolean(numberWord) || NUMBERISH.test(names[i]));
  const at = spot(scene);
  const local = component.id === scene.model.meta.root ? { scope: 'local' as const } : {};
  const ops: Op[] = fields.map((name, i): Op => ({
    op: 'addState',
    component: component.name,
    name,
    type: numbers[i] ? 'number' : 'string',
    initial: numbers[i] ? 0 : '',
    ...local
  }));
  const inputs = fields.map((f, i) => ({
    type: numbers[i] ? 'NumberInput' : 'TextInput',
    props: { label: labelFor(f), value: { $bind: f } }
  }));
  const heading = title
    ? [
        {
          type: 'Heading',
          props: {
            text: capitalized(
              literal(scene.u, title)
                .replace(/^(?:a|an|the)\s+/i, '')
                .trim()
            ),
            level: 2
          }
        }
      ]
    : [];
  const index = at.index;
  const place = (k: number) => (index !== undefined ? { index: index + k } : {});
  const nodes = row
    ? [
        ...heading,
        { type: 'Stack', props: { direction: 'horizontal', gap: 'sm' }, children: inputs }
      ]
    : [...heading, ...inputs];
  nodes.forEach((node, k) =>
    ops.push({
      op: 'addNode',
      parent: at.parent,
      ...place(k),
      type: node.type,
      id: temps.next(),
      props: node.props,
      ...('children' in node ? { children: node.children } : {})
    } as Op)
  );
  return {
    kind: 'batch',
    rule: 'add-input',
    ops,
    summary: `Add ${
      title
        ? `a Heading "${capitalized(
            literal(scene.u, title)
              .replace(/^(?:a|an|the)\s+/i, '')
              .trim()
          )}", `
        : ''
    }state fields ${fields.map((f, i) => `${f} (${numbers[i] ? 'number' : 'text'})`).join(' and ')} and an input for each ${row ? 'side by side in a new row ' : ''}${at.words}`
  };
}

const SHOW_COMPUTED = new RegExp(
  String.raw`^(?:show|display|add a text showing|put)\s+(?:the\s+)?(?:(total|result|sum|product|answer)\s+(?:of\s+)?)?(\w+)\s+(times|multiplied by|x|\*|plus|\+|added to|minus|-|divided by|\/|over)\s+(?:the\s+)?(\w+)$`,
  'i'
);

/**
 * "show price times quantity": a Text whose text computes it from two number fields the app has,
 * after the input of the second (or the row it is in).
 */
function showComputed(scene: Scene, temps: TempIds): RuleResult {
  const m = SHOW_COMPUTED.exec(scene.u.text);
  if (!m) return null;
  const component = rootComponent(scene.model);
  if (!component) return null;
  const [, word, x, op, y] = m;
  const fx = camelName(x);
  const fy = camelName(y);
  const number = (f: string) => component.state[f]?.type === 'number';
  if (!number(fx) || !number(fy)) return null;
  const bound = [...scene.model.nodes.values()].filter(
    (n) =>
      n.component === component.id &&
      Object.values(n.props).some(
        (v) => v && typeof v === 'object' && '$bind' in v && (v.$bind === fx || v.$bind === fy)
      )
  );
  const last = bound[bound.length - 1];
  const parentOf = (id: string | null) => (id ? scene.model.nodes.get(id) : undefined);
  const holder =
    last && parentOf(last.parent)?.props.direction === 'horizontal' ? parentOf(last.parent)! : last;
  const at =
    holder && holder.parent
      ? {
          parent: holder.parent,
          index: childrenOf(scene.model, holder.parent).indexOf(holder.id) + 1
        }
      : { parent: spot(scene).parent, index: spot(scene).index };
  const sign = OPS[op.toLowerCase()];
  const caption = word
    ? capitalized(word)
    : `${labelFor(fx)} ${op.toLowerCase()} ${y.toLowerCase()}`;
  return {
    kind: 'batch',
    rule: 'count-list',
    ops: [
      {
        op: 'addNode',
        parent: at.parent,
        ...(at.index !== undefined ? { index: at.index } : {}),
        type: 'Text',
        id: temps.next(),
        props: {
          text: {
            $expr: `'${caption.replace(/['\\]/g, '\\$&')}: ' + (state.${fx} ${sign} state.${fy})`
          },
          weight: 'bold'
        }
      }
    ],
    summary: `Add a Text showing ${caption}: ${fx} ${sign} ${fy}${holder ? `, after ${holder.type}` : ''}`
  };
}

/** "price and quantity inputs and show price times quantity": two number inputs and the result. */
function computed(scene: Scene, temps: TempIds): RuleResult {
  const m = COMPUTED.exec(scene.u.text);
  if (!m) return null;
  const component = rootComponent(scene.model);
  if (!component) return null;
  const [, title, a, b, , x, op, y] = m;
  const fa = camelName(a);
  const fb = camelName(b);
  const fx = camelName(x);
  const fy = camelName(y);
  if (!new Set([fa, fb]).has(fx) || !new Set([fa, fb]).has(fy) || fx === fy)
    return ask(
      'add-input',
      `Show ${x} ${op} ${y} of which inputs? I would add ${a} and ${b}; name those in what to show.`
    );
  if ([fa, fb].some((f) => Object.hasOwn(component.state, f))) return null;
  const sign = OPS[op.toLowerCase()];
  const label = title
    ? `${literal(scene.u, title)
        .replace(/^(?:a|an|the)\s+/i, '')
        .trim()}`
    : '';
  const caption = label
    ? label.charAt(0).toUpperCase() + label.slice(1)
    : `${labelFor(fx)} ${op} ${y}`;
  const at = spot(scene);
  const local = component.id === scene.model.meta.root ? { scope: 'local' as const } : {};
  const ops: Op[] = [
    { op: 'addState', component: component.name, name: fa, type: 'number', initial: 0, ...local },
    { op: 'addState', component: component.name, name: fb, type: 'number', initial: 0, ...local },
    {
      op: 'addNode',
      parent: at.parent,
      ...(at.index !== undefined ? { index: at.index } : {}),
      type: 'Stack',
      id: temps.next(),
      props: { direction: 'horizontal', gap: 'sm' },
      children: [fa, fb].map((f) => ({
        type: 'NumberInput',
        props: { label: labelFor(f), value: { $bind: f } }
      }))
    },
    {
      op: 'addNode',
      parent: at.parent,
      ...(at.index !== undefined ? { index: at.index + 1 } : {}),
      type: 'Text',
      id: temps.next(),
      props: {
        text: {
          $expr: `'${caption.replace(/['\\]/g, '\\$&')}: ' + (state.${fx} ${sign} state.${fy})`
        },
        weight: 'bold'
      }
    }
  ];
  return {
    kind: 'batch',
    rule: 'add-input',
    ops,
    summary: `Add number fields ${fa} and ${fb}, a NumberInput for each in a row ${at.words}, and a Text showing ${caption}: ${fx} ${sign} ${fy}`
  };
}

/** "a countdown that starts at 100, with a button to count down". */
function countdown(scene: Scene, temps: TempIds): RuleResult {
  const m = COUNTDOWN.exec(scene.u.text);
  if (!m) {
    if (/^(?:(?:add|create|make|build)\s+)?(?:a|an)?\s*countdown\b/i.test(scene.u.text))
      return ask(
        'add-counter',
        'Offline I can add a countdown that a button steps down, not one that ticks by itself (that needs the clock, with an AI model connected). Say "a countdown from 10 with a button to count down".'
      );
    return null;
  }
  const component = rootComponent(scene.model);
  if (!component) return null;
  const name = freeName('countdown', taken(component));
  const handler = freeName('countDown', taken(component));
  const at = spot(scene);
  const ops: Op[] = [
    { op: 'addState', component: component.name, name, type: 'number', initial: Number(m[1]) },
    {
      op: 'setHandler',
      component: component.name,
      name: handler,
      body: `if (state.${name} > 0) state.${name} -= 1;`
    },
    {
      op: 'addNode',
      parent: at.parent,
      ...(at.index !== undefined ? { index: at.index } : {}),
      type: 'Stack',
      id: temps.next(),
      props: { direction: 'horizontal', gap: 'sm', align: 'center' },
      children: [
        { type: 'Heading', props: { text: { $expr: `String(state.${name})` }, level: 2 } },
        {
          type: 'Button',
          props: {
            label: 'Count down',
            onClick: { $handler: handler },
            disabled: { $expr: `state.${name} <= 0` }
          }
        }
      ]
    }
  ];
  return {
    kind: 'batch',
    rule: 'add-counter',
    ops,
    summary: `Add a countdown: a number field ${name} starting at ${m[1]}, shown ${at.words}, and a "Count down" button that runs ${handler} (one less each press, never below 0)`
  };
}

/** The form builders in order. */
export function buildForm(scene: Scene, temps: TempIds): RuleResult {
  scene = withDigits(scene);
  return (
    computed(scene, temps) ??
    twoInputs(scene, temps) ??
    showComputed(scene, temps) ??
    countdown(scene, temps)
  );
}
