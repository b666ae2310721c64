/** Anchor of a parameter on the country profile page: `/country-profile/#param-<id>`. */
export function parameterAnchor(id: string): string {
  return `param-${id}`;
}
