import type { z } from 'zod';

/** A label of the user's own (a custom field's, an important date's) as it is stored: trimmed, its spaces one each. */
export const tidyLabel = (label: string): string => label.trim().replace(/\s+/g, ' ');

/** Such labels are compared as the user reads them: case and spacing aside. */
export const labelKey = (label: string): string => tidyLabel(label).toLocaleLowerCase();

/**
 * A list's refinement that refuses a label used twice, on the later row's label:
 * "Another field is called “Team”; give each its own name".
 */
export function refuseRepeatedLabels(noun: string) {
  return (rows: ReadonlyArray<{ label: string }>, ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = labelKey(row.label);
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'label'],
          message: `Another ${noun} is called “${row.label.trim()}”; give each its own name`,
        });
      }
      seen.add(key);
    });
  };
}
