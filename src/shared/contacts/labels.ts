/** A label of the user's own (a custom field's, an important date's) as it is stored: trimmed, its spaces one each. */
export const tidyLabel = (label: string): string => label.trim().replace(/\s+/g, ' ');

/** Such labels are compared as the user reads them: case and spacing aside. */
export const labelKey = (label: string): string => tidyLabel(label).toLocaleLowerCase();
