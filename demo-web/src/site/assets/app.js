/*
 * The demo page: sign up / in / out with the EmailPassword recipe, a live view of the session, and
 * calls through API Gateway to AppSync, including the route that needs a verified email.
 */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);

  const QUERY_OVERVIEW = "query Overview { me { userId } notes { id text createdAt } }";
  const MUTATION_ADD = "mutation AddNote($text: String!) { addNote(text: $text) { id text createdAt } }";
  const MUTATION_DELETE = "mutation DeleteNote($id: ID!) { deleteNote(id: $id) { id } }";
  const QUERY_ME = "query Me { me { userId } }";

  const state = {
    config: null,
    sdk: null,
    userId: null,
    payload: null,
    viewRefresh: null,
  };

  document.addEventListener("DOMContentLoaded", start);

  async function start() {
    try {
      state.config = await Tollgate.loadConfig();
    } catch (e) {
      return bootFailed(e.message);
    }
    const c = state.config;
    $("api-domain").textContent = c.apiUrl;
    $("website-domain").textContent = c.websiteDomain;
    $("auth-endpoint").textContent = c.apiGatewayPath + c.apiBasePath + "/signin";
    $("graphql-url").textContent = c.apiUrl + "/graphql";
    $("verified-url").textContent = c.apiUrl + "/verified/graphql";
    if (c.mailboxUrl) {
      $("mailbox-link").href = c.mailboxUrl;
    } else {
      $("mailbox-link").hidden = true;
    }
    try {
      state.sdk = Tollgate.initSdk(c, onSdkEvent);
    } catch (e) {
      return bootFailed(e.message);
    }
    wireControls();
    Tollgate.timeline.onChange(renderTimeline);
    Tollgate.network.onChange(renderNetwork);
    renderTimeline(Tollgate.timeline.entries());
    renderNetwork(Tollgate.network.entries());
    setInterval(renderCountdown, 250);
    await refreshSessionView();
    welcomeBackFromVerification();
  }

  /** The verify-email page sends people back with ?verified=1. */
  function welcomeBackFromVerification() {
    const url = new URL(window.location.href);
    if (url.searchParams.get("verified") !== "1") return;
    url.searchParams.delete("verified");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    if (state.userId) {
      const out = $("verification-sent");
      out.dataset.status = "VERIFIED";
      out.textContent = "Email verified. Call the route again: same session, no new sign-in.";
    }
  }

  function bootFailed(message) {
    const banner = $("boot-error");
    banner.textContent = "The demo cannot start: " + message;
    banner.hidden = false;
    setSessionState("error", "not started");
  }

  function wireControls() {
    $("auth-form").addEventListener("submit", (e) => {
      e.preventDefault();
      authenticate("signIn");
    });
    $("signup-button").addEventListener("click", () => authenticate("signUp"));
    $("signout-button").addEventListener("click", signOut);
    $("refresh-button").addEventListener("click", refreshNow);
    $("call-api-button").addEventListener("click", callApi);
    $("note-form").addEventListener("submit", (e) => {
      e.preventDefault();
      addNote();
    });
    $("call-verified-button").addEventListener("click", callVerified);
    $("send-verification-button").addEventListener("click", sendVerificationEmail);
    $("clear-timeline-button").addEventListener("click", () => Tollgate.timeline.clear());
    $("clear-network-button").addEventListener("click", () => Tollgate.network.clear());
  }

  // ---- session view -------------------------------------------------------------------------

  function onSdkEvent(event) {
    // The SDK calls this in the middle of its own work; look at the session afterwards.
    if (event.action === "SIGN_OUT" || event.action === "UNAUTHORISED") {
      setTimeout(() => showSignedOut(event.action === "UNAUTHORISED" ? "Your session ended (the API answered 401). Sign in again." : ""), 0);
    } else if (event.action !== "API_INVALID_CLAIM") {
      setTimeout(refreshSessionView, 0);
    }
  }

  /** Asks the SDK whether a session exists (it refreshes first when the front token says expired). */
  function refreshSessionView() {
    if (!state.viewRefresh) {
      state.viewRefresh = loadSession().finally(() => {
        state.viewRefresh = null;
      });
    }
    return state.viewRefresh;
  }

  async function loadSession() {
    const Session = state.sdk.Session;
    try {
      if (!(await Session.doesSessionExist())) {
        return showSignedOut(null);
      }
      const [userId, payload] = await Promise.all([Session.getUserId(), Session.getAccessTokenPayloadSecurely()]);
      showSignedIn(userId, payload);
    } catch (e) {
      bootFailed("could not read the session: " + e.message);
    }
  }

  function showSignedIn(userId, payload) {
    const changedUser = state.userId !== userId;
    state.userId = userId;
    state.payload = payload;
    $("auth-panel").hidden = true;
    $("how-it-works").hidden = true;
    $("app-panel").hidden = false;
    $("user-id").textContent = userId;
    $("access-token-payload").textContent = JSON.stringify(payload, null, 2);
    const verified = payload && payload["st-ev"] ? payload["st-ev"].v : undefined;
    const pill = $("email-verified");
    pill.textContent = verified === true ? "verified" : verified === false ? "not verified" : "unknown";
    pill.className = "pill " + (verified === true ? "pill-ok" : verified === false ? "pill-warn" : "pill-muted");
    pill.dataset.verified = String(verified);
    setSessionState("signed-in", "signed in");
    renderCountdown();
    if (changedUser) resetApiViews();
  }

  /** reason: a notice to show, "" to clear it, null to keep whatever notice is shown. */
  function showSignedOut(reason) {
    state.userId = null;
    state.payload = null;
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

  function setSessionState(value, label) {
    const pill = $("session-state");
    pill.dataset.state = value;
    pill.textContent = label;
    pill.className = "pill " + (value === "signed-in" ? "pill-ok" : value === "error" ? "pill-error" : "pill-muted");
  }

  function renderCountdown() {
    const value = $("expiry-countdown");
    const note = $("expiry-note");
    const meter = $("expiry-meter");
    const p = state.payload;
    if (!p || typeof p.exp !== "number") {
      value.textContent = "–";
      note.textContent = "";
      meter.style.width = "0";
      return;
    }
    const remaining = p.exp * 1000 - Date.now();
    const lifetime = typeof p.iat === "number" && p.exp > p.iat ? (p.exp - p.iat) * 1000 : 3600000;
    value.dataset.expiresAt = new Date(p.exp * 1000).toISOString();
    if (remaining > 0) {
      value.textContent = formatDuration(remaining);
      value.classList.remove("expired");
      note.textContent = "until the access token expires (" + new Date(p.exp * 1000).toLocaleTimeString() + ")";
      meter.style.width = Math.max(0, Math.min(100, (remaining / lifetime) * 100)) + "%";
    } else {
      value.textContent = "expired";
      value.classList.add("expired");
      note.textContent = "the next API call gets a 401; the SDK refreshes the session and retries it";
      meter.style.width = "0";
    }
  }

  function formatDuration(ms) {
    const s = ms / 1000;
    if (s < 60) return s.toFixed(1) + " s";
    const m = Math.floor(s / 60);
    const rest = Math.floor(s % 60);
    return m + ":" + String(rest).padStart(2, "0") + " min";
  }

  // ---- sign in / up / out -------------------------------------------------------------------

  async function authenticate(action) {
    clearFieldErrors();
    const formFields = [
      { id: "email", value: $("email").value.trim() },
      { id: "password", value: $("password").value },
    ];
    setBusy(["signin-button", "signup-button"], true);
    try {
      const result = await state.sdk.EmailPassword[action]({ formFields });
      switch (result.status) {
        case "OK":
          $("password").value = "";
          await refreshSessionView();
          break;
        case "FIELD_ERROR":
          result.formFields.forEach((f) => showFieldError(f.id, f.error));
          break;
        case "WRONG_CREDENTIALS_ERROR":
          showFormError("Wrong email or password.", "wrong-credentials");
          break;
        default:
          showFormError(result.reason || "The auth API refused: " + result.status, "refused");
      }
    } catch (e) {
      showFormError(e.isSuperTokensGeneralError ? e.message : "Could not reach the auth API: " + e.message, "error");
    } finally {
      setBusy(["signin-button", "signup-button"], false);
    }
  }

  function clearFieldErrors() {
    ["email", "password"].forEach((id) => showFieldError(id, ""));
    showFormError("", "");
  }

  function showFieldError(id, message) {
    const slot = $(id + "-error");
    if (!slot) return showFormError(message, "field");
    slot.textContent = message;
    $(id).setAttribute("aria-invalid", message ? "true" : "false");
  }

  function showFormError(message, kind) {
    const banner = $("form-error");
    banner.textContent = message;
    banner.dataset.kind = kind;
    banner.hidden = !message;
  }

  async function signOut() {
    setBusy(["signout-button"], true);
    try {
      await state.sdk.Session.signOut();
    } finally {
      setBusy(["signout-button"], false);
      await refreshSessionView();
    }
  }

  async function refreshNow() {
    setBusy(["refresh-button"], true);
    try {
      await state.sdk.Session.attemptRefreshingSession();
    } finally {
      setBusy(["refresh-button"], false);
      await refreshSessionView();
    }
  }

  // ---- GraphQL through the gateway ----------------------------------------------------------

  /** POSTs a GraphQL request; the SDK's interceptor adds its headers and refreshes on a 401. */
  async function graphql(path, query, variables) {
    const response = await fetch(state.config.apiUrl + path, {
      method: "POST",
      credentials: "include",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables: variables || {} }),
    });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (e) {
      body = null;
    }
    return { status: response.status, statusText: response.statusText, body, text };
  }

  async function callApi() {
    await runApi("call-api-button", () => graphql("/graphql", QUERY_OVERVIEW), (data) => {
      showMe(data.me && data.me.userId);
      renderNotes(data.notes);
    });
  }

  async function addNote() {
    const input = $("note-input");
    const text = input.value.trim();
    if (!text) {
      $("notes-error").textContent = "Write something first.";
      return;
    }
    await runApi("add-note-button", () => graphql("/graphql", MUTATION_ADD, { text }), () => {
      input.value = "";
      return callApi();
    });
  }

  async function deleteNote(id) {
    await runApi(null, () => graphql("/graphql", MUTATION_DELETE, { id }), () => callApi());
  }

  /** Runs one call, shows its status, and hands successful data on. */
  async function runApi(buttonId, call, onData) {
    if (buttonId) setBusy([buttonId], true);
    $("notes-error").textContent = "";
    try {
      const result = await call();
      showResult("api", result);
      if (result.status === 200 && result.body && result.body.data && !result.body.errors) {
        await onData(result.body.data);
      } else if (result.status === 200 && result.body && result.body.errors) {
        $("notes-error").textContent = result.body.errors.map((e) => e.message).join("; ");
      } else if (result.status === 401) {
        await refreshSessionView();
      }
    } catch (e) {
      showNetworkFailure("api", e);
    } finally {
      if (buttonId) setBusy([buttonId], false);
    }
  }

  function showMe(me) {
    $("me-value").textContent = me === null || me === undefined ? "null" : me;
    const check = $("me-check");
    const match = me === state.userId;
    check.dataset.match = String(match);
    check.textContent = match ? "✓ same as the SDK's user id" : "✗ differs from the SDK's user id " + state.userId;
    check.className = "pill " + (match ? "pill-ok" : "pill-error");
  }

  function renderNotes(notes) {
    const list = $("notes-list");
    list.replaceChildren();
    (notes || []).forEach((note) => {
      const item = document.createElement("li");
      item.dataset.noteId = note.id;
      item.dataset.testid = "note";
      const text = document.createElement("span");
      text.className = "note-text";
      text.textContent = note.text;
      const when = document.createElement("time");
      when.className = "hint small";
      when.textContent = note.createdAt ? new Date(note.createdAt).toLocaleString() : "";
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "quiet";
      remove.dataset.testid = "delete-note";
      remove.textContent = "Delete";
      remove.setAttribute("aria-label", "Delete note: " + note.text);
      remove.addEventListener("click", () => deleteNote(note.id));
      item.append(text, when, remove);
      list.append(item);
    });
    $("notes-empty").hidden = (notes || []).length > 0;
    list.dataset.count = String((notes || []).length);
  }

  function resetApiViews() {
    $("me-value").textContent = "–";
    const check = $("me-check");
    check.textContent = "–";
    check.dataset.match = "";
    check.className = "pill pill-muted";
    $("notes-list").replaceChildren();
    $("notes-list").dataset.count = "";
    $("notes-empty").hidden = true;
    ["api", "verified"].forEach((which) => {
      const pill = $(which + "-status");
      pill.textContent = "not called yet";
      pill.className = "pill pill-muted";
      $(which + "-result").dataset.status = "";
    });
    $("api-response").textContent = "";
    $("verified-message").textContent = "";
    $("claim-errors").replaceChildren();
    $("verification-sent").textContent = "";
  }

  function showResult(which, result) {
    const pill = $(which + "-status");
    pill.textContent = result.status + " " + (result.statusText || statusName(result.status));
    pill.className = "pill " + (result.status === 200 ? "pill-ok" : result.status === 403 ? "pill-warn" : "pill-error");
    $(which + "-result").dataset.status = String(result.status);
    if (which === "api") $("api-response").textContent = result.body ? JSON.stringify(result.body, null, 2) : result.text;
  }

  function showNetworkFailure(which, error) {
    const pill = $(which + "-status");
    pill.textContent = "network error";
    pill.className = "pill pill-error";
    $(which + "-result").dataset.status = "network-error";
    const slot = which === "api" ? $("notes-error") : $("verified-message");
    slot.textContent = "The request did not complete (" + error.message + "). A CORS error hides the answer from the page.";
  }

  function statusName(status) {
    return { 200: "OK", 401: "Unauthorized", 403: "Forbidden", 500: "Server error" }[status] || "";
  }

  // ---- the route that needs a verified email ------------------------------------------------

  async function callVerified() {
    setBusy(["call-verified-button"], true);
    const message = $("verified-message");
    const list = $("claim-errors");
    message.textContent = "";
    list.replaceChildren();
    try {
      const result = await graphql("/verified/graphql", QUERY_ME);
      showResult("verified", result);
      if (result.status === 200 && result.body && result.body.data) {
        message.textContent = "Allowed: the email is verified. AppSync says me.userId = " + (result.body.data.me && result.body.data.me.userId) + ".";
      } else if (result.status === 403) {
        const errors = (result.body && result.body.claimValidationErrors) || [];
        message.textContent = "Denied by the authorizer: " + ((result.body && (result.body.message || result.body.Message)) || "forbidden") +
          ". Verify your email, then call again: no new sign-in needed.";
        errors.forEach((error) => {
          const described = Tollgate.describeClaimError(error);
          const item = document.createElement("li");
          item.dataset.claimId = error.id;
          const title = document.createElement("strong");
          title.textContent = described.title;
          const id = document.createElement("code");
          id.textContent = error.id;
          const detail = document.createElement("span");
          detail.textContent = described.detail;
          item.append(title, " ", id, document.createElement("br"), detail);
          list.append(item);
        });
      } else if (result.status === 401) {
        message.textContent = "401: no valid session.";
        await refreshSessionView();
      } else {
        message.textContent = result.text;
      }
    } catch (e) {
      showNetworkFailure("verified", e);
    } finally {
      setBusy(["call-verified-button"], false);
    }
  }

  async function sendVerificationEmail() {
    setBusy(["send-verification-button"], true);
    const out = $("verification-sent");
    try {
      const result = await state.sdk.EmailVerification.sendVerificationEmail();
      out.dataset.status = result.status;
      out.textContent = result.status === "OK"
        ? "Sent. Open the dev mailbox and follow the link; it brings you back here."
        : result.status === "EMAIL_ALREADY_VERIFIED_ERROR"
          ? "Your email is already verified."
          : "The auth API answered " + result.status + ".";
      if (result.status === "EMAIL_ALREADY_VERIFIED_ERROR") await refreshSessionView();
    } catch (e) {
      out.dataset.status = "error";
      out.textContent = "Could not send the email: " + e.message;
    } finally {
      setBusy(["send-verification-button"], false);
    }
  }

  // ---- journals -----------------------------------------------------------------------------

  function renderTimeline(entries) {
    const list = $("timeline");
    list.replaceChildren();
    entries.forEach((entry) => {
      const item = document.createElement("li");
      item.dataset.event = entry.action;
      const time = document.createElement("time");
      time.dateTime = entry.at;
      time.textContent = clock(entry.at);
      const label = document.createElement("span");
      label.className = "event-label";
      label.textContent = entry.label;
      item.append(time, label);
      if (entry.detail) {
        const detail = document.createElement("span");
        detail.className = "hint small";
        detail.textContent = entry.detail;
        item.append(detail);
      }
      list.append(item);
    });
  }

  function renderNetwork(entries) {
    const body = $("network-log");
    body.replaceChildren();
    entries.forEach((entry) => {
      const row = document.createElement("tr");
      row.dataset.path = entry.path;
      row.dataset.status = String(entry.status);
      if (entry.path.endsWith("/session/refresh")) row.className = "refresh";
      if (entry.status >= 400 || entry.error) row.classList.add("failed");
      const cells = [clock(entry.at), entry.method + " " + entry.path, entry.error ? "failed" : String(entry.status), String(entry.ms)];
      cells.forEach((text) => {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      });
      body.append(row);
    });
  }

  function clock(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + "." + String(d.getMilliseconds()).padStart(3, "0");
  }

  function setBusy(ids, busy) {
    ids.forEach((id) => {
      const el = $(id);
      if (!el) return;
      el.disabled = busy;
      el.setAttribute("aria-busy", String(busy));
    });
  }
})();
