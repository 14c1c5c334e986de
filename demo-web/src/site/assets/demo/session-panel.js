/*
 * The session panel and the header's session pill: user id, access-token payload, the countdown
 * to its exp, the st-ev badge, "Refresh now" and "Sign out". The page never polls: the countdown
 * runs from the payload's exp, and the session is looked at again only after the SDK reports an
 * event or a call answered 401.
 */
import { $, setBusy } from "../lib/dom.js";
import { countdown, emailVerifiedBadge, rolesBadge } from "../lib/format.js";

const COUNTDOWN_TICK_MS = 250;

export function setSessionState(value, label) {
  const pill = $("session-state");
  pill.dataset.state = value;
  pill.textContent = label;
  pill.className = "pill " + (value === "signed-in" ? "pill-ok" : value === "error" ? "pill-error" : "pill-muted");
}

/** onUserChanged: a different user signed in (the API views must forget the previous one). */
export function createSessionPanel({ Session, onUserChanged, onFailure }) {
  let userId = null;
  let payload = null;
  let pending = null;

  /** Asks the SDK whether a session exists (it refreshes first when the front token says expired). */
  function refresh() {
    if (!pending) {
      pending = load().finally(() => {
        pending = null;
      });
    }
    return pending;
  }

  async function load() {
    try {
      if (!(await Session.doesSessionExist())) {
        return showSignedOut(null);
      }
      const [id, p] = await Promise.all([Session.getUserId(), Session.getAccessTokenPayloadSecurely()]);
      showSignedIn(id, p);
    } catch (e) {
      onFailure("could not read the session: " + e.message);
    }
  }

  function showSignedIn(id, p) {
    const changedUser = userId !== id;
    userId = id;
    payload = p;
    $("auth-panel").hidden = true;
    $("how-it-works").hidden = true;
    $("app-panel").hidden = false;
    $("user-id").textContent = id;
    $("access-token-payload").textContent = JSON.stringify(p, null, 2);
    const badge = emailVerifiedBadge(p);
    const pill = $("email-verified");
    pill.textContent = badge.text;
    pill.className = badge.className;
    pill.dataset.verified = String(badge.verified);
    const roles = rolesBadge(p);
    const rolesPill = $("user-roles");
    rolesPill.textContent = roles.text;
    rolesPill.className = roles.className;
    rolesPill.dataset.roles = roles.roles.join(",");
    setSessionState("signed-in", "signed in");
    renderCountdown();
    if (changedUser) onUserChanged(id);
  }

  /** reason: a notice to show, "" to clear it, null to keep whatever notice is shown. */
  function showSignedOut(reason) {
    userId = null;
    payload = null;
    $("app-panel").hidden = true;
    $("auth-panel").hidden = false;
    $("how-it-works").hidden = false;
    if (reason !== null) {
      const notice = $("form-error");
      notice.textContent = reason;
      notice.hidden = !reason;
      notice.dataset.kind = reason ? "session-ended" : "";
    }
    setSessionState("signed-out", "signed out");
  }

  function renderCountdown() {
    const value = $("expiry-countdown");
    const note = $("expiry-note");
    const meter = $("expiry-meter");
    const shown = countdown(payload, Date.now());
    if (!shown) {
      value.textContent = "–";
      note.textContent = "";
      meter.style.width = "0";
      return;
    }
    value.dataset.expiresAt = shown.expiresAt;
    value.textContent = shown.text;
    value.classList.toggle("expired", shown.expired);
    note.textContent = shown.expired
      ? "the next API call gets a 401; the SDK refreshes the session and retries it"
      : "until the access token expires (" + new Date(payload.exp * 1000).toLocaleTimeString() + ")";
    meter.style.width = shown.expired ? "0" : shown.percent + "%";
  }

  function onSdkEvent(event) {
    // The SDK calls this in the middle of its own work; look at the session afterwards.
    if (event.action === "SIGN_OUT" || event.action === "UNAUTHORISED") {
      setTimeout(() => showSignedOut(event.action === "UNAUTHORISED" ? "Your session ended (the API answered 401). Sign in again." : ""), 0);
    } else if (event.action !== "API_INVALID_CLAIM") {
      setTimeout(refresh, 0);
    }
  }

  async function signOut() {
    setBusy(["signout-button"], true);
    try {
      await Session.signOut();
    } finally {
      setBusy(["signout-button"], false);
      await refresh();
    }
  }

  async function refreshNow() {
    setBusy(["refresh-button"], true);
    try {
      await Session.attemptRefreshingSession();
    } finally {
      setBusy(["refresh-button"], false);
      await refresh();
    }
  }

  $("signout-button").addEventListener("click", signOut);
  $("refresh-button").addEventListener("click", refreshNow);
  setInterval(renderCountdown, COUNTDOWN_TICK_MS);

  return { refresh, onSdkEvent, userId: () => userId };
}
