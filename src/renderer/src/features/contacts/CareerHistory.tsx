import { Text, Timeline } from '@mantine/core';
import { tenureText, type CareerStep } from '../../../../shared/contacts/career';
import { roleText } from '../../../../shared/contacts/jobChange';
import { useRapportQuery } from '../../api/hooks';
import { DetailField } from './DetailField';

const month = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { month: 'short', year: 'numeric' });

/** "Jun 2024 – Feb 2026 · 1 year 8 months", "Since Feb 2026 · 9 months", "Until Jun 2024". */
function period(step: CareerStep, now: Date): string {
  const end = step.until ?? now.toISOString();
  const span = step.since ? ` · ${tenureText(step.since, end)}` : '';
  if (step.since && step.until) return `${month(step.since)} – ${month(step.until)}${span}`;
  if (step.since) return `Since ${month(step.since)}${span}`;
  return step.until ? `Until ${month(step.until)}` : '';
}

/**
 * Their roles, latest first, as the job changes on their timeline record them; shown once a
 * change has been recorded (the role alone is in the page's heading).
 */
export function CareerHistory({ contactId }: { contactId: number }) {
  const career = useRapportQuery('contacts:career', { id: contactId });
  const steps = career.data ?? [];
  if (steps.length === 0) return null;
  const now = new Date();
  return (
    <DetailField label="Career">
      <Timeline active={steps[0].until === null ? 0 : -1} bulletSize={12} lineWidth={2} aria-label="Career">
        {steps.map((step) => (
          <Timeline.Item
            key={step.endedBy ?? 'now'}
            title={
              <Text size="sm" fw={step.until === null ? 600 : 400}>
                {step.organisation === null && step.title === null ? 'An earlier role' : roleText(step)}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {period(step, now)}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </DetailField>
  );
}
