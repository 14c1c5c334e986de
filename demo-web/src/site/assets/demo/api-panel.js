/*
 * "Call the API": POST {apiUrl}/graphql through the gateway; shows the status, AppSync's me.userId
 * checked against the SDK's user id, and hands the notes on.
 */
import { $, setBusy } from "../lib/dom.js";
import { graphql } from "../lib/graphql.js";
import { resetResult, showNetworkFailure, showResult } from "../lib/result-view.js";

const QUERY_OVERVIEW = "query Overview { me { userId } notes { id text createdAt } }";
const QUERY_NOTES = "query Notes { notes { id text createdAt } }";

export function createApiPanel({ apiUrl, session, onNotes }) {
  /** Runs one call, shows its status, and hands successful data on. */
  async function run(buttonId, call, onData) {
    if (buttonId) setBusy([buttonId], true);
    $("notes-error").textContent = "";
    try {
      const result = await call();
      showResult("api", result);
      $("api-response").textContent = result.body ? JSON.stringify(result.body, null, 2) : result.text;
      if (result.status === 200 && result.body && result.body.data && !result.body.errors) {
        await onData(result.body.data);
      } else if (result.status === 200 && result.body && result.body.errors) {
        $("notes-error").textContent = result.body.errors.map((e) => e.message).join("; ");
      } else if (result.status === 401) {
        await session.refresh();
      }
    } catch (e) {
      showNetworkFailure("api", e, "notes-error");
    } finally {
      if (buttonId) setBusy([buttonId], false);
    }
  }

  function call() {
    return run("call-api-button", () => graphql(apiUrl + "/graphql", QUERY_OVERVIEW), (data) => {
      showMe(data.me && data.me.userId);
      onNotes(data.notes);
    });
  }

  /**
   * The notes alone, on sign-in and after a reload, so they never look lost; the "Call the API"
   * result stays untouched until the user calls.
   */
  async function loadNotes() {
    try {
      const result = await graphql(apiUrl + "/graphql", QUERY_NOTES);
      if (result.status === 200 && result.body && result.body.data && !result.body.errors) {
        onNotes(result.body.data.notes);
      } else if (result.status === 200 && result.body && result.body.errors) {
        $("notes-error").textContent = result.body.errors.map((e) => e.message).join("; ");
      }
    } catch (e) {
      $("notes-error").textContent = "Could not load the notes: " + e.message;
    }
  }

  function showMe(me) {
    $("me-value").textContent = me === null || me === undefined ? "null" : me;
    const check = $("me-check");
    const match = me === session.userId();
    check.dataset.match = String(match);
    check.textContent = match ? "✓ same as the SDK's user id" : "✗ differs from the SDK's user id " + session.userId();
    check.className = "pill " + (match ? "pill-ok" : "pill-error");
  }

  function reset() {
    $("me-value").textContent = "–";
    const check = $("me-check");
    check.textContent = "–";
    check.dataset.match = "";
    check.className = "pill pill-muted";
    resetResult("api");
    $("api-response").textContent = "";
  }

  $("call-api-button").addEventListener("click", call);
  return { run, call, reset, loadNotes };
}
