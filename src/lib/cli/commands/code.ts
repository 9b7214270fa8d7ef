/**
 * `malleable code APP.json [--component NAME] [--form jsx|module]`: the JSX form needs only the
 * generator; the module form is what the sandbox runs, so only code that passed the gate (with
 * TypeScript, loaded then) gets one.
 */
import { editError } from '../../ops/errors';
import { componentByName } from '../../model/types';
import { appJsx, componentJsx } from '../../code/jsx';
import { readApp } from '../files';
import { CliExit, expectArgs, type Command } from '../io';

export const code: Command = async (args, options, io) => {
  expectArgs('code', args, 1);
  const model = await readApp(io, args[0]);
  const form = options.form ?? 'jsx';
  if (form !== 'jsx' && form !== 'module') {
    throw new CliExit(2, [editError('E_USAGE', `--form takes jsx or module, not "${form}"`)]);
  }
  const component = options.component ? componentByName(model, options.component) : undefined;
  if (options.component && !component) {
    throw new CliExit(1, [
      editError('E_COMPONENT_NOT_FOUND', `${args[0]} has no component named "${options.component}"`)
    ]);
  }
  if (form === 'jsx') {
    io.stdout((component ? componentJsx(model, component.id) : appJsx(model)) + '\n');
    return 0;
  }
  const { compileApp } = await import('../../code/gate');
  const ids = new Set(component ? [component.id] : model.components.keys());
  const gate = compileApp(model, ids, { modules: true });
  if (!gate.ok) throw new CliExit(1, [...gate.errors]);
  io.stdout([...gate.modules.values()].join('\n\n') + '\n');
  return 0;
};
