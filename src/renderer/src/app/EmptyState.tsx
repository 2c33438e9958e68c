import { Stack, Text, Title } from '@mantine/core';

/** An honest placeholder: what this area will hold, never made-up data. */
export function EmptyState({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="xs" p="xl" maw={560}>
      <Title order={2}>{title}</Title>
      <Text c="dimmed">{text}</Text>
    </Stack>
  );
}
