import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/envelope';
import type { HandlerContext } from './context';
import { dispatch } from './dispatch';

/**
 * Wires every contract channel to `dispatch`, after checking the call comes from the
 * app's own top frame. Returns a function that removes the handlers.
 */
export function registerIpc(
  ctx: HandlerContext,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
): () => void {
  for (const channel of channels) {
    ipcMain.handle(
      channel,
      async (event: IpcMainInvokeEvent, payload: unknown): Promise<Envelope<unknown>> => {
        const frame = event.senderFrame;
        if (!frame || frame.parent !== null || !isTrustedSender(frame.url)) {
          return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused a call from a foreign frame.' } };
        }
        return dispatch(channel, payload, ctx);
      },
    );
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
