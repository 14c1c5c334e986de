import assert from "node:assert/strict";
import { test } from "node:test";
import { journal } from "../src/site/assets/lib/journal.js";

function memoryStorage() {
  const values = new Map();
  return {
    getItem: (k) => (values.has(k) ? values.get(k) : null),
    setItem: (k, v) => values.set(k, String(v)),
    removeItem: (k) => values.delete(k),
    raw: values,
  };
}

test("newest first, bounded, stored as JSON under its key", () => {
  const storage = memoryStorage();
  const j = journal("tollgate.test", storage, 2);
  j.add({ n: 1 });
  j.add({ n: 2 });
  j.add({ n: 3 });
  assert.deepEqual(j.entries(), [{ n: 3 }, { n: 2 }]);
  assert.equal(storage.raw.get("tollgate.test"), '[{"n":3},{"n":2}]');
});

test("listeners see every change, clear empties it", () => {
  const j = journal("k", memoryStorage());
  const seen = [];
  j.onChange((entries) => seen.push(entries.length));
  j.add({});
  j.clear();
  assert.deepEqual(seen, [1, 0]);
  assert.deepEqual(j.entries(), []);
});

test("corrupt or foreign storage content reads as empty", () => {
  const storage = memoryStorage();
  storage.setItem("k", "{not json");
  assert.deepEqual(journal("k", storage).entries(), []);
  storage.setItem("k", '{"a":1}');
  assert.deepEqual(journal("k", storage).entries(), []);
});

test("shared: a storage event from another tab reaches the listeners, other keys do not", () => {
  const storage = memoryStorage();
  const handlers = [];
  const fakeWindow = { addEventListener: (type, fn) => type === "storage" && handlers.push(fn) };
  const j = journal("tollgate.timeline", storage, 100, fakeWindow);
  const seen = [];
  j.onChange((entries) => seen.push(entries.map((e) => e.n)));
  // another tab wrote the list
  storage.setItem("tollgate.timeline", '[{"n":2},{"n":1}]');
  handlers.forEach((fn) => fn({ key: "tollgate.timeline" }));
  handlers.forEach((fn) => fn({ key: "something.else" }));
  assert.deepEqual(seen, [[2, 1]]);
});
