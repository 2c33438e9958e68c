import type { CliIo } from './runtime';

/** A sub-command: `name` is its words (`contacts add`), `run` gets the arguments after them. */
export interface CliCommand {
  name: string;
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
