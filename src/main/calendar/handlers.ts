import type { calendarContract } from '../../shared/calendar/contract';
import type { HandlerContext, HandlerMap } from '../ipc/context';
import { commitImport, previewImport, undoCalendarImport, type ServiceContext } from './service';
import { listImports } from './store';

function service(ctx: HandlerContext, importId: string): ServiceContext {
  return {
    store: ctx.store,
    now: () => ctx.now(),
    progress: (phase, done, total) => ctx.emit('import:progress', { importId, phase, done, total }),
  };
}

function decode(files: Array<{ name: string; data: string }>) {
  return files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) }));
}

export const calendarHandlers: HandlerMap<keyof typeof calendarContract> = {
  'calendar:preview': (input, ctx) =>
    previewImport(
      {
        files: decode(input.files),
        ...(input.windowEnd ? { windowEnd: new Date(input.windowEnd) } : {}),
        ...(input.windowStart ? { windowStart: new Date(input.windowStart) } : {}),
        ...(input.selfEmails ? { selfEmails: input.selfEmails } : {}),
        ...(input.maxMeetingSize ? { maxMeetingSize: input.maxMeetingSize } : {}),
        ...(input.skipFiles ? { skipFiles: input.skipFiles } : {}),
        ...(input.skipSeries ? { skipSeries: input.skipSeries } : {}),
        ...(input.skipUnanswered === undefined ? {} : { skipUnanswered: input.skipUnanswered }),
        ...(input.bringBackDeleted ? { bringBackDeleted: true } : {}),
      },
      service(ctx, 'preview'),
    ),
  'calendar:commit': async (input, ctx) => {
    const result = await commitImport(input, service(ctx, input.previewId));
    if (!result.nothingNew) ctx.emit('data:changed', { domains: ['contacts', 'journal', 'calendar'] });
    return result;
  },
  'calendar:undo': (input, ctx) => {
    const result = undoCalendarImport(input.importId, service(ctx, String(input.importId)));
    ctx.emit('data:changed', { domains: ['contacts', 'journal', 'calendar'] });
    return result;
  },
  'calendar:history': (_input, ctx) => listImports(ctx.store.sqlite),
};
