import assert from "node:assert/strict";
import { test } from "node:test";
import { describeClaimError } from "../src/site/assets/lib/claims.js";

test("st-ev: says the email is not verified, with the actual and expected values", () => {
  assert.deepEqual(describeClaimError({ id: "st-ev", reason: { message: "wrong value", expectedValue: true, actualValue: false } }), {
    title: "Email not verified",
    detail: "The st-ev claim in the access token is false, this route needs true.",
  });
});

test("st-ev without a reason still names the claim", () => {
  assert.equal(describeClaimError({ id: "st-ev" }).detail, "The st-ev claim in the access token is undefined, this route needs undefined.");
});

test("another claim: a string reason is shown as it is, an object one as JSON", () => {
  assert.deepEqual(describeClaimError({ id: "st-role", reason: "missing role admin" }), {
    title: "Claim st-role failed",
    detail: "missing role admin",
  });
  assert.equal(describeClaimError({ id: "st-perm", reason: { missing: ["write"] } }).detail, '{"missing":["write"]}');
});

test("an error without id or reason", () => {
  assert.deepEqual(describeClaimError({}), { title: "Claim (unnamed) failed", detail: "no reason given" });
});

test("st-role: names the missing role and what the token has (node's includes reason)", () => {
  assert.deepEqual(
    describeClaimError({ id: "st-role", reason: { message: "wrong value", expectedToInclude: "admin", actualValue: [] } }),
    {
      title: 'Missing role "admin"',
      detail: 'The st-role claim in the access token is [], this route needs the role "admin".',
    },
  );
  assert.equal(
    describeClaimError({ id: "st-perm", reason: { message: "value does not exist", expectedToInclude: "notes:count-all" } }).detail,
    'The st-perm claim in the access token is absent, this route needs the permission "notes:count-all".',
  );
});
