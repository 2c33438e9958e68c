/** A count with its noun in the right number: "1 meeting", "6 meetings", "2 people". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
