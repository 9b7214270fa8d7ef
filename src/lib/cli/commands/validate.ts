/** `malleable validate APP.json`: the schemas and the model's rules; no code is compiled. */
import { count, readApp } from '../files';
import { expectArgs, say, type Command } from '../io';

export const validate: Command = async (args, options, io) => {
  expectArgs('validate', args, 1);
  const model = await readApp(io, args[0]);
  say(io, options.json === true, `${args[0]} is valid: ${count(model)}`, {
    components: model.components.size,
    nodes: model.nodes.size
  });
  return 0;
};
