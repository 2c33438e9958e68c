import { describe, expect, it } from 'vitest';
import { placeLabels } from '../../../../src/renderer/src/features/graph/labelPlacement';

const label = (name: string, size: number, x: number, y: number, width = 80) => ({
  name,
  size,
  box: { x, y, width, height: 15 },
});

describe('placeLabels', () => {
  it('keeps the bigger node’s label where two would cover each other, whatever order they come in', () => {
    const small = label('Vikram Sharma', 9, 140, 102);
    const big = label('Katarzyna Zielińska', 20, 100, 100, 120);
    expect(placeLabels([small, big]).map((l) => l.name)).toEqual(['Katarzyna Zielińska']);
    expect(placeLabels([big, small]).map((l) => l.name)).toEqual(['Katarzyna Zielińska']);
  });

  it('keeps every label that covers none, including ones just clear of each other', () => {
    const labels = [
      label('A', 10, 0, 0),
      label('B', 12, 0, 18), // 3 px below A: clear of the 2 px gap
      label('C', 8, 83, 0), // 3 px right of A
      label('D', 5, 81, 17), // 1 px from C's corner: covered
    ];
    expect(placeLabels(labels).map((l) => l.name)).toEqual(['B', 'A', 'C']);
  });

  it('draws nothing for nothing', () => {
    expect(placeLabels([])).toEqual([]);
  });
});
