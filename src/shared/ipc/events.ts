/** Events main pushes to the renderer; the preload forwards only these. */
export interface EventPayloads {
  'data:changed': { domains: string[] };
  'import:progress': { importId: string; phase: string; done: number; total: number };
}
export type EventName = keyof EventPayloads;
export const eventNames: EventName[] = ['data:changed', 'import:progress'];
