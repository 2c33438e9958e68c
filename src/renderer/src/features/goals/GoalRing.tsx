import { RingProgress, Text } from '@mantine/core';
import type { GoalSummary } from '../../../../shared/goals/schemas';
import { ringColor } from './labels';

/** The share of the current period's target reached, as a ring. */
export function GoalRing({ goal, size = 72 }: { goal: GoalSummary; size?: number }) {
  const c = goal.current;
  const percent = Math.round(goal.ratio * 100);
  return (
    <RingProgress
      size={size}
      thickness={size / 9}
      roundCaps={percent > 0}
      aria-label={`${percent}% of the target`}
      sections={[{ value: percent, color: ringColor(goal) }]}
      label={
        <Text ta="center" size={size > 100 ? 'lg' : 'xs'} fw={700}>
          {c ? `${c.value}/${c.target}` : '–'}
        </Text>
      }
    />
  );
}
