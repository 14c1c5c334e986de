/* Notes the network panel shows beside a request, for answers that look alarming but are not. */

/**
 * Explains a 401 from the refresh route. Before anything else this page load, it is the SDK's
 * probe: without a front token it asks the refresh route whether a session exists, and a browser
 * without session cookies gets 401 (expected, nothing is wrong). Later it means the session is over.
 */
export function refreshNote(entry, earlierApiCalls) {
  if (entry.status !== 401 || !entry.path.endsWith("/session/refresh")) return undefined;
  return earlierApiCalls === 0
    ? "expected: the SDK's first-load probe for a session; no session cookies yet, so 401"
    : "the refresh token was refused: the session is over";
}
