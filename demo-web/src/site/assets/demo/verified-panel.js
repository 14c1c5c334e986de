/*
 * The verified-email route: POST {apiUrl}/verified/graphql needs the st-ev claim; a 403 is shown
 * from its claimValidationErrors. Also sends the verification email, and greets the user when the
 * verify-email page sends them back (?verified=1).
 */
import { claimErrorItem } from "../lib/claim-error-item.js";
import { $, setBusy } from "../lib/dom.js";
import { graphql } from "../lib/graphql.js";
import { resetResult, showNetworkFailure, showResult } from "../lib/result-view.js";

const QUERY_ME = "query Me { me { userId } }";

export function createVerifiedPanel({ apiUrl, mailboxUrl, EmailVerification, session }) {
  async function call() {
    setBusy(["call-verified-button"], true);
    const message = $("verified-message");
    const list = $("claim-errors");
    message.textContent = "";
    list.replaceChildren();
    try {
      const result = await graphql(apiUrl + "/verified/graphql", QUERY_ME);
      showResult("verified", result);
      if (result.status === 200 && result.body && result.body.data) {
        message.textContent = "Allowed: the email is verified. AppSync says me.userId = " + (result.body.data.me && result.body.data.me.userId) + ".";
      } else if (result.status === 403) {
        const errors = (result.body && result.body.claimValidationErrors) || [];
        message.textContent = "Denied by the authorizer: " + ((result.body && (result.body.message || result.body.Message)) || "forbidden") +
          ". Verify your email, then call again: no new sign-in needed.";
        errors.forEach((error) => list.append(claimErrorItem(error)));
      } else if (result.status === 401) {
        message.textContent = "401: no valid session.";
        await session.refresh();
      } else {
        message.textContent = result.text;
      }
    } catch (e) {
      showNetworkFailure("verified", e, "verified-message");
    } finally {
      setBusy(["call-verified-button"], false);
    }
  }


  async function sendVerificationEmail() {
    setBusy(["send-verification-button"], true);
    const out = $("verification-sent");
    try {
      const result = await EmailVerification.sendVerificationEmail();
      out.dataset.status = result.status;
      out.textContent = result.status === "OK"
        ? "Sent. Open the dev mailbox and follow the link; it brings you back here."
        : result.status === "EMAIL_ALREADY_VERIFIED_ERROR"
          ? "Your email is already verified."
          : "The auth API answered " + result.status + ".";
      if (result.status === "EMAIL_ALREADY_VERIFIED_ERROR") await session.refresh();
    } catch (e) {
      out.dataset.status = "error";
      out.textContent = "Could not send the email: " + e.message;
    } finally {
      setBusy(["send-verification-button"], false);
    }
  }

  /** The verify-email page sends people back with ?verified=1. */
  function welcomeBackFromVerification() {
    const url = new URL(window.location.href);
    if (url.searchParams.get("verified") !== "1") return;
    url.searchParams.delete("verified");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    if (session.userId()) {
      const out = $("verification-sent");
      out.dataset.status = "VERIFIED";
      out.textContent = "Email verified. Call the route again: same session, no new sign-in.";
    }
  }

  function reset() {
    resetResult("verified");
    $("verified-message").textContent = "";
    $("claim-errors").replaceChildren();
    $("verification-sent").textContent = "";
  }

  if (mailboxUrl) {
    $("mailbox-link").href = mailboxUrl;
  } else {
    $("mailbox-link").hidden = true;
  }
  $("call-verified-button").addEventListener("click", call);
  $("send-verification-button").addEventListener("click", sendVerificationEmail);
  return { reset, welcomeBackFromVerification };
}
