// Display order of a user's sites (or assets). Positions are rewritten as
// 0..n-1 whenever the order changes, which also heals duplicates left by
// concurrent creates (ties are broken by creation time when reading).

export type MoveDirection = 'up' | 'down';

/** The ids in their new order, or null when `id` is missing or already at that end. */
export function moveInOrder(ids: readonly string[], id: string, direction: MoveDirection): string[] | null {
  const from = ids.indexOf(id);
  if (from === -1) return null;
  const to = direction === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** The position writes that make `ordered` read back in that order: only rows whose position changes. */
export function positionChanges(current: readonly { id: string; position: number }[], ordered: readonly string[]): { id: string; position: number }[] {
  const before = new Map(current.map((h) => [h.id, h.position]));
  return ordered.flatMap((id, position) => (before.get(id) === position ? [] : [{ id, position }]));
}

/** Where a new holding goes: after every existing one. */
export function nextPosition(maxPosition: number | null | undefined): number {
  return maxPosition == null ? 0 : maxPosition + 1;
}
