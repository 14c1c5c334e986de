import assert from "node:assert/strict";
import { test } from "node:test";
import { refreshNote } from "../src/site/assets/lib/network-notes.js";

const refresh401 = { path: "/dev/auth/session/refresh", status: 401 };

test("a refresh 401 before any other API call is the SDK's expected first-load probe", () => {
  assert.match(refreshNote(refresh401, 0), /^expected: the SDK's first-load probe/);
});

test("a later refresh 401 means the session is over; other answers get no note", () => {
  assert.equal(refreshNote(refresh401, 3), "the refresh token was refused: the session is over");
  assert.equal(refreshNote({ path: "/dev/auth/session/refresh", status: 200 }, 0), undefined);
  assert.equal(refreshNote({ path: "/dev/graphql", status: 401 }, 0), undefined);
});
