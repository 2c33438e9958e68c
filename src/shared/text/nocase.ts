/** What SQLite's NOCASE compares: the text with A-Z folded to a-z, and nothing else folded. */
export const nocase = (text: string): string => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
