/**
 * The studio's home: for now, the demo todo app shown read-only. Later this loads a stored app.
 * The model holds Maps, so the load hands the page a plain-JSON view of it plus its code outline.
 */
import { jsxOutline } from '$lib/model/outline';
import { plainApp } from '$lib/editor/plain';
import { templateModel } from '$lib/templates';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
  const model = templateModel('todo');
  return { app: plainApp(model), outline: jsxOutline(model) };
};
