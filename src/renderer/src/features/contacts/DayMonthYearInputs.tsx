import { Group, NumberInput, Select } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';

/** January to December in the user's language, valued '1' to '12'. */
const monthOptions = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Date(Date.UTC(2000, i, 15)).toLocaleDateString(undefined, { month: 'long', timeZone: 'UTC' }),
}));

/**
 * A yearly date as day, month and optional year (a birthday, a work anniversary): three inputs
 * rather than a date picker, so a date without its year can be entered. `name` prefixes their
 * accessible names ("Birthday day").
 */
export function DayMonthYearInputs({
  name,
  day,
  month,
  year,
}: {
  name: string;
  day: GetInputPropsReturnType;
  month: GetInputPropsReturnType;
  year: GetInputPropsReturnType;
}) {
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap">
      <NumberInput
        aria-label={`${name} day`}
        placeholder="Day"
        min={1}
        max={31}
        allowDecimal={false}
        allowNegative={false}
        w={90}
        {...day}
      />
      <Select
        aria-label={`${name} month`}
        placeholder="Month"
        data={monthOptions}
        clearable
        w={160}
        {...month}
      />
      <NumberInput
        aria-label={`${name} year`}
        placeholder="Year"
        min={1850}
        max={2200}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        w={110}
        {...year}
      />
    </Group>
  );
}
