import { output } from '../ipc/output';
import {
  calendarCommitInput,
  calendarHistoryInput,
  calendarPreviewInput,
  calendarUndoInput,
  type CalendarCommitResult,
  type CalendarImportRecord,
  type CalendarPreview,
  type CalendarUndoResult,
} from './schemas';

export const calendarContract = {
  'calendar:preview': { input: calendarPreviewInput, output: output<CalendarPreview>() },
  'calendar:commit': { input: calendarCommitInput, output: output<CalendarCommitResult>() },
  'calendar:undo': { input: calendarUndoInput, output: output<CalendarUndoResult>() },
  'calendar:history': { input: calendarHistoryInput, output: output<CalendarImportRecord[]>() },
};
