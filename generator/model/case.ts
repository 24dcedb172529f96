/** Name casing shared by the model and the emitters. */

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `sliding_window` → `slidingWindow`, `get-and-expire` → `getAndExpire`. */
export function camelCase(segment: string): string {
  return segment.replace(/[-_.]+([A-Za-z0-9])/g, (_, ch: string) => ch.toUpperCase()).replace(/[-_.]+$/, '');
}
