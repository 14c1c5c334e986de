/*
 * The verified-email route: POST {apiUrl}/verified/graphql needs the st-ev claim; a 403 is shown
 * from its claimValidationErrors. Also sends the verification email, and greets the user when the
 * verify-email page sends them back (?verified=1).
 */
import { $, setBusy } from "../lib/dom.js";
import { callGuardedRoute } from "../lib/guarded-call.js";
import { resetResult } from "../lib/result-view.js";

const QUERY_ME = "query Me { me { userId } }";

export function createVerifiedPanel({ apiUrl, mailboxUrl, EmailVerification, session }) {
  function call() {
    return callGuardedRoute({
      name: "verified",
      url: apiUrl + "/verified/graphql",
      query: QUERY_ME,
      listId: "claim-errors",
      session,
      allowed: (data) => "Allowed: the email is verified. AppSync says me.userId = " + (data.me && data.me.userId) + ".",
      denied: (answer) => "Denied by the authorizer: " + ((answer && (answer.message || answer.Message)) || "forbidden") +
        ". Verify your email, then call again: no new sign-in needed.",
    });
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
