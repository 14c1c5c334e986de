/* Pure formatting for the panels: no DOM, so node --test checks them. */

const LONGEST_UNKNOWN_LIFETIME_MS = 3600000;

/** "12.3 s" under a minute, else "m:ss min". */
export function formatDuration(ms) {
  const s = ms / 1000;
  if (s < 60) return s.toFixed(1) + " s";
  const m = Math.floor(s / 60);
  const rest = Math.floor(s % 60);
  return m + ":" + String(rest).padStart(2, "0") + " min";
}

/** Local wall-clock time with milliseconds, for the journals. */
export function clock(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
}

/** The reason phrase for the statuses the demo expects, when the response carries none. */
export function statusName(status) {
  return { 200: "OK", 401: "Unauthorized", 403: "Forbidden", 500: "Server error" }[status] || "";
}

/** The status pill's text and style class for an HTTP answer. */
export function statusPill(status, statusText) {
  return {
    text: status + " " + (statusText || statusName(status)),
    className: "pill " + (status === 200 ? "pill-ok" : status === 403 ? "pill-warn" : "pill-error"),
  };
}

/**
 * The countdown to the access token's exp at nowMs, or null when the payload has no numeric exp.
 * percent is the share of the token's lifetime (iat to exp) still left.
 */
export function countdown(payload, nowMs) {
  if (!payload || typeof payload.exp !== "number") return null;
  const expMs = payload.exp * 1000;
  const remaining = expMs - nowMs;
  const lifetime =
    typeof payload.iat === "number" && payload.exp > payload.iat ? (payload.exp - payload.iat) * 1000 : LONGEST_UNKNOWN_LIFETIME_MS;
  return {
    expiresAt: new Date(expMs).toISOString(),
    expired: remaining <= 0,
    text: remaining > 0 ? formatDuration(remaining) : "expired",
    percent: remaining > 0 ? Math.max(0, Math.min(100, (remaining / lifetime) * 100)) : 0,
  };
}

/** The email-verified badge from the payload's st-ev claim: true, false or undefined (unknown). */
export function emailVerifiedBadge(payload) {
  const verified = payload && payload["st-ev"] ? payload["st-ev"].v : undefined;
  return {
    verified,
    text: verified === true ? "verified" : verified === false ? "not verified" : "unknown",
    className: "pill " + (verified === true ? "pill-ok" : verified === false ? "pill-warn" : "pill-muted"),
  };
}

/** The st-role claim as a pill: the role names, or "none" (absent: the session predates role claims). */
export function rolesBadge(payload) {
  const roles = payload && payload["st-role"] && Array.isArray(payload["st-role"].v) ? payload["st-role"].v : undefined;
  return {
    roles: roles || [],
    text: roles === undefined ? "no st-role claim" : roles.length === 0 ? "none" : roles.join(", "),
    className: "pill " + (roles && roles.length > 0 ? "pill-ok" : "pill-muted"),
  };
}
