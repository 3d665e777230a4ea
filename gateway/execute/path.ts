/** A response path as a linked list: cheap to extend while walking, materialised only for errors. */
export interface PathNode {
  readonly parent: PathNode | null;
  readonly key: string | number;
}

export function pathArray(node: PathNode | null): Array<string | number> {
  const out: Array<string | number> = [];
  for (let n = node; n; n = n.parent) out.push(n.key);
  return out.reverse();
}
