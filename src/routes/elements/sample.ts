/**
 * A hand-written view tree for the element gallery: every element type, most of their variants,
 * and the shapes the runtime sends (handler refs, bindings, Each rows, If, a user component
 * instance, error nodes). Built from a small state the way the sandbox builds one, so the gallery
 * can be interacted with: a ref means something only in the render that produced it.
 */
import type { ViewTreeNode } from '$lib/elements/types';
import {
  SampleBuilder,
  type SampleKit,
  type SampleRender,
  type SampleState
} from './sample-builder';
import { contentSection, layoutSection, typographySection } from './sample-display';
import { buttonsSection, inputsSection } from './sample-inputs';
import { errorsSection, logicSection } from './sample-logic';

export {
  initialSampleState,
  type SampleAction,
  type SampleRender,
  type SampleState
} from './sample-builder';

/** Renders the gallery tree for a state. */
export function renderSample(state: SampleState): SampleRender {
  const b = new SampleBuilder(state);
  const n = b.node.bind(b);
  const section = (id: string, title: string, intro: string, children: ViewTreeNode[]) =>
    n('Card', id, { title, padding: 'lg' }, [
      n('Text', `${id}-intro`, { text: intro, size: 'sm', tone: 'muted' }),
      ...children
    ]);
  // The sections run in page order: refs are numbered as they are made.
  const kit: SampleKit = { b, n, section, state };
  const tree = n('Stack', 'root', { gap: 'lg' }, [
    layoutSection(kit),
    typographySection(kit),
    contentSection(kit),
    buttonsSection(kit),
    inputsSection(kit),
    logicSection(kit),
    errorsSection(kit)
  ]);
  return { tree, actions: b.actions };
}
