/*
 * One call to a route that the authorizer guards with a claim (the verified-email and admin panels):
 * 200 shows what the route answered, 403 lists the body's claimValidationErrors, 401 means the session
 * is gone (the session panel is refreshed), anything else shows the answer's text. The panel's elements
 * follow one naming: call-{name}-button, {name}-message, and the result view {name}.
 */
import { claimErrorItem } from "./claim-error-item.js";
import { $, setBusy } from "./dom.js";
import { graphql } from "./graphql.js";
import { showNetworkFailure, showResult } from "./result-view.js";

/**
 * allowed(data) and denied(body) return the message to show; denied may also show more of the body.
 */
export async function callGuardedRoute({ name, url, query, listId, session, allowed, denied }) {
  const button = "call-" + name + "-button";
  const messageId = name + "-message";
  setBusy([button], true);
  const message = $(messageId);
  const list = $(listId);
  message.textContent = "";
  list.replaceChildren();
  try {
    const result = await graphql(url, query);
    showResult(name, result);
    if (result.status === 200 && result.body && result.body.data) {
      message.textContent = allowed(result.body.data);
    } else if (result.status === 403) {
      const errors = (result.body && result.body.claimValidationErrors) || [];
      message.textContent = denied(result.body);
      errors.forEach((error) => list.append(claimErrorItem(error)));
    } else if (result.status === 401) {
      message.textContent = "401: no valid session.";
      await session.refresh();
    } else {
      message.textContent = result.text;
    }
  } catch (e) {
    showNetworkFailure(name, e, messageId);
  } finally {
    setBusy([button], false);
  }
}
