import { Tooltip } from '@mantine/core';
import type { Layer, Trend } from '../../../../shared/strength/model';
import { formatStrength, layerColors, layerLabels, trendWords } from './labels';

/** Bars lit per layer, like a signal meter: inner lights all four, dormant none. */
const LIT: Record<Layer, number> = { inner: 4, close: 3, active: 2, known: 1, dormant: 0 };

export interface StrengthMeterProps {
  layer: Layer;
  t: number;
  trend: Trend;
}

/** A relationship's layer drawn as four rising bars in the layer's colour; the numbers on hover. */
export function StrengthMeter({ layer, t, trend }: StrengthMeterProps) {
  const label = `${layerLabels[layer]}, strength ${formatStrength(t)}, ${trendWords[trend]}`;
  const lit = `var(--mantine-color-${layerColors[layer]}-6)`;
  return (
    <Tooltip label={label} openDelay={300}>
      <svg
        role="img"
        aria-label={label}
        data-layer={layer}
        data-testid="strength-meter"
        width={22}
        height={14}
        viewBox="0 0 22 14"
      >
        {[0, 1, 2, 3].map((i) => (
          <rect
            key={i}
            x={i * 6}
            y={10 - i * 3}
            width={4}
            height={4 + i * 3}
            rx={1}
            fill={i < LIT[layer] ? lit : 'var(--mantine-color-default-border)'}
          />
        ))}
      </svg>
    </Tooltip>
  );
}
