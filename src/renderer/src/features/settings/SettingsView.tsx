import { Paper, Stack, Text, Title } from '@mantine/core';
import { settingsSections } from './sections';

export function SettingsView() {
  return (
    <Stack gap="lg" maw={760}>
      <Title order={2}>Settings</Title>
      {settingsSections.map(({ id, title, description, component: Section }) => (
        <Paper key={id} withBorder p="md" component="section" aria-labelledby={`settings-${id}`}>
          <Stack gap="sm">
            <Stack gap={2}>
              <Title order={4} id={`settings-${id}`}>
                {title}
              </Title>
              {description && (
                <Text size="sm" c="dimmed">
                  {description}
                </Text>
              )}
            </Stack>
            <Section />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
