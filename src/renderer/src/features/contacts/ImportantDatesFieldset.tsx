import { Autocomplete, Button, Fieldset, Group, Input, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IMPORTANT_DATE_SUGGESTIONS, MAX_IMPORTANT_DATES } from '../../../../shared/contacts/importantDates';
import { labelKey } from '../../../../shared/contacts/labels';
import { DayMonthYearInputs } from './DayMonthYearInputs';
import { rowKey, type ContactFormValues } from './formValues';
import { RemoveRowButton } from './RemoveRowButton';

/** The names in use first, then the usual ones not yet used, so a label is written alike each time. */
function labelChoices(inUse: readonly string[]): string[] {
  const used = new Set(inUse.map(labelKey));
  return [...inUse, ...IMPORTANT_DATE_SUGGESTIONS.filter((s) => !used.has(labelKey(s)))];
}

/** The contact form's important dates: a name and a day, month and optional year each. */
export function ImportantDatesFieldset({
  form,
  labelsInUse,
}: {
  form: UseFormReturnType<ContactFormValues>;
  labelsInUse: readonly string[];
}) {
  const dates = form.values.importantDates;
  const choices = labelChoices(labelsInUse);
  return (
    <Fieldset legend={<Input.Label component="span">Important dates</Input.Label>} variant="unstyled" p={0}>
      <Stack gap="xs">
        {dates.length === 0 && (
          <Input.Description>
            A work anniversary, the day they started in their role, their partner’s birthday: the dashboard
            and the morning reminder say when it comes round.
          </Input.Description>
        )}
        {dates.map((row, index) => (
          <Group key={row.key} align="flex-start" wrap="nowrap">
            <Autocomplete
              aria-label={`Date ${index + 1} name`}
              placeholder="Name (Work anniversary)"
              data={choices}
              limit={8}
              w={200}
              {...form.getInputProps(`importantDates.${index}.label`)}
            />
            <Input.Wrapper error={form.errors[`importantDates.${index}.date`]}>
              <DayMonthYearInputs
                name={`Date ${index + 1}`}
                day={form.getInputProps(`importantDates.${index}.day`)}
                month={form.getInputProps(`importantDates.${index}.month`)}
                year={form.getInputProps(`importantDates.${index}.year`)}
              />
            </Input.Wrapper>
            <RemoveRowButton
              label={`Remove date ${index + 1}`}
              onClick={() => form.removeListItem('importantDates', index)}
            />
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            disabled={dates.length >= MAX_IMPORTANT_DATES}
            onClick={() =>
              form.insertListItem('importantDates', {
                key: rowKey(),
                label: '',
                day: '',
                month: null,
                year: '',
              })
            }
          >
            Add a date
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
