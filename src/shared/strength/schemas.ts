import { z } from 'zod';
import { layers, type Layer, type Trend } from './model';
import type { StrengthParams } from './params';
import { strengthParamsPatchSchema } from './params';
import type { ExplanationGroup } from './explain';

const contactId = z.number().int().positive();
/** "The last N days" filter: scores recomputed from that window only. */
const windowDays = z.number().int().min(1).max(36_500).optional();
export const layerSchema = z.enum(layers);

export const strengthListInput = z.strictObject({
  windowDays,
  limit: z.number().int().min(1).max(20_000).default(20_000),
});
export const strengthContactInput = z.strictObject({ contactId, windowDays });
export const strengthGraphInput = z.strictObject({ windowDays });
export const strengthPathInput = z.strictObject({
  contactId,
  windowDays,
  excludeDirect: z.boolean().default(false),
});
export const strengthDriftingInput = z.strictObject({ limit: z.number().int().min(1).max(100).default(10) });
export const strengthSetPinInput = z.strictObject({ contactId, layer: layerSchema.nullable() });
export const strengthSetParamsInput = z.strictObject({
  /** Changes over the parameters in force; `reset` goes back to the defaults first. */
  patch: strengthParamsPatchSchema.default({}),
  reset: z.boolean().default(false),
});
export const graphSavePositionsInput = z.strictObject({
  positions: z
    .array(
      z.strictObject({
        contactId,
        x: z.number().finite().min(-1e7).max(1e7),
        y: z.number().finite().min(-1e7).max(1e7),
      }),
    )
    .max(50_000),
});

/** One contact's strength as lists and the graph show it. */
export interface StrengthRow {
  contactId: number;
  displayName: string;
  organisation: string | null;
  circles: string[];
  tags: string[];
  /** Strength T, long-term S, momentum M now and a trend-window ago, reciprocity R. */
  t: number;
  s: number;
  m: number;
  mPrev: number;
  r: number;
  /** The layer the model computes, the user's pin, and the one to show (the pin wins). */
  computedLayer: Layer;
  pinnedLayer: Layer | null;
  layer: Layer;
  trend: Trend;
  /** The last interaction that counted, UTC ISO. */
  lastAt: string | null;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

export interface StrengthList {
  items: StrengthRow[];
  total: number;
  /** Contacts per shown layer, the dormant ones included. */
  layerCounts: Record<Layer, number>;
  windowDays: number | null;
}

export interface StrengthDetail {
  row: StrengthRow;
  groups: ExplanationGroup[];
  /** "6 one-to-ones: 5.2; 14 team meetings of 8: 1.2; 31 email days: 1.6" */
  why: string;
  reciprocity: string;
  startedByMe: number;
  startedByThem: number;
  startedUnknown: number;
  /** T at the start of each of the last 23 months and now. */
  series: { at: string; t: number }[];
}

export interface GraphNodeDto {
  contactId: number;
  label: string;
  organisation: string | null;
  /** Their location's city (`cityOf`), as they wrote it. */
  city: string | null;
  circles: string[];
  tags: string[];
  t: number;
  layer: Layer;
  /** Saved layout position, if the contact has been laid out before. */
  x: number | null;
  y: number | null;
  /** Their photo's version (`contacts:photo`), null when they have none. */
  photo: string | null;
}

export interface GraphData {
  nodes: GraphNodeDto[];
  /** Contact-to-contact ties, `a < b`, with whether each is in the backbone. */
  ties: { a: number; b: number; w: number; backbone: boolean }[];
  /** Pairs with a relationship the user recorded, `a < b`: "Ana Souza reports to Ben Lee". */
  recorded: { a: number; b: number; sentence: string }[];
  backboneK: number;
  windowDays: number | null;
}

export interface IntroPathDto {
  /** From the user (contactId 0, "You") to the target. */
  nodes: { contactId: number; name: string }[];
  /**
   * Each tie on the way. `recorded` says the tie is a relationship the user recorded ("Ana
   * Souza reports to Ben Lee") rather than meetings; it then weighs the 'known' layer's floor.
   */
  steps: { from: number; to: number; w: number; recorded?: string }[];
  bottleneck: number;
}

export interface StrengthParamsDto {
  params: StrengthParams;
  defaults: StrengthParams;
}
