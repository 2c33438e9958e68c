import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import {
  interactionKinds,
  loggableKinds,
  type InteractionKind,
  type Initiator,
} from '../../../../shared/journal/kinds';
import {
  kindsNeedingTitle,
  type Interaction,
  type InteractionFieldsInput,
} from '../../../../shared/journal/schemas';
import { MAX_FOLLOW_UP_TEXT, type FollowUpDraftInput } from '../../../../shared/followUps/schemas';
import { type RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import { fromLocalInput, kindLabel, toLocalInput } from './format';
import { MentionTextarea } from './MentionTextarea';
import { ParticipantPicker, type PickedContact } from './ParticipantPicker';

interface FormValues {
  kind: InteractionKind;
  allDay: boolean;
  start: string;
  end: string;
  duration: number | string;
  title: string;
  notes: string;
  location: string;
  initiatedBy: Initiator;
  participants: PickedContact[];
  tags: string[];
  /** A new entry's next step (a follow-up), with whom, and by when. */
  nextStep: string;
  nextDue: string;
  nextWith: string | null;
}

/** What a new entry starts as, where the place it is logged from knows (a congratulation is a message). */
export interface EntryDraft {
  kind: InteractionKind;
  title: string;
}

function initialValues(entry?: Interaction, preset?: PickedContact[], draft?: EntryDraft): FormValues {
  if (!entry) {
    return {
      kind: draft?.kind ?? 'coffee',
      allDay: false,
      start: toLocalInput(new Date().toISOString()),
      end: '',
      duration: 30,
      title: draft?.title ?? '',
      notes: '',
      location: '',
      initiatedBy: 'me',
      participants: preset ?? [],
      tags: [],
      nextStep: '',
      nextDue: '',
      nextWith: null,
    };
  }
  return {
    kind: entry.kind,
    allDay: entry.allDay,
    start: entry.allDay ? entry.startsAt : toLocalInput(entry.startsAt),
    end: entry.endsAt && entry.allDay ? entry.endsAt : '',
    duration: entry.durationMinutes ?? '',
    title: entry.title,
    notes: entry.notes,
    location: entry.location ?? '',
    initiatedBy: entry.initiatedBy,
    // Mentions come back from the notes on save; only the people listed here are kept as listed.
    participants: entry.participants
      .filter((p) => p.role !== 'mentioned')
      .map((p) => ({ contactId: p.contactId, displayName: p.displayName })),
    tags: entry.tags,
    nextStep: '',
    nextDue: '',
    nextWith: null,
  };
}

/** Field paths from main (`participants.1.contactId`) to the form's own names. */
const fieldFor: Record<string, keyof FormValues> = {
  kind: 'kind',
  startsAt: 'start',
  endsAt: 'end',
  durationMinutes: 'duration',
  title: 'title',
  notes: 'notes',
  location: 'location',
  participants: 'participants',
  tags: 'tags',
  followUp: 'nextStep',
};

/** Who the next step is with: the person picked if still listed, else the first listed. */
function nextStepWith(values: FormValues): number | null {
  const picked = values.participants.find((p) => String(p.contactId) === values.nextWith);
  return (picked ?? values.participants[0])?.contactId ?? null;
}

/** The follow-up a new entry leads to, or none when no next step is written. */
function toFollowUp(values: FormValues): FollowUpDraftInput | undefined {
  const text = values.nextStep.trim();
  const contactId = nextStepWith(values);
  if (text === '' || contactId === null) return undefined;
  return { contactId, text, dueOn: values.nextDue || null };
}

function toFields(values: FormValues, entry?: Interaction): InteractionFieldsInput {
  const roles = new Map(entry?.participants.map((p) => [p.contactId, p.role]) ?? []);
  const duration = values.duration === '' ? null : Number(values.duration);
  return {
    kind: values.kind,
    allDay: values.allDay,
    startsAt: values.allDay ? values.start.slice(0, 10) : values.start ? fromLocalInput(values.start) : '',
    endsAt: values.allDay && values.end ? values.end.slice(0, 10) : null,
    durationMinutes: values.allDay ? null : duration,
    title: values.title,
    notes: values.notes,
    location: values.location || null,
    initiatedBy: values.initiatedBy,
    participants: values.participants.map((p) => {
      const role = roles.get(p.contactId);
      return { contactId: p.contactId, role: role && role !== 'mentioned' ? role : 'participant' };
    }),
    tags: values.tags,
  };
}

export interface InteractionFormProps {
  entry?: Interaction;
  /** People already chosen for a new entry (logging from a contact or the reconnect queue). */
  preset?: PickedContact[];
  draft?: EntryDraft;
  /** `followUp` only for a new entry, when a next step was written. */
  save(fields: InteractionFieldsInput, followUp?: FollowUpDraftInput): Promise<Interaction>;
  onSaved(entry: Interaction): void;
  onCancel(): void;
}

/** Every field of an entry; a refusal from main lands on the field it names. */
export function InteractionForm({ entry, preset, draft, save, onSaved, onCancel }: InteractionFormProps) {
  const tags = useRapportQuery('journal:tags', {});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<FormValues>({
    initialValues: initialValues(entry, preset, draft),
    validate: {
      start: (v) => (v ? null : 'When did it happen?'),
      title: (v, values) =>
        kindsNeedingTitle.includes(values.kind) && v.trim() === ''
          ? 'This kind of entry needs a title'
          : null,
      nextStep: (v, values) =>
        v.trim() !== '' && values.participants.length === 0 ? 'Add who it was with first' : null,
    },
  });
  const kinds: readonly InteractionKind[] =
    entry && !(loggableKinds as readonly InteractionKind[]).includes(entry.kind)
      ? interactionKinds
      : loggableKinds;

  const submit = async (values: FormValues) => {
    setFormError(null);
    setBusy(true);
    try {
      onSaved(await save(toFields(values, entry), entry ? undefined : toFollowUp(values)));
    } catch (e) {
      const error = e as RapportError;
      const details = Array.isArray(error.details)
        ? (error.details as Array<{ path: string[]; message: string }>)
        : [];
      let placed = false;
      for (const d of details) {
        const field = fieldFor[d.path[0] ?? ''];
        if (field) {
          form.setFieldError(field, d.message);
          placed = true;
        }
      }
      if (!placed) setFormError(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label="Kind"
            data={kinds.map((k) => ({ value: k, label: kindLabel(k) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <SegmentedControl
            mt={24}
            aria-label="Who reached out"
            data={[
              { value: 'me', label: 'I reached out' },
              { value: 'them', label: 'They did' },
              { value: 'unknown', label: '—' },
            ]}
            {...form.getInputProps('initiatedBy')}
          />
        </Group>
        <TextInput label="Title" placeholder="What was it?" {...form.getInputProps('title')} />
        <Group grow align="flex-start">
          <TextInput
            label={form.values.allDay ? 'Day' : 'Start'}
            type={form.values.allDay ? 'date' : 'datetime-local'}
            {...form.getInputProps('start')}
            onChange={(e) => form.setFieldValue('start', e.currentTarget.value)}
          />
          {form.values.allDay ? (
            <TextInput label="Last day (optional)" type="date" {...form.getInputProps('end')} />
          ) : (
            <NumberInput label="Minutes" min={0} max={20160} {...form.getInputProps('duration')} />
          )}
        </Group>
        <Checkbox
          label="All day"
          checked={form.values.allDay}
          onChange={(e) => {
            const allDay = e.currentTarget.checked;
            form.setFieldValue('allDay', allDay);
            form.setFieldValue(
              'start',
              allDay ? form.values.start.slice(0, 10) : `${form.values.start.slice(0, 10)}T12:00`,
            );
          }}
        />
        <ParticipantPicker
          label="With"
          value={form.values.participants}
          onChange={(v) => form.setFieldValue('participants', v)}
          error={form.errors.participants as string | undefined}
        />
        <MentionTextarea
          label="Notes"
          description="Markdown. Type @ to mention someone: they are added to the entry."
          value={form.values.notes}
          onChange={(v) => form.setFieldValue('notes', v)}
          error={form.errors.notes as string | undefined}
        />
        <Group grow align="flex-start">
          <TextInput label="Location" {...form.getInputProps('location')} />
          <TagsInput label="Tags" data={tags.data ?? []} {...form.getInputProps('tags')} />
        </Group>
        {!entry && (
          <Group grow align="flex-start">
            <TextInput
              label="Next step (optional)"
              placeholder="Send the deck, make an intro…"
              description="Becomes a follow-up on the dashboard"
              maxLength={MAX_FOLLOW_UP_TEXT}
              {...form.getInputProps('nextStep')}
            />
            <TextInput label="Next step due" type="date" mt={0} {...form.getInputProps('nextDue')} />
            {form.values.participants.length > 1 && (
              <Select
                label="Follow up with"
                data={form.values.participants.map((p) => ({
                  value: String(p.contactId),
                  label: p.displayName,
                }))}
                value={String(nextStepWith(form.values))}
                onChange={(v) => form.setFieldValue('nextWith', v)}
                allowDeselect={false}
              />
            )}
          </Group>
        )}
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {entry ? 'Save changes' : 'Log it'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
