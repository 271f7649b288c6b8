/**
 * Sum of actual rows × loops (and rows removed by filters) over every node of an EXPLAIN ANALYZE JSON
 * plan: the work the statement did, in tuples. The scale tests compare it with the data's size
 * instead of timing the statement (a shared machine's clock says little).
 */
export function tuplesThrough(node: Record<string, any>): number {
  const own =
    (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) + (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1);
  return own + ((node.Plans as Record<string, any>[] | undefined) ?? []).reduce((n, child) => n + tuplesThrough(child), 0);
}
