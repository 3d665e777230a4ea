/**
 * Sekundärt röjandeskydd — secondary (complementary) suppression of a published table.
 *
 * Primary suppression (`suppress`) hides counts from 1 to threshold − 1. When a table also publishes
 * sums (row and column totals, rollups), a hidden cell could be recovered as a sum minus the other
 * parts, so further cells are hidden. This is the common practice of statistical offices (e.g.
 * Statistics Sweden's röjandeskydd for tables: primary suppression, then complementary
 * suppression so that no hidden cell can be derived from the published margins). The rules here:
 *
 * 1. Every additive relation (a total and its parts) has no hidden cell, or at least two; when its
 *    total is published, the hidden parts add up to at least the threshold.
 * 2. No hidden cell is determined by the published numbers: in the graph whose vertices are the
 *    relations (plus one "ground" vertex for cells in a single relation) and whose edges are the hidden
 *    cells, no hidden cell is a bridge. The relations must form a network (each cell in at most two
 *    relations, consistently signed), as a table with one or two dimensions and their margins does;
 *    its matrix is then totally unimodular, so a hidden cell is determined exactly when it is a
 *    bridge, and otherwise a ±1 shift around a cycle gives another non-negative integer solution
 *    (hidden cells are never zero).
 * 3. Complements are the smallest published non-zero cells of the relation needing one (ties: parts
 *    before the total, then the lower index). Zero cells are never hidden: they reveal no one, and
 *    hiding them would protect nothing.
 * 4. Rules 1–2 are applied until stable. The pattern depends only on the table (values in index
 *    order), never on a query, so two queries cannot be differenced: compute it on the whole
 *    published table and let filters select cells of the protected table.
 */

/** A published sum: `values[total] = Σ values[parts]`. */
export interface AdditiveRelation {
  readonly total: number;
  readonly parts: readonly number[];
}

/** A published table: the cell values (in a canonical order) and the sums it publishes. */
export interface AdditiveTable {
  readonly values: ArrayLike<number>;
  readonly relations: readonly AdditiveRelation[];
}

/** Which cells to hide (1 = hidden). Throws when the relations are not a network (see above). */
export function protectTable(table: AdditiveTable, threshold: number): Uint8Array {
  const net = network(table);
  const { values, relations } = table;
  const hidden = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v < 0) throw new Error(`invalid count ${v} in cell ${i}`);
    if (v > 0 && v < threshold) hidden[i] = 1;
  }
  const hide = (cell: number, queue: number[]) => {
    hidden[cell] = 1;
    for (const r of net.relationsOf(cell)) queue.push(r);
  };
  let queue = relations.map((_, r) => r);
  const everyCell = Array.from({ length: values.length }, (_, i) => i);
  for (let round = 0; round <= values.length; round++) {
    // Rule 1 on every relation touched, until stable.
    while (queue.length > 0) {
      const r = queue.pop()!;
      if (!violates(relations[r]!, values, hidden, threshold)) continue;
      const cell = smallestPublished(members(relations[r]!), values, hidden, relations[r]!.total);
      if (cell < 0) throw new Error(`relation ${r} cannot be protected: is its total the sum of its parts?`);
      hide(cell, queue);
      queue.push(r);
    }
    // Rule 2: hide a complement next to every determined (bridge) cell, then rule 1 again.
    const bridges = net.bridges(hidden);
    if (bridges.length === 0) return hidden;
    const next: number[] = [];
    for (const cell of bridges) {
      // Its own relations first; failing that, any relation its hidden neighbours are in.
      const near = net.relationsOf(cell).flatMap((r) => members(relations[r]!));
      let pick = smallestPublished(near, values, hidden, -1);
      if (pick < 0) {
        const far = net.component(cell, hidden).flatMap((r) => members(relations[r]!));
        pick = smallestPublished(far, values, hidden, -1);
      }
      if (pick < 0) pick = smallestPublished(everyCell, values, hidden, -1);
      if (pick < 0)
        throw new Error(`cell ${cell} cannot be protected: are the totals the sums of their parts?`);
      if (!hidden[pick]) hide(pick, next);
    }
    queue = next;
  }
  throw new Error('secondary suppression did not converge');
}

function members(relation: AdditiveRelation): number[] {
  return [relation.total, ...relation.parts];
}

function violates(
  relation: AdditiveRelation,
  values: ArrayLike<number>,
  hidden: Uint8Array,
  threshold: number,
) {
  let count = hidden[relation.total]!;
  let hiddenParts = 0;
  for (const p of relation.parts) {
    if (!hidden[p]) continue;
    count += 1;
    hiddenParts += values[p]!;
  }
  if (count === 0) return false;
  if (count === 1) return true;
  return !hidden[relation.total] && hiddenParts < threshold;
}

/** The smallest published non-zero cell of `cells` (parts before `total`, then lower index); −1 if none. */
function smallestPublished(
  cells: readonly number[],
  values: ArrayLike<number>,
  hidden: Uint8Array,
  total: number,
) {
  let best = -1;
  for (const c of cells) {
    if (hidden[c] || values[c] === 0) continue;
    if (best < 0) {
      best = c;
      continue;
    }
    const [vc, vb] = [values[c]!, values[best]!];
    const [tc, tb] = [c === total ? 1 : 0, best === total ? 1 : 0];
    if (vc < vb || (vc === vb && (tc < tb || (tc === tb && c < best)))) best = c;
  }
  return best;
}

