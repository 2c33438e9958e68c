import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Chip,
  Fieldset,
  Group,
  Input,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import {
  circles,
  linkKinds,
  MAX_CUSTOM_FIELDS,
  type Contact,
  type ContactFieldsInput,
} from '../../../../shared/contacts/schemas';
import { isJobChange, jobChangeEntry } from '../../../../shared/contacts/jobChange';
import { RapportError } from '../../api/client';
import { useRapportQuery } from '../../api/hooks';
import {
  clientErrors,
  emailConflictErrors,
  emailOwners,
  rowKey,
  toContactFields,
  toFormValues,
  validationErrors,
  type ContactFormValues,
} from './formValues';
import { circleLabels, linkKindLabels } from './labels';
import { DayMonthYearInputs } from './DayMonthYearInputs';
import { ImportantDatesFieldset } from './ImportantDatesFieldset';
import { RemoveRowButton } from './RemoveRowButton';

export interface ContactFormProps {
  /** The contact being edited; absent for a new one. */
  contact?: Contact;
  submitLabel: string;
  /** `jobChange`: the user wants the change of organisation or title on the contact's timeline. */
  save(fields: ContactFieldsInput, jobChange: boolean): Promise<Contact>;
  onSaved(contact: Contact): void;
  onCancel(): void;
  /** Shown after "How we met": fields the form's caller owns (a new contact's introducer). */
  howWeMetExtra?: ReactNode;
}

