/** `malleable new --template NAME [-o OUT.json] [--title TITLE]`: an app file from a template. */
import { editError } from '../../ops/errors';
import { TEMPLATE_NAMES, templateModel } from '../../templates';
import { appText, count, writeOut } from '../files';
import { CliExit, expectArgs, say, type Command } from '../io';

export const newApp: Command = async (args, options, io) => {
  expectArgs('new', args, 0);
  const name = options.template ?? 'blank';
  if (!TEMPLATE_NAMES.includes(name)) {
    throw new CliExit(2, [
      editError('E_USAGE', `unknown template "${name}"; choose one of ${TEMPLATE_NAMES.join(', ')}`)
    ]);
  }
  let model = templateModel(name);
  if (options.title)
    model = { ...model, meta: { ...model.meta, title: options.title.slice(0, 200) } };
  if (options.output) {
    await writeOut(io, options.output, appText(model));
    say(io, options.json === true, `wrote ${options.output}: ${name} template, ${count(model)}`, {
      output: options.output,
      template: name
    });
  } else {
    io.stdout(appText(model));
  }
  return 0;
};
