/** `malleable check APP.json`: the whole compile gate (parse, policy, types) over every component. */
import { compileApp } from '../../code/gate';
import { count, readApp } from '../files';
import { CliExit, expectArgs, say, type Command } from '../io';

export const check: Command = async (args, options, io) => {
  expectArgs('check', args, 1);
  const model = await readApp(io, args[0]);
  const gate = compileApp(model);
  if (!gate.ok) throw new CliExit(1, [...gate.errors]);
  say(io, options.json === true, `${args[0]} passes the compile gate: ${count(model)}`, {
    components: model.components.size,
    nodes: model.nodes.size
  });
  return 0;
};
