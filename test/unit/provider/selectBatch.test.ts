import { selectBatch } from "../../../provider/poller/selectBatch";

const wait = (id: string, dueAt: number) => ({ id, dueAt });
const ids = (waits: { id: string }[]) => waits.map((w) => w.id);

describe("selectBatch", () => {
  it("is empty when nothing is due, however many waits there are", () => {
    expect(selectBatch([wait("a", 10), wait("b", 20)], 5)).toEqual([]);
  });

  it("fills the spare room of the due waits' call with the waits due soonest", () => {
    const waits = [
      wait("due", 0),
      ...Array.from({ length: 150 }, (_, i) => wait(`w${i}`, 1000 - i)),
    ];
    const batch = selectBatch(waits, 0);
    // One call carries 100 ids: the due one plus the 99 due soonest (w149 … w51).
    expect(batch).toHaveLength(100);
    expect(ids(batch)[0]).toBe("due");
    expect(ids(batch).slice(1, 3)).toEqual(["w149", "w148"]);
    expect(ids(batch)).not.toContain("w50");
  });

  it("takes every due wait even past 100 ids, and fills only the last call's room", () => {
    const due = Array.from({ length: 130 }, (_, i) => wait(`d${i}`, 0));
    const later = Array.from({ length: 100 }, (_, i) => wait(`l${i}`, 100 + i));
    const batch = selectBatch([...due, ...later], 0);
    expect(new Set(ids(batch)).size).toBe(200);
    expect(ids(batch)).toContain("l69");
    expect(ids(batch)).not.toContain("l70");
  });

  it("lets a not-due wait on a cluster already in the batch ride without taking room", () => {
    const waits = [
      ...Array.from({ length: 100 }, (_, i) => wait(`d${i}`, 0)),
      wait("d7", 500),
      wait("other", 400),
    ];
    const batch = selectBatch(waits, 0);
    expect(batch).toHaveLength(101);
    expect(ids(batch).filter((id) => id === "d7")).toHaveLength(2);
    expect(ids(batch)).not.toContain("other");
  });
});
