import { z } from 'zod';
import { tagName } from '../tags/schemas';
import { interactionKinds, type InteractionKind } from '../journal/kinds';
import { circles, type Circle } from '../contacts/schemas';
import { layers, type Layer } from '../strength/model';
import { isoDateString } from '../journal/schemas';
import { isValidTimeZone, periodKinds, type PeriodKind, type WeekStart } from './periods';

export const goalStatuses = ['active', 'achieved', 'paused', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const measureTypes = ['count', 'people', 'relationship', 'milestones'] as const;
export type MeasureType = (typeof measureTypes)[number];

/** Where a people goal finds its people: met in interactions, or added as contacts in the period. */
export const peopleSources = ['interactions', 'contacts'] as const;
export type PeopleSource = (typeof peopleSources)[number];

/** `all`: a person must meet every criterion given; `any`: one is enough. */
export const filterModes = ['all', 'any'] as const;
export type FilterMode = (typeof filterModes)[number];

const id = z.number().int().positive();

export const goalFilterSchema = z.strictObject({
  kinds: z.array(z.enum(interactionKinds)).max(interactionKinds.length).default([]),
  circles: z.array(z.enum(circles)).max(circles.length).default([]),
  tags: z.array(tagName).max(50).default([]),
  organisations: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** People whose location's city is one of these, ignoring case. */
  cities: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  contactIds: z.array(id).max(500).default([]),
  mode: z.enum(filterModes).default('all'),
});
export type GoalFilterInput = z.input<typeof goalFilterSchema>;

export interface GoalFilter {
  kinds: InteractionKind[];
  circles: Circle[];
  tags: string[];
  organisations: string[];
  cities: string[];
  contactIds: number[];
  mode: FilterMode;
}

/** A filter that names nothing: every interaction counts. Shared, so never changed in place. */
export const noGoalFilter: Readonly<GoalFilter> = {
  kinds: [],
  circles: [],
  tags: [],
  organisations: [],
  cities: [],
  contactIds: [],
  mode: 'all',
};

export const milestoneInputSchema = z.strictObject({
  /** Present when editing an existing item, so its manual tick survives the edit. */
  id: id.optional(),
  title: z.string().trim().min(1, 'A milestone needs a title').max(300),
  contactId: id.nullable().default(null),
  /** An interaction of one of these kinds (with the contact, containing the keyword) ticks it. */
  kinds: z.array(z.enum(interactionKinds)).max(interactionKinds.length).default([]),
  keyword: z.string().trim().max(100).nullable().default(null),
});

export const goalFieldsSchema = z
  .strictObject({
    title: z.string().trim().min(1, 'A goal needs a title').max(200),
    why: z.string().trim().max(5000).default(''),
    startDate: isoDateString,
    dueDate: isoDateString.nullable().default(null),
    status: z.enum(goalStatuses).default('active'),
    measure: z.enum(measureTypes),
    target: z
      .number()
      .int('The target must be a whole number')
      .positive('The target must be more than zero')
      .max(100_000)
      .nullable()
      .default(null),
    period: z.enum(periodKinds).default('month'),
    peopleSource: z.enum(peopleSources).default('interactions'),
    targetLayer: z.enum(layers).nullable().default(null),
    filter: goalFilterSchema.default(() => ({ ...noGoalFilter })),
    milestones: z.array(milestoneInputSchema).max(100).default([]),
    template: z.string().max(60).nullable().default(null),
  })
  .superRefine((g, ctx) => {
    if (g.dueDate !== null && g.dueDate < g.startDate) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date is before the start' });
    }
    if ((g.measure === 'count' || g.measure === 'people') && g.target === null) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'Set a target of at least 1' });
    }
    if (g.measure === 'relationship') {
      if (g.targetLayer === null || g.targetLayer === 'dormant') {
        ctx.addIssue({ code: 'custom', path: ['targetLayer'], message: 'Choose the layer to reach' });
      }
      if (g.filter.contactIds.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['filter', 'contactIds'],
          message: 'Choose the people to grow closer to',
        });
      }
    }
    if (g.measure === 'milestones' && g.milestones.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['milestones'], message: 'Add at least one milestone' });
    }
  });
