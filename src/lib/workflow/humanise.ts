/**
 * Readable words for machine names: `needsCorrection` → `needs correction`,
 * `declaration.checked` → `declaration checked`, `child.interim-care-arranged` →
 * `child interim care arranged`. Used in diagram labels, the step table and the simulator's
 * reasons, so an officer never has to read camelCase.
 */
export function humanise(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[._\-:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b([A-Z])([a-z]+)\b/g, (_, first: string, rest: string) => first.toLowerCase() + rest);
}

const units: [number, string][] = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1_000, 'second'],
];

/** A duration in milliseconds in words: `5184000000` → `60 days`. */
export function humaniseDuration(ms: number): string {
  for (const [size, unit] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}

/**
 * The label of a timer: a named delay reads as its name and, when it is a fixed number, its
 * length (`after evidence deadline (60 days)`); a numeric delay as its length (`after 2 days`);
 * a delay the module's `labels` name reads as those words.
 */
export function delayLabel(delay: string | number, value: number | undefined, labels: Readonly<Record<string, string>> = {}, valueText?: string): string {
  const after = labels.after ?? 'after';
  if (typeof delay === 'number' || /^\d+$/.test(delay)) return `${after} ${humaniseDuration(Number(delay))}`;
  // The author's own words for a delay are complete (and in the SOP's language): no English length.
  if (labels[delay]) return `${after} ${labels[delay]}`;
  // An ISO 8601 duration as a name (`PT15M`, `P30D`) reads as it is written.
  const name = /^P(\d+[YMWD])*(T(\d+[HMS])+)?$|^PT\d+[YMWD]$/.test(delay) ? delay : humanise(delay);
  return value === undefined ? `${after} ${name}` : `${after} ${name} (${valueText ?? humaniseDuration(value)})`;
}
