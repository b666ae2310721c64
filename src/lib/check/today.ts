/** Today's date (YYYY-MM-DD), overridable with SOPKIT_TODAY for reproducible runs. */
export function today(): string {
  return process.env.SOPKIT_TODAY ?? new Date().toISOString().slice(0, 10);
}
