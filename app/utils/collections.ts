/**
 * The items grouped by key, each group in the items' order and the groups in first-seen order. Node 20 has no
 * `Map.groupBy` (it arrives with Node 21); one pass, where a `filter` per key would be quadratic.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