/** Every field of a contact; a refusal from main (an email another contact holds) shows on its field. */
export function ContactForm({
  contact,
  submitLabel,
  save,
  onSaved,
  onCancel,
  howWeMetExtra,
}: ContactFormProps) {
  const facets = useRapportQuery('contacts:facets', {});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ContactFormValues>({ initialValues: toFormValues(contact), validate: clientErrors });
  const [recordJobChange, setRecordJobChange] = useState(true);
  const role = { organisation: form.values.organisation, title: form.values.title };
  const jobChange = contact && isJobChange(contact, role) ? jobChangeEntry(contact, role) : null;

  const submit = async (values: ContactFormValues) => {
    setFormError(null);
    const { fields, formPath } = toContactFields(values);
    try {
      onSaved(await save(fields, jobChange !== null && recordJobChange));
    } catch (error) {
      if (!(error instanceof RapportError)) {
        setFormError(error instanceof Error ? error.message : String(error));
        return;
      }
      setFormError(error.message);
      if (error.code === 'CONFLICT') form.setErrors(emailConflictErrors(values, emailOwners(error.details)));
      if (error.code === 'VALIDATION') form.setErrors(validationErrors(error.details, formPath));
    }
  };

  const { emails, phones, links, customFields } = form.values;
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
      <Stack gap="md" maw={760}>
        <TextInput
          label="Display name"
          required
          autoFocus={!contact}
          {...form.getInputProps('displayName')}
        />
        <Group grow align="flex-start">
          <TextInput label="Given name" {...form.getInputProps('givenName')} />
          <TextInput label="Family name" {...form.getInputProps('familyName')} />
        </Group>
        <Group grow align="flex-start">
          <Autocomplete
            label="Organisation"
            data={facets.data?.organisations ?? []}
            limit={8}
            {...form.getInputProps('organisation')}
          />
          <TextInput label="Title" {...form.getInputProps('title')} />
        </Group>
        {jobChange && contact && (
          <Checkbox
            label={`Record “${jobChange.title}” on ${contact.displayName}'s timeline`}
            description="A new job is news worth a note to them; the dashboard lists it until you are in touch."
            checked={recordJobChange}
            onChange={(e) => setRecordJobChange(e.currentTarget.checked)}
          />
        )}
        <Autocomplete
          label="Location"
          placeholder="City, country"
          description="The list filters by the city, the part before the first comma."
          data={facets.data?.locations ?? []}
          limit={8}
          {...form.getInputProps('location')}
        />

        <Stack gap={6}>
          <Input.Label id="circles-label">Circles</Input.Label>
          <Chip.Group multiple {...form.getInputProps('circles')}>
            <Group gap="xs" role="group" aria-labelledby="circles-label">
              {circles.map((circle) => (
                <Chip key={circle} value={circle} size="sm">
                  {circleLabels[circle]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>

        <Fieldset legend={<Input.Label component="span">Emails</Input.Label>} variant="unstyled" p={0}>
          <Stack gap="xs">
            {emails.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={`Email ${index + 1}`}
                  placeholder="name@example.com"
                  type="email"
                  style={{ flex: 2 }}
                  {...form.getInputProps(`emails.${index}.email`)}
                />
                <TextInput
                  aria-label={`Email ${index + 1} label`}
                  placeholder="Label (work, home)"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`emails.${index}.label`)}
                />
                <RemoveRowButton
                  label={`Remove email ${index + 1}`}
                  onClick={() => form.removeListItem('emails', index)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('emails', { key: rowKey(), email: '', label: '' })}
              >
                Add email
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={<Input.Label component="span">Phones</Input.Label>} variant="unstyled" p={0}>
          <Stack gap="xs">
            {phones.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <TextInput
                  aria-label={`Phone ${index + 1}`}
                  placeholder="+44 20 7946 0000"
                  type="tel"
                  style={{ flex: 2 }}
                  {...form.getInputProps(`phones.${index}.phone`)}
                />
                <TextInput
                  aria-label={`Phone ${index + 1} label`}
                  placeholder="Label (mobile, work)"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`phones.${index}.label`)}
                />
                <RemoveRowButton
                  label={`Remove phone ${index + 1}`}
                  onClick={() => form.removeListItem('phones', index)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('phones', { key: rowKey(), phone: '', label: '' })}
              >
                Add phone
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={<Input.Label component="span">Links</Input.Label>} variant="unstyled" p={0}>
          <Stack gap="xs">
            {links.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <Select
                  aria-label={`Link ${index + 1} kind`}
                  data={linkKinds.map((kind) => ({ value: kind, label: linkKindLabels[kind] }))}
                  allowDeselect={false}
                  w={140}
                  {...form.getInputProps(`links.${index}.kind`)}
                />
                <TextInput
                  aria-label={`Link ${index + 1} address`}
                  placeholder="https://"
                  type="url"
                  style={{ flex: 1 }}
                  {...form.getInputProps(`links.${index}.url`)}
                />
                <RemoveRowButton
                  label={`Remove link ${index + 1}`}
                  onClick={() => form.removeListItem('links', index)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('links', { key: rowKey(), kind: 'linkedin', url: '' })}
              >
                Add link
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={<Input.Label component="span">Custom fields</Input.Label>} variant="unstyled" p={0}>
          <Stack gap="xs">
            {customFields.length === 0 && (
              <Input.Description>
                Anything else worth keeping: their team, an assistant, what they know about. Searched with the
                rest.
              </Input.Description>
            )}
            {customFields.map((row, index) => (
              <Group key={row.key} align="flex-start" wrap="nowrap">
                <Autocomplete
                  aria-label={`Field ${index + 1} name`}
                  placeholder="Name (Team, Expertise)"
                  data={facets.data?.customFieldLabels ?? []}
                  limit={8}
                  w={200}
                  {...form.getInputProps(`customFields.${index}.label`)}
                />
                <Textarea
                  aria-label={`Field ${index + 1} value`}
                  placeholder="Value"
                  autosize
                  minRows={1}
                  maxRows={6}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`customFields.${index}.value`)}
                />
                <RemoveRowButton
                  label={`Remove field ${index + 1}`}
                  onClick={() => form.removeListItem('customFields', index)}
                />
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                disabled={customFields.length >= MAX_CUSTOM_FIELDS}
                onClick={() => form.insertListItem('customFields', { key: rowKey(), label: '', value: '' })}
              >
                Add field
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Input.Wrapper
          label="Birthday"
          description={
            form.values.birthdayUnshown === null
              ? 'Leave the year empty if you do not know it'
              : `Kept as imported (“${form.values.birthdayUnshown}”), which is not a date Rapport can read; enter the birthday to replace it`
          }
          error={form.errors.birthday}
        >
          <div style={{ marginTop: 4 }}>
            <DayMonthYearInputs
              name="Birthday"
              day={form.getInputProps('birthdayDay')}
              month={form.getInputProps('birthdayMonth')}
              year={form.getInputProps('birthdayYear')}
            />
          </div>
        </Input.Wrapper>
        <ImportantDatesFieldset form={form} labelsInUse={facets.data?.importantDateLabels ?? []} />
        <Textarea label="How we met" autosize minRows={2} {...form.getInputProps('howWeMet')} />
        {howWeMetExtra}
        <Textarea label="Notes" autosize minRows={4} maxRows={16} {...form.getInputProps('notes')} />
        <Group grow align="flex-start">
          <NumberInput
            label="Keep in touch every (days)"
            description="Leave empty for no reminder"
            min={1}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('cadenceDays')}
          />
          <TagsInput
            label="Tags"
            description="Press Enter after each tag"
            data={facets.data?.tags ?? []}
            clearable
            {...form.getInputProps('tags')}
          />
        </Group>

        {/* Next to the button the user just pressed, so the reason is in view. */}
        {formError && (
          <Alert color="red" title="Not saved" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
