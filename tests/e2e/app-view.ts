/** Reading an app's view over the owner's API, and adding a known card to it, as a script would. */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

/** One node of an app file's view tree. */
export interface NodeFile {
  id: string;
  type: string;
  props: Record<string, unknown>;
  children: NodeFile[];
}

/** The app's components as its file lists them (root first), each with its view tree. */
export async function appView(
  request: APIRequestContext,
  id: string
): Promise<{ name: string; props: Record<string, unknown>; view: NodeFile }[]> {
  const file = (await (await request.get(`/api/apps/${id}/file`)).json()) as {
    components: { name: string; props: Record<string, unknown>; view: NodeFile }[];
  };
  return file.components;
}

/** Adds a card titled "Tips" with a line of text first in the app's root; the card's id. */
export async function addCard(request: APIRequestContext, id: string): Promise<string> {
  const [app] = await appView(request, id);
  const added = await request.post(`/api/apps/${id}/ops`, {
    data: {
      ops: [
        {
          op: 'addNode',
          parent: app.view.id,
          index: 0,
          type: 'Card',
          props: { title: 'Tips' },
          children: [{ type: 'Text', props: { text: 'Keep lists short.' } }]
        }
      ]
    }
  });
  expect(added.status()).toBe(200);
  const card = (await appView(request, id))[0].view.children[0];
  expect(card.type).toBe('Card');
  return card.id;
}
