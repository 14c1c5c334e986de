const EVENT_LABELS = {
  SESSION_CREATED: "Session created",
  REFRESH_SESSION: "Session refreshed",
  UNAUTHORISED: "Unauthorised",
  ACCESS_TOKEN_PAYLOAD_UPDATED: "Access-token payload updated",
  SIGN_OUT: "Signed out",
  API_INVALID_CLAIM: "API answered 403: invalid claim",
  SESSION_ALREADY_EXISTS: "Session already exists",
};

/** The timeline entry for one event the SDK's onHandleEvent reported. */
export function sessionEventEntry(event, at) {
  const entry = { at, action: event.action, label: EVENT_LABELS[event.action] || event.action };
  if (event.action === "UNAUTHORISED") {
    entry.detail = event.sessionExpiredOrRevoked ? "session expired or revoked" : "no session";
  }
  if (event.action === "API_INVALID_CLAIM") {
    entry.detail = (event.claimValidationErrors || []).map((e) => e.id).join(", ");
  }
  return entry;
}
