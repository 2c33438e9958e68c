import type { CliCommand } from './command';
import { calendarCommands } from '../calendar/cli';
import { contactsCommands } from '../contacts/cli';
import { goalsCommands } from '../goals/cli';
import { journalCommands } from '../journal/cli';
import { strengthCommands } from '../strength/cli';
import { interopCommands } from '../interop/cli';
import { followUpsCommands } from '../followUps/cli';
import { remindersCommands } from '../reminders/cli';

/** Every sub-command; each domain owns its list in `src/main/<domain>/cli.ts`. */
export const commands: CliCommand[] = [
  ...contactsCommands,
  ...journalCommands,
  ...calendarCommands,
  ...strengthCommands,
  ...goalsCommands,
  ...interopCommands,
  ...followUpsCommands,
  ...remindersCommands,
];
