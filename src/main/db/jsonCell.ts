/** A column's value as JSON can hold it: a BLOB as `{ $base64 }`, which `fromJsonCell` turns back. */
export type JsonCell = number | string | null | { $base64: string };

export function toJsonCell(value: unknown): JsonCell {
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  if (typeof value === 'bigint') return Number(value);
  return value as JsonCell;
}

export function fromJsonCell(value: JsonCell): unknown {
  if (value !== null && typeof value === 'object') return Buffer.from(value.$base64, 'base64');
  return value;
}
