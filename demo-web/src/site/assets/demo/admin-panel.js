/*
 * The admin route: POST {apiUrl}/admin/graphql needs "admin" in the st-role claim; a 403 is shown
 * with its whole body and its claimValidationErrors. In the local cloud, "Make me admin" asks the dev
 * console (never part of a deployed stack) to grant the role; the console writes the new claims into
 * the session's stored payload, and a refresh brings them into the access token: no new sign-in.
 */
import { $, setBusy } from "../lib/dom.js";
import { callGuardedRoute } from "../lib/guarded-call.js";
import { resetResult } from "../lib/result-view.js";

const QUERY_COUNT = "query AllNotesCount { allNotesCount }";

export function createAdminPanel({ apiUrl, devConsoleUrl, Session, session }) {
  function call() {
    const body = $("admin-body");
    body.hidden = true;
    return callGuardedRoute({
      name: "admin",
      url: apiUrl + "/admin/graphql",
      query: QUERY_COUNT,
      listId: "admin-claim-errors",
      session,
      allowed: (data) => "Allowed: you have the admin role. All users keep " + data.allNotesCount + " notes.",
      denied: (answer) => {
        body.textContent = JSON.stringify(answer, null, 2);
        body.hidden = false;
        return "Denied by the authorizer (403). The answer's body:";
      },
    });
  }

  async function makeAdmin() {
    setBusy(["make-admin-button"], true);
    const out = $("admin-granted");
    try {
      // The SDK intercepts every fetch to the API's host whatever the port (so also the dev console on
      // localhost) and would add its session headers, which the console's CORS refuses; this marker in
      // the URL's fragment (never sent) is the SDK's documented way to leave a request alone.
      const response = await fetch(devConsoleUrl.replace(/\/$/, "") + "/admins#superTokensDoNotDoInterception", {
        method: "POST",
        credentials: "omit",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ userId: session.userId() }),
      });
      const answer = await response.json().catch(() => ({}));
      if (!response.ok) {
        out.dataset.status = "error";
        out.textContent = "The dev console answered " + response.status + ": " + (answer.message || "");
        return;
      }
      // The role is in the session's stored claims now; a refresh puts it into the access token.
      await Session.attemptRefreshingSession();
      await session.refresh();
      out.dataset.status = "GRANTED";
      out.textContent = (answer.didUserAlreadyHaveRole ? "You already had the admin role" : "You are an admin now") +
        ": the session was refreshed and its st-role claim says so (see Roles). Call the route again: no new sign-in.";
    } catch (e) {
      out.dataset.status = "error";
      out.textContent = "Could not reach the dev console: " + e.message;
    } finally {
      setBusy(["make-admin-button"], false);
    }
  }

  function reset() {
    resetResult("admin");
    $("admin-message").textContent = "";
    $("admin-claim-errors").replaceChildren();
    $("admin-body").hidden = true;
    $("admin-granted").textContent = "";
  }

  if (devConsoleUrl) {
    $("make-admin-button").addEventListener("click", makeAdmin);
  } else {
    // a deployed stack has no dev console: roles are granted with the core's user-roles API
    $("make-admin-button").hidden = true;
    $("admin-granted").textContent = "Roles are granted with the SuperTokens core's user-roles API; the local cloud has a button for it.";
  }
  $("call-admin-button").addEventListener("click", call);
  return { reset };
}
