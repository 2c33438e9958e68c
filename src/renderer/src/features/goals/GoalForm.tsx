import {
  ActionIcon,
  Alert,
  Button,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { circles, type Circle } from '../../../../shared/contacts/schemas';
import { interactionKindLabels, loggableKinds, type InteractionKind } from '../../../../shared/journal/kinds';
import { periodKinds, type PeriodKind } from '../../../../shared/goals/periods';
import {
  goalStatuses,
  measureTypes,
  type GoalDefinition,
  type GoalFieldsInput,
  type GoalStatus,
  type MeasureType,
  type Milestone,
  type PeopleSource,
} from '../../../../shared/goals/schemas';
import { layers, type Layer } from '../../../../shared/strength/model';
import type { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { circleLabels } from '../contacts/labels';
import { ParticipantPicker, type PickedContact } from '../journal/ParticipantPicker';
import { layerLabels, measureLabels, periodLabels, statusLabels } from './labels';

interface MilestoneDraft {
  id?: number;
  title: string;
  contact: PickedContact[];
  kinds: InteractionKind[];
  keyword: string;
}

export interface GoalDraft {
  title: string;
  why: string;
  startDate: string;
  dueDate: string;
  status: GoalStatus;
  measure: MeasureType;
  target: number | string;
  period: PeriodKind;
  peopleSource: PeopleSource;
  targetLayer: Layer | null;
  kinds: InteractionKind[];
  circles: Circle[];
  tags: string[];
  organisations: string[];
  cities: string[];
  contacts: PickedContact[];
  mode: 'all' | 'any';
  milestones: MilestoneDraft[];
  template: string | null;
}

/** A form draft from a template's fields, or from a saved goal (with its contacts' names). */
export function draftFrom(
  fields: GoalFieldsInput,
  names: Map<number, string> = new Map(),
  milestones: Milestone[] = [],
): GoalDraft {
  const f = fields.filter ?? {};
  const named = (id: number) => ({ contactId: id, displayName: names.get(id) ?? `#${id}` });
  return {
    title: fields.title,
    why: fields.why ?? '',
    startDate: fields.startDate,
    dueDate: fields.dueDate ?? '',
    status: fields.status ?? 'active',
    measure: fields.measure,
    target: fields.target ?? 1,
    period: fields.period ?? 'month',
    peopleSource: fields.peopleSource ?? 'interactions',
    targetLayer: fields.targetLayer ?? (fields.measure === 'relationship' ? 'active' : null),
    kinds: (f.kinds ?? []) as InteractionKind[],
    circles: (f.circles ?? []) as Circle[],
    tags: f.tags ?? [],
    organisations: f.organisations ?? [],
    cities: f.cities ?? [],
    contacts: (f.contactIds ?? []).map(named),
    mode: f.mode ?? 'all',
    milestones:
      milestones.length > 0
        ? milestones.map((m) => ({
            id: m.id,
            title: m.title,
            contact:
              m.contactId === null
                ? []
                : [{ contactId: m.contactId, displayName: m.contactName ?? `#${m.contactId}` }],
            kinds: m.kinds,
            keyword: m.keyword ?? '',
          }))
        : (fields.milestones ?? []).map((m) => ({
            id: m.id,
            title: m.title,
            contact: m.contactId ? [named(m.contactId)] : [],
            kinds: (m.kinds ?? []) as InteractionKind[],
            keyword: m.keyword ?? '',
          })),
    template: fields.template ?? null,
  };
}

export function draftFromGoal(
  def: GoalDefinition,
  names: Map<number, string>,
  milestones: Milestone[],
): GoalDraft {
  return draftFrom(
    {
      ...def,
      filter: def.filter,
      milestones: [],
    },
    names,
    milestones,
  );
}

export function fieldsFrom(d: GoalDraft): GoalFieldsInput {
  return {
    title: d.title,
    why: d.why,
    startDate: d.startDate,
    dueDate: d.dueDate === '' ? null : d.dueDate,
    status: d.status,
    measure: d.measure,
    target: d.measure === 'count' || d.measure === 'people' ? Number(d.target) : null,
    period: d.measure === 'milestones' ? 'total' : d.period,
    peopleSource: d.peopleSource,
    targetLayer: d.measure === 'relationship' ? d.targetLayer : null,
    filter: {
      kinds: d.kinds,
      circles: d.circles,
      tags: d.tags,
      organisations: d.organisations,
      cities: d.cities,
      contactIds: d.contacts.map((c) => c.contactId),
      mode: d.mode,
    },
    milestones:
      d.measure === 'milestones'
        ? d.milestones.map((m) => ({
            id: m.id,
            title: m.title,
            contactId: m.contact[0]?.contactId ?? null,
            kinds: m.kinds,
            keyword: m.keyword.trim() === '' ? null : m.keyword.trim(),
          }))
        : [],
    template: d.template,
  };
}

/** Field errors from a VALIDATION error's details, keyed by their joined path. */
export function fieldErrors(error: RapportError | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return out;
  for (const d of error.details as Array<{ path?: string[]; message?: string }>) {
    const key = (d.path ?? []).join('.');
    if (d.message && !(key in out)) out[key] = d.message;
  }
  return out;
}

const kindOptions = loggableKinds.map((k) => ({ value: k, label: interactionKindLabels[k] }));

/**
 * Everything a goal is: what it serves, when it runs, how it is measured and which
 * interactions and people count. Errors from main land on their fields.
 */
export function GoalForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  editing = false,
}: {
  initial: GoalDraft;
  submitLabel: string;
  onSubmit(fields: GoalFieldsInput): Promise<unknown>;
  onCancel(): void;
  editing?: boolean;
}) {
  const [d, setD] = useState<GoalDraft>(initial);
  const facets = useRapportQuery('contacts:facets', {});
  const [error, setError] = useState<RapportError | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrors(error);
  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) =>
    setD((prev) => ({ ...prev, [key]: value }));
  const setMilestone = (i: number, change: Partial<MilestoneDraft>) =>
    set(
      'milestones',
      d.milestones.map((m, j) => (j === i ? { ...m, ...change } : m)),
    );
  const measured = d.measure === 'count' || d.measure === 'people';

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      await onSubmit(fieldsFrom(d));
    } catch (e) {
      setError(e as RapportError);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      gap="sm"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {error && (
        <Alert color="red" title="The goal was not saved" data-testid="goal-form-error">
          {error.message}
        </Alert>
      )}
      <TextInput
        label="Goal"
        required
        value={d.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.title}
      />
      <Textarea
        label="Why"
        description="The career goal it serves"
        autosize
        minRows={2}
        value={d.why}
        onChange={(e) => set('why', e.currentTarget.value)}
        error={errors.why}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label="Start"
          required
          value={d.startDate}
          onChange={(e) => set('startDate', e.currentTarget.value)}
          error={errors.startDate}
        />
        <TextInput
          type="date"
          label="Due (optional)"
          value={d.dueDate}
          onChange={(e) => set('dueDate', e.currentTarget.value)}
          error={errors.dueDate}
        />
        {editing && (
          <Select
            label="Status"
            data={goalStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
            value={d.status}
            onChange={(v) => v && set('status', v as GoalStatus)}
            allowDeselect={false}
          />
        )}
      </Group>
      <Select
        label="Measure"
        data={measureTypes.map((m) => ({ value: m, label: measureLabels[m] }))}
        value={d.measure}
        onChange={(v) => v && set('measure', v as MeasureType)}
        allowDeselect={false}
      />
      {measured && (
        <Group grow align="flex-start">
          <NumberInput
            label="Target"
            min={1}
            value={d.target}
            onChange={(v) => set('target', v)}
            error={errors.target}
            allowDecimal={false}
          />
          <Select
            label="Per"
            data={periodKinds.map((p) => ({ value: p, label: periodLabels[p] }))}
            value={d.period}
            onChange={(v) => v && set('period', v as PeriodKind)}
            allowDeselect={false}
          />
          {d.measure === 'people' && (
            <Select
              label="People"
              data={[
                { value: 'interactions', label: 'met in interactions' },
                { value: 'contacts', label: 'added as contacts' },
              ]}
              value={d.peopleSource}
              onChange={(v) => v && set('peopleSource', v as PeopleSource)}
              allowDeselect={false}
            />
          )}
        </Group>
      )}
      {d.measure === 'relationship' && (
        <Group grow align="flex-start">
          <Select
            label="Bring them to at least"
            data={layers.filter((l) => l !== 'dormant').map((l) => ({ value: l, label: layerLabels[l] }))}
            value={d.targetLayer}
            onChange={(v) => set('targetLayer', v as Layer)}
            error={errors.targetLayer}
          />
          <Select
            label="History per"
            data={periodKinds.filter((p) => p !== 'total').map((p) => ({ value: p, label: periodLabels[p] }))}
            value={d.period === 'total' ? 'month' : d.period}
            onChange={(v) => v && set('period', v as PeriodKind)}
            allowDeselect={false}
          />
        </Group>
      )}

      {d.measure !== 'milestones' && (
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {d.measure === 'relationship' ? 'Who' : 'What counts'}
            </Text>
            {d.measure !== 'relationship' && (
              <>
                <MultiSelect
                  label="Kinds of interaction"
                  placeholder={d.kinds.length === 0 ? 'Any kind' : undefined}
                  data={kindOptions}
                  value={d.kinds}
                  onChange={(v) => set('kinds', v as InteractionKind[])}
                  clearable
                />
                <MultiSelect
                  label="With people in these circles"
                  placeholder={d.circles.length === 0 ? 'Any circle' : undefined}
                  data={circles.map((c) => ({ value: c, label: circleLabels[c] }))}
                  value={d.circles}
                  onChange={(v) => set('circles', v as Circle[])}
                  clearable
                />
                <TagsInput
                  label="Tags (on the person or the entry)"
                  value={d.tags}
                  onChange={(v) => set('tags', v)}
                  clearable
                />
                <TagsInput
                  label="Organisations"
                  value={d.organisations}
                  onChange={(v) => set('organisations', v)}
                  clearable
                />
                <TagsInput
                  label="Cities"
                  description="People whose location is in one of these cities"
                  data={facets.data?.cities ?? []}
                  value={d.cities}
                  onChange={(v) => set('cities', v)}
                  clearable
                />
                <SegmentedControl
                  size="xs"
                  data={[
                    { value: 'all', label: 'A person must match all of these' },
                    { value: 'any', label: 'Any one is enough' },
                  ]}
                  value={d.mode}
                  onChange={(v) => set('mode', v as 'all' | 'any')}
                />
              </>
            )}
            <ParticipantPicker
              label={d.measure === 'relationship' ? 'People' : 'Or these people'}
              value={d.contacts}
              onChange={(v) => set('contacts', v)}
              error={
                errors['filter.contactIds'] ??
                Object.entries(errors).find(([k]) => k.startsWith('filter.contactIds'))?.[1]
              }
            />
          </Stack>
        </Paper>
      )}

      {d.measure === 'milestones' && (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            Milestones
          </Text>
          {errors.milestones && (
            <Text c="red" size="sm">
              {errors.milestones}
            </Text>
          )}
          {d.milestones.map((m, i) => (
            <Paper withBorder p="sm" key={m.id ?? `new-${i}`} data-testid="milestone-draft">
              <Stack gap="xs">
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`Milestone ${i + 1}`}
                    value={m.title}
                    onChange={(e) => setMilestone(i, { title: e.currentTarget.value })}
                    error={errors[`milestones.${i}.title`]}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove milestone ${i + 1}`}
                    onClick={() =>
                      set(
                        'milestones',
                        d.milestones.filter((_, j) => j !== i),
                      )
                    }
                    mb={4}
                  >
                    ×
                  </ActionIcon>
                </Group>
                <ParticipantPicker
                  label="Linked contact (optional)"
                  value={m.contact}
                  onChange={(v) => setMilestone(i, { contact: v.slice(-1) })}
                  error={errors[`milestones.${i}.contactId`]}
                />
                <Group grow>
                  <MultiSelect
                    label="Ticked by an interaction of kind"
                    placeholder={m.kinds.length === 0 ? 'Any kind' : undefined}
                    data={kindOptions}
                    value={m.kinds}
                    onChange={(v) => setMilestone(i, { kinds: v as InteractionKind[] })}
                  />
                  <TextInput
                    label="…whose title or notes contain"
                    value={m.keyword}
                    onChange={(e) => setMilestone(i, { keyword: e.currentTarget.value })}
                  />
                </Group>
                <Text size="xs" c="dimmed">
                  With a contact, kinds or words set, a matching journal entry ticks this milestone; otherwise
                  tick it by hand.
                </Text>
              </Stack>
            </Paper>
          ))}
          <Button
            variant="default"
            size="xs"
            onClick={() =>
              set('milestones', [...d.milestones, { title: '', contact: [], kinds: [], keyword: '' }])
            }
          >
            Add milestone
          </Button>
        </Stack>
      )}

      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
