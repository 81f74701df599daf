// The Electron transport of the renderer contract: one ipcMain.handle per method, each refusing any sender but our own page.
// Never answer a sub-frame, a window we did not create, or a page that is not the app's own; never skip the schema parse.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelOf, methodNames, type EventName, type EventPayload } from '../shared/api';
import { checkedEventPayload, dispatch, type ApiHandlers } from './apiDispatch';
import { isAppPage, type AppPages } from './appPages';

export type SenderPolicy = {
  /** True only for the webContents of a window this app created. */
  isTrustedSender: (webContents: WebContents) => boolean;
  pages: AppPages;
};

/** Why this sender may not call us, in a short phrase; null when it may. */
export function senderProblem(event: IpcMainInvokeEvent, policy: SenderPolicy): string | null {
  const frame = event.senderFrame;
  if (frame === null) return 'the page that asked has gone';
  if (!policy.isTrustedSender(event.sender)) return 'the request came from a window Pause Guard did not create';
  const mainFrame = event.sender.mainFrame;
  if (frame.parent !== null || frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) {
    return 'the request came from a frame inside the page, not the page itself';
  }
  if (!isAppPage(frame.url, policy.pages)) return 'the request came from a page that is not part of Pause Guard';
  return null;
}

/** Registers every method of shared/api.ts; returns a function that removes them again. */
export function registerIpcHandlers(handlers: ApiHandlers, policy: SenderPolicy): () => void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), async (event, rawInput: unknown) => {
      const problem = senderProblem(event, policy);
      if (problem !== null) throw new Error(`Refused "${name}": ${problem}.`);
      return dispatch(handlers, name, rawInput);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(channelOf(name));
  };
}

/** Sends one event to a page after checking its payload against the contract. Does nothing once the page is gone. */
export function sendEvent<E extends EventName>(webContents: WebContents, name: E, payload: EventPayload<E>): void {
  const checked = checkedEventPayload(name, payload);
  if (webContents.isDestroyed()) return;
  webContents.send(channelOf(name), checked);
}
