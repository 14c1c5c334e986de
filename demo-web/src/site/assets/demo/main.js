/*
 * The demo page: sign up / in / out with the EmailPassword recipe, a live view of the session, and
 * calls through API Gateway to AppSync, including the route that needs a verified email. A module
 * script runs once the document is parsed, after the SDK's classic bundles.
 */
import { loadConfig } from "../lib/config.js";
import { $ } from "../lib/dom.js";
import { initSdk, network, timeline } from "../lib/sdk.js";
import { createAdminPanel } from "./admin-panel.js";
import { createApiPanel } from "./api-panel.js";
import { createAuthPanel } from "./auth-panel.js";
import { createJournalPanels } from "./journal-panels.js";
import { createNotesPanel } from "./notes-panel.js";
import { createSessionPanel, setSessionState } from "./session-panel.js";
import { createVerifiedPanel } from "./verified-panel.js";

function bootFailed(message) {
  const banner = $("boot-error");
  banner.textContent = "The demo cannot start: " + message;
  banner.hidden = false;
  setSessionState("error", "not started");
}

function showEndpoints(config) {
  $("api-domain").textContent = config.apiUrl;
  $("website-domain").textContent = config.websiteDomain;
  $("auth-endpoint").textContent = config.apiGatewayPath + config.apiBasePath + "/signin";
  $("graphql-url").textContent = config.apiUrl + "/graphql";
  $("verified-url").textContent = config.apiUrl + "/verified/graphql";
  $("admin-url").textContent = config.apiUrl + "/admin/graphql";
}

async function start() {
  let config;
  try {
    config = await loadConfig(window.location.origin);
  } catch (e) {
    return bootFailed(e.message);
  }
  showEndpoints(config);
  // Panels are created after the SDK; its events reach the session panel once that exists.
  let session;
  let sdk;
  try {
    sdk = initSdk(config, (event) => session && session.onSdkEvent(event));
  } catch (e) {
    return bootFailed(e.message);
  }
  const views = [];
  let api;
  let notes;
  session = createSessionPanel({
    Session: sdk.Session,
    onUserChanged: (userId) => {
      views.forEach((view) => view.reset());
      if (userId) api.loadNotes();
    },
    onFailure: bootFailed,
  });
  createAuthPanel({ EmailPassword: sdk.EmailPassword, session });
  api = createApiPanel({ apiUrl: config.apiUrl, session, onNotes: (list) => notes.render(list) });
  notes = createNotesPanel({ apiUrl: config.apiUrl, api });
  const verified = createVerifiedPanel({
    apiUrl: config.apiUrl,
    mailboxUrl: config.mailboxUrl,
    EmailVerification: sdk.EmailVerification,
    session,
  });
  const admin = createAdminPanel({
    apiUrl: config.apiUrl,
    devConsoleUrl: config.devConsoleUrl,
    Session: sdk.Session,
    session,
  });
  views.push(api, notes, verified, admin);
  createJournalPanels({ timeline, network });
  await session.refresh();
  verified.welcomeBackFromVerification();
}

start();
