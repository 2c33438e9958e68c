/**
 * Text as SQLite's NOCASE collation compares it: A to Z without their case, every other letter
 * as it is. What the app groups or orders beside a NOCASE query must fold the same way.
 */
export const nocaseKey = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
