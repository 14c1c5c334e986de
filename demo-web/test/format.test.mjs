import assert from "node:assert/strict";
import { test } from "node:test";
import { countdown, emailVerifiedBadge, formatDuration, rolesBadge, statusName, statusPill } from "../src/site/assets/lib/format.js";
import { sessionEventEntry } from "../src/site/assets/lib/events.js";
import { parseJsonBody } from "../src/site/assets/lib/graphql.js";

test("durations: tenths of seconds under a minute, m:ss above", () => {
  assert.equal(formatDuration(0), "0.0 s");
  assert.equal(formatDuration(12_345), "12.3 s");
  assert.equal(formatDuration(59_940), "59.9 s");
  assert.equal(formatDuration(60_000), "1:00 min");
  assert.equal(formatDuration(3_599_000), "59:59 min");
});

test("status pill: reason phrase from the response, else the demo's own", () => {
  assert.deepEqual(statusPill(200, "OK"), { text: "200 OK", className: "pill pill-ok" });
  assert.deepEqual(statusPill(403, ""), { text: "403 Forbidden", className: "pill pill-warn" });
  assert.deepEqual(statusPill(401, undefined), { text: "401 Unauthorized", className: "pill pill-error" });
  assert.equal(statusPill(502, "").text, "502 ");
  assert.equal(statusName(500), "Server error");
});

test("countdown: none without a numeric exp", () => {
  assert.equal(countdown(null, 0), null);
  assert.equal(countdown({ exp: "1" }, 0), null);
});

test("countdown: time left and the share of the token's lifetime", () => {
  const shown = countdown({ iat: 1000, exp: 1060 }, 1_045_000);
  assert.deepEqual(shown, { expiresAt: "1970-01-01T00:17:40.000Z", expired: false, text: "15.0 s", percent: 25 });
});

test("countdown: expired at and after exp", () => {
  assert.deepEqual(countdown({ iat: 1000, exp: 1060 }, 1_060_000), {
    expiresAt: "1970-01-01T00:17:40.000Z", expired: true, text: "expired", percent: 0,
  });
});

test("countdown: without a usable iat the lifetime is taken as an hour", () => {
  assert.equal(countdown({ exp: 3600 }, 1_800_000).percent, 50);
  assert.equal(countdown({ iat: 3600, exp: 3600 }, 1_800_000).percent, 50);
});

test("email-verified badge from the st-ev claim", () => {
  assert.deepEqual(emailVerifiedBadge({ "st-ev": { v: true, t: 1 } }), { verified: true, text: "verified", className: "pill pill-ok" });
  assert.deepEqual(emailVerifiedBadge({ "st-ev": { v: false, t: 1 } }), { verified: false, text: "not verified", className: "pill pill-warn" });
  assert.deepEqual(emailVerifiedBadge({}), { verified: undefined, text: "unknown", className: "pill pill-muted" });
  assert.equal(emailVerifiedBadge(null).text, "unknown");
});

test("session events: label and detail for the timeline", () => {
  const at = "2026-01-01T00:00:00.000Z";
  assert.deepEqual(sessionEventEntry({ action: "REFRESH_SESSION" }, at), { at, action: "REFRESH_SESSION", label: "Session refreshed" });
  assert.equal(sessionEventEntry({ action: "UNAUTHORISED", sessionExpiredOrRevoked: true }, at).detail, "session expired or revoked");
  assert.equal(sessionEventEntry({ action: "UNAUTHORISED", sessionExpiredOrRevoked: false }, at).detail, "no session");
  assert.equal(sessionEventEntry({ action: "API_INVALID_CLAIM", claimValidationErrors: [{ id: "st-ev" }, { id: "st-role" }] }, at).detail, "st-ev, st-role");
  assert.equal(sessionEventEntry({ action: "SOMETHING_NEW" }, at).label, "SOMETHING_NEW");
});

test("response bodies: JSON, or null when empty or not JSON", () => {
  assert.deepEqual(parseJsonBody('{"message":"Unauthorized"}'), { message: "Unauthorized" });
  assert.equal(parseJsonBody(""), null);
  assert.equal(parseJsonBody("<html>"), null);
});

test("rolesBadge: the st-role names, none, or no claim at all", () => {
  assert.deepEqual(rolesBadge({ "st-role": { v: ["admin", "reader"], t: 1 } }), {
    roles: ["admin", "reader"],
    text: "admin, reader",
    className: "pill pill-ok",
  });
  assert.equal(rolesBadge({ "st-role": { v: [], t: 1 } }).text, "none");
  assert.equal(rolesBadge({}).text, "no st-role claim");
  assert.equal(rolesBadge(null).className, "pill pill-muted");
});
