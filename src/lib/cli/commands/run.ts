/**
 * `malleable run APP.json [--events EVENTS.json] [--allow-network ORIGIN]...`: the app headless
 * in the sandbox (../run.ts). The file is untrusted: code the gate would refuse is refused here,
 * before it runs, and its network origins are kept only when confirmed (../network.ts).
 */
import { compileApp } from '../../code/gate';
import { readEvents, runHeadless } from '../run';
import { confirmModelNetwork } from '../network';
import { readApp, readJson } from '../files';
import { CliExit, expectArgs, type Command } from '../io';
import { confirmed, notice } from './confirm';

export const run: Command = async (args, options, io) => {
  expectArgs('run', args, 1);
  const origins = confirmed(options);
  const read = confirmModelNetwork(await readApp(io, args[0]), origins);
  notice(io, read.ignored);
  const model = read.model;
  const gate = compileApp(model);
  if (!gate.ok) throw new CliExit(1, [...gate.errors]);
  let events: Parameters<typeof runHeadless>[1] = [];
  if (options.events) {
    const read = readEvents(await readJson(io, options.events));
    if (!read.ok) throw new CliExit(1, [read.error]);
    events = read.events;
  }
  const result = await runHeadless(model, events);
  io.stdout(JSON.stringify(result, null, options.json ? undefined : 2) + '\n');
  return 0;
};