interface Network {
  relationsOf(cell: number): number[];
  /** The relations reachable from `cell` through hidden cells, in index order. */
  component(cell: number, hidden: Uint8Array): number[];
  /** Hidden cells that are bridges of the hidden-cell graph (determined by the published sums). */
  bridges(hidden: Uint8Array): number[];
}

/** Checks that the relations form a network and prepares the bridge search. */
function network(table: AdditiveTable): Network {
  const n = table.values.length;
  const m = table.relations.length;
  const ends = new Int32Array(n * 2).fill(-1); // the (at most two) relations of each cell
  const roles = new Int8Array(n * 2); // +1 total, −1 part
  table.relations.forEach((relation, r) => {
    const seen = new Set<number>();
    for (const [cell, role] of [[relation.total, 1], ...relation.parts.map((p) => [p, -1])] as const) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= n) throw new Error(`relation ${r}: no cell ${cell}`);
      if (seen.has(cell)) throw new Error(`relation ${r}: cell ${cell} appears twice`);
      seen.add(cell);
      const slot = ends[cell * 2]! < 0 ? 0 : ends[cell * 2 + 1]! < 0 ? 1 : -1;
      if (slot < 0) throw new Error(`cell ${cell} is in more than two relations: not a network`);
      ends[cell * 2 + slot] = r;
      roles[cell * 2 + slot] = role;
    }
  });
  // Consistent signs: relation signs s with s[a]·role_a + s[b]·role_b = 0 for every shared cell.
  const sign = new Int8Array(m);
  const adjacent: number[][] = Array.from({ length: m }, () => []);
  for (let c = 0; c < n; c++) if (ends[c * 2 + 1]! >= 0) adjacent[ends[c * 2]!]!.push(c);
  for (let c = 0; c < n; c++) if (ends[c * 2 + 1]! >= 0) adjacent[ends[c * 2 + 1]!]!.push(c);
  for (let start = 0; start < m; start++) {
    if (sign[start]) continue;
    sign[start] = 1;
    const stack = [start];
    while (stack.length > 0) {
      const r = stack.pop()!;
      for (const c of adjacent[r]!) {
        const [a, b] = ends[c * 2] === r ? [0, 1] : [1, 0];
        const other = ends[c * 2 + b]!;
        const wanted = -(sign[r]! * roles[c * 2 + a]!) * roles[c * 2 + b]!;
        if (!sign[other]) {
          sign[other] = wanted;
          stack.push(other);
        } else if (sign[other] !== wanted)
          throw new Error('relations are not consistently signed: not a network');
      }
    }
  }
  const relationsOf = (cell: number) => [ends[cell * 2]!, ends[cell * 2 + 1]!].filter((r) => r >= 0);
  const component = (cell: number, hidden: Uint8Array) => {
    const reached = new Set(relationsOf(cell));
    const stack = [...reached];
    while (stack.length > 0) {
      for (const c of adjacent[stack.pop()!]!) {
        if (!hidden[c]) continue;
        for (const r of relationsOf(c)) {
          if (reached.has(r)) continue;
          reached.add(r);
          stack.push(r);
        }
      }
    }
    return [...reached].sort((a, b) => a - b);
  };
  return { relationsOf, component, bridges: (hidden) => findBridges(hidden, ends, m) };
}

/** Tarjan's bridge search (iterative) over vertices 0..m (m = ground), edges = hidden cells. */
function findBridges(hidden: Uint8Array, ends: Int32Array, m: number): number[] {
  const incident: number[][] = Array.from({ length: m + 1 }, () => []);
  const endOf = (cell: number, k: 0 | 1) => (ends[cell * 2 + k]! < 0 ? m : ends[cell * 2 + k]!);
  for (let c = 0; c < hidden.length; c++) {
    if (!hidden[c] || ends[c * 2]! < 0) continue;
    incident[endOf(c, 0)]!.push(c);
    incident[endOf(c, 1)]!.push(c);
  }
  const order = new Int32Array(m + 1).fill(-1);
  const low = new Int32Array(m + 1);
  const bridges: number[] = [];
  let time = 0;
  for (let root = 0; root <= m; root++) {
    if (order[root]! >= 0 || incident[root]!.length === 0) continue;
    order[root] = low[root] = time++;
    const stack: Array<{ v: number; via: number; next: number }> = [{ v: root, via: -1, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const edges = incident[frame.v]!;
      if (frame.next < edges.length) {
        const c = edges[frame.next++]!;
        if (c === frame.via) continue;
        const w = endOf(c, 0) === frame.v ? endOf(c, 1) : endOf(c, 0);
        if (w === frame.v) continue; // a cell counted twice in one relation cannot occur (checked)
        if (order[w]! < 0) {
          order[w] = low[w] = time++;
          stack.push({ v: w, via: c, next: 0 });
        } else low[frame.v] = Math.min(low[frame.v]!, order[w]!);
        continue;
      }
      stack.pop();
      const parent = stack[stack.length - 1];
      if (!parent) continue;
      low[parent.v] = Math.min(low[parent.v]!, low[frame.v]!);
      if (low[frame.v]! > order[parent.v]!) bridges.push(frame.via);
    }
  }
  return bridges.sort((a, b) => a - b);
}
