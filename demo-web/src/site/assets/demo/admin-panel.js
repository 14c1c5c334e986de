/*
 * The admin route: POST {apiUrl}/admin/graphql needs "admin" in the st-role claim; a 403 is shown
 * with its whole body and its claimValidationErrors. In the local cloud, "Make me admin" asks the dev
 * console (never part of a deployed stack) to grant the role; the console writes the new claims into
 * the session's stored payload, and a refresh brings them into the access token: no new sign-in.
 */
import { claimErrorItem } from "../lib/claim-error-item.js";
import { $, setBusy } from "../lib/dom.js";
import { graphql } from "../lib/graphql.js";
import { resetResult, showNetworkFailure, showResult } from "../lib/result-view.js";

const QUERY_COUNT = "query AllNotesCount { allNotesCount }";

export function createAdminPanel({ apiUrl, devConsoleUrl, Session, session }) {
  async function call() {
    setBusy(["call-admin-button"], true);
    const message = $("admin-message");
    const list = $("admin-claim-errors");
    const body = $("admin-body");
    message.textContent = "";
    list.replaceChildren();
    body.hidden = true;
    try {
      const result = await graphql(apiUrl + "/admin/graphql", QUERY_COUNT);
      showResult("admin", result);
      if (result.status === 200 && result.body && result.body.data) {
        message.textContent = "Allowed: you have the admin role. All users keep " + result.body.data.allNotesCount + " notes.";
      } else if (result.status === 403) {
        const errors = (result.body && result.body.claimValidationErrors) || [];
        message.textContent = "Denied by the authorizer (403). The answer's body:";
        body.textContent = JSON.stringify(result.body, null, 2);
        body.hidden = false;
        errors.forEach((error) => list.append(claimErrorItem(error)));
      } else if (result.status === 401) {
        message.textContent = "401: no valid session.";
        await session.refresh();
      } else {
        message.textContent = result.text;
      }
    } catch (e) {
      showNetworkFailure("admin", e, "admin-message");
    } finally {
      setBusy(["call-admin-button"], false);
    }
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
