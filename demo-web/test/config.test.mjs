import assert from "node:assert/strict";
import { test } from "node:test";
import { validateConfig } from "../src/site/assets/lib/config.js";

const PAGE = "http://localhost:3000";

test("fills the documented defaults and derives the API and auth URLs", () => {
  const config = validateConfig({ apiDomain: "http://localhost:4000" }, PAGE);
  assert.deepEqual({ ...config }, {
    apiDomain: "http://localhost:4000",
    apiGatewayPath: "",
    apiBasePath: "/auth",
    websiteDomain: PAGE,
    mailboxUrl: undefined,
    devConsoleUrl: undefined,
    apiUrl: "http://localhost:4000",
    authUrl: "http://localhost:4000/auth",
  });
  assert.ok(Object.isFrozen(config));
});

test("keeps given values, normalising origins and trailing slashes", () => {
  const config = validateConfig({
    apiDomain: "https://api.example.com/",
    apiGatewayPath: "/dev/",
    apiBasePath: "/session-api",
    websiteDomain: "https://www.example.com",
    mailboxUrl: "http://localhost:4000/_mailbox",
    devConsoleUrl: "http://localhost:4003",
  }, PAGE);
  assert.equal(config.devConsoleUrl, "http://localhost:4003/");
  assert.equal(config.apiDomain, "https://api.example.com");
  assert.equal(config.apiGatewayPath, "/dev");
  assert.equal(config.apiUrl, "https://api.example.com/dev");
  assert.equal(config.authUrl, "https://api.example.com/dev/session-api");
  assert.equal(config.websiteDomain, "https://www.example.com");
  assert.equal(config.mailboxUrl, "http://localhost:4000/_mailbox");
});

test("an empty apiGatewayPath is allowed", () => {
  assert.equal(validateConfig({ apiDomain: "http://a.test", apiGatewayPath: "" }, PAGE).apiGatewayPath, "");
});

test("refuses what is not a JSON object", () => {
  for (const raw of [null, [], "x", 3]) {
    assert.throws(() => validateConfig(raw, PAGE), { message: "/config.json must be a JSON object" });
  }
});

test("apiDomain is required", () => {
  assert.throws(() => validateConfig({}, PAGE), { message: /apiDomain is required/ });
  assert.throws(() => validateConfig({ apiDomain: "" }, PAGE), { message: /apiDomain is required/ });
});

test("origins must be http(s) URLs without a path", () => {
  assert.throws(() => validateConfig({ apiDomain: "not a url" }, PAGE), { message: "/config.json: apiDomain is not a URL: not a url" });
  assert.throws(() => validateConfig({ apiDomain: "ftp://a.test" }, PAGE), { message: /apiDomain must be an http\(s\) origin without a path/ });
  assert.throws(() => validateConfig({ apiDomain: "http://a.test/dev" }, PAGE), { message: /apiDomain must be an http\(s\) origin without a path/ });
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", websiteDomain: "http://b.test/x" }, PAGE), { message: /websiteDomain must be/ });
});

test("paths must be empty or start with a slash", () => {
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", apiGatewayPath: "dev" }, PAGE), { message: /apiGatewayPath must be empty or a path starting with \// });
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", apiBasePath: 5 }, PAGE), { message: /apiBasePath must be/ });
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", apiBasePath: "/a b" }, PAGE), { message: /apiBasePath must be/ });
});

test("mailboxUrl must be an http(s) URL", () => {
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", mailboxUrl: "javascript:alert(1)" }, PAGE), { message: "/config.json: mailboxUrl must be an http(s) URL: javascript:alert(1)" });
  assert.throws(() => validateConfig({ apiDomain: "http://a.test", mailboxUrl: "nope" }, PAGE), { message: /mailboxUrl must be an http\(s\) URL/ });
});
