import { ActionIcon } from '@mantine/core';

/** The × that takes a row (an email, a custom field, a date) off the contact form. */
export function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} title={label} onClick={onClick} mt={4}>
      ×
    </ActionIcon>
  );
}
