import { MAX_IDS_PER_DESCRIBE } from "../rds/clusterApi";

/** What batch selection needs to know of a wait. */
export interface Schedulable {
  /** Lowercase cluster identifier. */
  id: string;
  /** Epoch ms at which the wait wants its next describe. */
  dueAt: number;
}

/**
 * The waits to describe at `now`: every due one, plus not-yet-due ones (soonest first) only as far
 * as they fit in the calls the due ones need anyway. A tick then makes ceil(due ids / 100) calls,
 * never one for clusters that are not due; empty when nothing is due.
 */
export function selectBatch<W extends Schedulable>(waits: Iterable<W>, now: number): W[] {
  const batch: W[] = [];
  const later: W[] = [];
  for (const w of waits) (w.dueAt <= now ? batch : later).push(w);
  if (batch.length === 0) return batch;
  const ids = new Set(batch.map((w) => w.id));
  const capacity = Math.ceil(ids.size / MAX_IDS_PER_DESCRIBE) * MAX_IDS_PER_DESCRIBE;
  later.sort((a, b) => a.dueAt - b.dueAt);
  for (const w of later) {
    // A wait on a cluster already in the batch rides for free; a new id only into spare room.
    if (!ids.has(w.id)) {
      if (ids.size >= capacity) continue;
      ids.add(w.id);
    }
    batch.push(w);
  }
  return batch;
}
