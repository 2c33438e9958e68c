import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One of the contact page's read-only fields: its label above, what it holds below. */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}