export type GoalFieldsInput = z.input<typeof goalFieldsSchema>;
export type GoalFields = z.output<typeof goalFieldsSchema>;

export const goalIdInput = z.strictObject({ id });
export const goalGetInput = z.strictObject({
  id,
  /** Which period's interactions and people to list; the current one by default. */
  periodKey: z.string().max(20).optional(),
});
export const goalCreateInput = goalFieldsSchema;
export const goalUpdateInput = z.strictObject({ id, fields: goalFieldsSchema });
export const goalStatusInput = z.strictObject({ id, status: z.enum(goalStatuses) });
export const checkinInput = z.strictObject({
  goalId: id,
  date: isoDateString,
  amount: z.number().int().positive('A check-in counts at least 1').max(1000).default(1),
  note: z.string().trim().max(2000).default(''),
});
export const checkinIdInput = z.strictObject({ id });
export const milestoneDoneInput = z.strictObject({ id, done: z.boolean() });
export const contactGoalsInput = z.strictObject({ contactId: id });

export const goalPrefsSchema = z.strictObject({
  weekStart: z.number().int().min(0).max(6),
  timeZone: z.string().max(100).refine(isValidTimeZone, 'Unknown time zone'),
});
export interface GoalPrefs {
  weekStart: WeekStart;
  timeZone: string;
}

// ---- Outputs ----

export interface Milestone {
  id: number;
  title: string;
  contactId: number | null;
  contactName: string | null;
  kinds: InteractionKind[];
  keyword: string | null;
  /** Ticked by hand (a manual check-in), the date it was ticked. */
  doneAt: string | null;
  /** The interaction that ticked it, when the journal did. */
  matchedInteractionId: number | null;
  done: boolean;
}

export interface Checkin {
  id: number;
  date: string;
  amount: number;
  note: string;
}

export interface GoalDefinition {
  id: number;
  title: string;
  why: string;
  startDate: string;
  dueDate: string | null;
  status: GoalStatus;
  measure: MeasureType;
  target: number | null;
  period: PeriodKind;
  peopleSource: PeopleSource;
  targetLayer: Layer | null;
  filter: GoalFilter;
  template: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PeriodProgress {
  key: string;
  startDate: string;
  /** Last day of the period, inclusive. */
  endDate: string;
  /** From the journal. */
  fromData: number;
  /** From manual check-ins. */
  fromCheckins: number;
  value: number;
  target: number;
  met: boolean;
}

export interface GoalSummary {
  definition: GoalDefinition;
  current: PeriodProgress | null;
  /** 0..1 of the target in the current period. */
  ratio: number;
  /** Days left in the current period (or to the due date), including today. */
  daysLeft: number | null;
  /** Behind the pace needed to finish the current period on target. */
  behind: boolean;
  /** Higher means more in need of attention now. */
  urgency: number;
  /** Contact ids this goal names (filter contacts and milestone contacts). */
  contactIds: number[];
}

export interface CountedInteraction {
  id: number;
  kind: InteractionKind;
  title: string;
  startsAt: string;
  allDay: boolean;
  /** The people in it who match the goal's filter. */
  contactIds: number[];
}

export interface PersonRef {
  id: number;
  displayName: string;
  /** For relationship goals: where they stand now. */
  layer?: Layer;
  /** Last interaction start, if any. */
  lastSeen?: string | null;
}

export interface GoalDetail extends GoalSummary {
  history: PeriodProgress[];
  /** Periods in a row, ending with the latest complete one (or the current one when already met), met. */
  streak: number;
  /** The period whose lists are shown. */
  shownPeriodKey: string | null;
  interactions: CountedInteraction[];
  people: PersonRef[];
  checkins: Checkin[];
  milestones: Milestone[];
  /** The contacts the filter names, with their names, for the form. */
  namedContacts: PersonRef[];
}

export interface DashboardGoal {
  summary: GoalSummary;
  /** People who would help close the gap: matching contacts not seen for longest first. */
  helpers: PersonRef[];
}

export interface GoalTemplate {
  id: string;
  strategy: string;
  description: string;
  fields: GoalFieldsInput;
}
