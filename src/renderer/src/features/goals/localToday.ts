/** Today on the user's clock, as `YYYY-MM-DD`: goals start and are ticked in local days. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
