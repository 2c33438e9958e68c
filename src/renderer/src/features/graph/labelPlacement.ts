export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept between two labels, in pixels. */
const GAP = 2;

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return (
    a.x < b.x + b.width + GAP &&
    b.x < a.x + a.width + GAP &&
    a.y < b.y + b.height + GAP &&
    b.y < a.y + a.height + GAP
  );
}

/** The labels to draw: biggest node first, leaving out any that would cover one already kept. */
export function placeLabels<T extends { size: number; box: LabelBox }>(labels: readonly T[]): T[] {
  const kept: T[] = [];
  for (const label of [...labels].sort((a, b) => b.size - a.size)) {
    if (!kept.some((k) => overlaps(k.box, label.box))) kept.push(label);
  }
  return kept;
}
