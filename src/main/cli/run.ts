import { AppError } from '../../shared/ipc/envelope';
import { UsageError } from './args';
import type { CliIo } from './runtime';
import { commands } from './commands';

export function usage(): string {
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.usage}`),
  ].join('\n');
}

/** Runs one command line; returns the exit code: 0 done, 1 rejected input, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(usage());
    return argv.length === 0 ? 2 : 0;
  }
  // The longest command name that the arguments start with wins (`contacts add` over `contacts`).
  const command = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => c.name.split(' ').every((word, i) => argv[i] === word));
  if (!command) {
    io.err(`Unknown command: ${argv.join(' ')}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(argv.slice(command.name.split(' ').length), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
