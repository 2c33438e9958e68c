/** Events main pushes to the renderer; the preload forwards only these. */
export interface EventPayloads {
  'data:changed': { domains: string[] };
  'import:progress': { importId: string; phase: string; done: number; total: number };
  /** Main asks the window to show one of its pages (a reminder was clicked: the dashboard). */
  'app:navigate': { path: string };
}
export type EventName = keyof EventPayloads;
export const eventNames: EventName[] = ['data:changed', 'import:progress', 'app:navigate'];
