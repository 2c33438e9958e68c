import { z } from 'zod';
import { interactionKinds, type InteractionKind } from '../journal/kinds';

/**
 * Every knob of the strength model (DESIGN section 4) in one object, so Settings can change
 * any of them and every score, tie and layer follows from the same values.
 */
export interface StrengthParams {
  /** Long-term strength S: an interaction this many days old counts half. */
  halfLifeDays: number;
  /** Momentum M: the same sum with a short half-life, to see warming and cooling. */
  momentumHalfLifeDays: number;
  /** How much each kind of interaction counts, in 30-minute one-to-one equivalents. */
  kindWeights: Record<InteractionKind, number>;
  /** Who started it: what the user starts says more about the relationship (Roth et al. 2010). */
  directionWeights: { me: number; them: number; unknown: number };
  /** d(duration) = clamp(sqrt(minutes / 30), min, max). */
  durationMin: number;
  durationMax: number;
  /** Meetings with more people than this (the user included) are ignored entirely. */
  maxMeetingSize: number;
  /** Contact-to-contact ties only come from meetings of at most this many people. */
  tieMaxMeetingSize: number;
  /** Lower bounds of T for each layer; below `known` a contact is dormant. */
  layers: { inner: number; close: number; active: number; known: number };
  /** Each node keeps its k strongest ties in the backbone. */
  backboneK: number;
  /** Momentum now is compared with momentum this many days ago for trend and drift. */
  trendWindowDays: number;
}

export const defaultStrengthParams: StrengthParams = {
  halfLifeDays: 180,
  momentumHalfLifeDays: 30,
  kindWeights: {
    meeting: 1,
    coffee: 1,
    event: 1,
    project: 1,
    video: 0.8,
    call: 0.7,
    message: 0.15,
    email: 0.15,
    note: 0.3,
    // A new connection or a job change is news, not contact between two people.
    connected: 0,
    job_change: 0,
  },
  directionWeights: { me: 1, them: 0.7, unknown: 1 },
  durationMin: 0.5,
  durationMax: 2,
  maxMeetingSize: 200,
  tieMaxMeetingSize: 25,
  layers: { inner: 15, close: 6, active: 1, known: 0.3 },
  backboneK: 4,
  trendWindowDays: 30,
};

const weight = z.number().finite().min(0).max(10);
const halfLife = z.number().finite().min(1).max(3650);

const kindWeightsSchema = z.strictObject(
  Object.fromEntries(interactionKinds.map((k) => [k, weight])) as Record<InteractionKind, typeof weight>,
);

export const strengthParamsSchema = z
  .strictObject({
    halfLifeDays: halfLife,
    momentumHalfLifeDays: halfLife,
    kindWeights: kindWeightsSchema,
    directionWeights: z.strictObject({ me: weight, them: weight, unknown: weight }),
    durationMin: z.number().finite().min(0).max(10),
    durationMax: z.number().finite().min(0).max(10),
    maxMeetingSize: z.number().int().min(2).max(10_000),
    tieMaxMeetingSize: z.number().int().min(3).max(10_000),
    layers: z.strictObject({
      inner: z.number().finite().min(0).max(1e6),
      close: z.number().finite().min(0).max(1e6),
      active: z.number().finite().min(0).max(1e6),
      known: z.number().finite().min(0).max(1e6),
    }),
    backboneK: z.number().int().min(1).max(20),
    trendWindowDays: z.number().int().min(1).max(365),
  })
  .refine((p) => p.durationMin <= p.durationMax, 'durationMin must not exceed durationMax')
  .refine(
    (p) =>
      p.layers.inner >= p.layers.close &&
      p.layers.close >= p.layers.active &&
      p.layers.active >= p.layers.known,
    'Layer thresholds must decrease from inner to known',
  );

/** A partial update from Settings; nested groups may be given in part too. */
export const strengthParamsPatchSchema = z.strictObject({
  halfLifeDays: halfLife.optional(),
  momentumHalfLifeDays: halfLife.optional(),
  kindWeights: kindWeightsSchema.partial().optional(),
  directionWeights: z.strictObject({ me: weight, them: weight, unknown: weight }).partial().optional(),
  durationMin: z.number().finite().min(0).max(10).optional(),
  durationMax: z.number().finite().min(0).max(10).optional(),
  maxMeetingSize: z.number().int().min(2).max(10_000).optional(),
  tieMaxMeetingSize: z.number().int().min(3).max(10_000).optional(),
  layers: z
    .strictObject({
      inner: z.number().finite().min(0).max(1e6),
      close: z.number().finite().min(0).max(1e6),
      active: z.number().finite().min(0).max(1e6),
      known: z.number().finite().min(0).max(1e6),
    })
    .partial()
    .optional(),
  backboneK: z.number().int().min(1).max(20).optional(),
  trendWindowDays: z.number().int().min(1).max(365).optional(),
});
export type StrengthParamsPatch = z.infer<typeof strengthParamsPatchSchema>;

/** Applies a patch over a full parameter set; the result still has to pass `strengthParamsSchema`. */
export function mergeParams(base: StrengthParams, patch: StrengthParamsPatch): StrengthParams {
  return {
    ...base,
    ...stripUndefined(patch),
    kindWeights: { ...base.kindWeights, ...stripUndefined(patch.kindWeights ?? {}) },
    directionWeights: { ...base.directionWeights, ...stripUndefined(patch.directionWeights ?? {}) },
    layers: { ...base.layers, ...stripUndefined(patch.layers ?? {}) },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
