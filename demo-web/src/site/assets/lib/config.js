/*
 * The runtime configuration, /config.json, served beside the site by whoever hosts it. Every field
 * is checked here, so a bad deployment shows what is wrong instead of failing somewhere later.
 */

/** Reads /config.json and validates it; the page's own origin is the websiteDomain default. */
export async function loadConfig(pageOrigin) {
  let response;
  try {
    response = await fetch("/config.json", { cache: "no-store", credentials: "omit" });
  } catch (e) {
    throw new Error("could not load /config.json: " + e.message);
  }
  if (!response.ok) {
    throw new Error("could not load /config.json: HTTP " + response.status);
  }
  let raw;
  try {
    raw = await response.json();
  } catch (e) {
    throw new Error("/config.json is not valid JSON");
  }
  return validateConfig(raw, pageOrigin);
}

/** The checked, frozen configuration, with the derived apiUrl and authUrl. */
export function validateConfig(raw, pageOrigin) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new Error("/config.json must be a JSON object");
  }
  const config = {
    apiDomain: origin(raw, "apiDomain", true),
    apiGatewayPath: path(raw, "apiGatewayPath", ""),
    apiBasePath: path(raw, "apiBasePath", "/auth"),
    websiteDomain: origin(raw, "websiteDomain", false) || pageOrigin,
    mailboxUrl: url(raw, "mailboxUrl"),
    devConsoleUrl: url(raw, "devConsoleUrl"),
  };
  config.apiUrl = config.apiDomain + config.apiGatewayPath;
  config.authUrl = config.apiUrl + config.apiBasePath;
  return Object.freeze(config);
}

function origin(raw, key, required) {
  const value = raw[key];
  if (value === undefined || value === null || value === "") {
    if (required) throw new Error("/config.json: " + key + " is required (e.g. http://localhost:4000)");
    return undefined;
  }
  let parsed;
  try {
    parsed = new URL(String(value));
  } catch (e) {
    throw new Error("/config.json: " + key + " is not a URL: " + value);
  }
  if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.pathname.replace(/\/$/, "") !== "") {
    throw new Error("/config.json: " + key + " must be an http(s) origin without a path: " + value);
  }
  return parsed.origin;
}

function path(raw, key, fallback) {
  const value = raw[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "string" || (value !== "" && !/^\/[A-Za-z0-9._~\-\/]*$/.test(value))) {
    throw new Error("/config.json: " + key + " must be empty or a path starting with /: " + value);
  }
  return value.replace(/\/$/, "");
}

function url(raw, key) {
  const value = raw[key];
  if (value === undefined || value === null || value === "") return undefined;
  try {
    const parsed = new URL(String(value));
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
  } catch (e) {
    /* reported below */
  }
  throw new Error("/config.json: " + key + " must be an http(s) URL: " + value);
}
