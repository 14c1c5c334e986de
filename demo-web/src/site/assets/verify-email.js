/*
 * /auth/verify-email?token=...&tenantId=public: the link in the verification email lands here.
 * The SDK reads the token from the URL and posts it to the auth API; when this browser also holds
 * the session, the access token's st-ev claim is brought up to date before going back, so the
 * verified-only route works at once, without signing in again.
 */
import { loadConfig } from "./lib/config.js";
import { $ } from "./lib/dom.js";
import { initSdk, timeline } from "./lib/sdk.js";

const RETURN_DELAY_MS = 1500;

async function verify() {
  let sdk;
  try {
    const config = await loadConfig(window.location.origin);
    sdk = initSdk(config);
  } catch (e) {
    return show("error", "The page cannot start", e.message, "⚠");
  }
  const EmailVerification = sdk.EmailVerification;
  if (!EmailVerification.getEmailVerificationTokenFromURL()) {
    return show("missing-token", "No token in this link", "Open the link from the verification email exactly as it was sent.", "⚠");
  }
  let result;
  try {
    result = await EmailVerification.verifyEmail();
  } catch (e) {
    return show("error", "Verification failed", e.message, "⚠");
  }
  if (result.status === "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR") {
    return show("invalid-token", "This link is invalid or was already used",
      "Send a new verification email from the demo.", "✗");
  }
  if (result.status !== "OK") {
    return show("error", "Verification failed", "The auth API answered " + result.status + ".", "⚠");
  }
  let signedIn = false;
  try {
    signedIn = await sdk.Session.doesSessionExist();
    // Asks the auth API for the status again: with a session it refreshes the st-ev claim in
    // the access token (a new sAccessToken cookie and front-token come back).
    if (signedIn) await EmailVerification.isEmailVerified();
  } catch (e) {
    signedIn = false;
  }
  timeline.add({ at: new Date().toISOString(), action: "EMAIL_VERIFIED", label: "Email verified", detail: "via the link from the mailbox" });
  show("verified", "Email verified", signedIn
    ? "Your session now carries st-ev = true. Taking you back to the demo…"
    : "Sign in on the demo to use the verified-only route.", "✓");
  if (signedIn) setTimeout(() => window.location.assign("/?verified=1"), RETURN_DELAY_MS);
}

function show(status, title, detail, icon) {
  $("verify-title").textContent = title;
  $("verify-icon").textContent = icon;
  const line = $("verify-status");
  line.textContent = detail;
  line.dataset.status = status;
}

verify();
