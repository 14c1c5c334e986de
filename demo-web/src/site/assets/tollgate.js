/*
 * Shared by every page of the demo: runtime configuration, SDK initialisation, and the two
 * journals the page shows (session events and network requests), kept per browser tab so they
 * survive the round trip through the verify-email page.
 */
(function () {
  "use strict";

  const TIMELINE_KEY = "tollgate.timeline";
  const NETWORK_KEY = "tollgate.network";
  const JOURNAL_LIMIT = 100;

  /** Reads /config.json (served beside the site by whoever hosts it) and checks every field. */
  async function loadConfig() {
    let response;
    try {
      response = await fetch("/config.json", { cache: "no-store", credentials: "omit" });
    } catch (e) {
      throw new Error("could not load /config.json: " + e.message);
    }
    if (!response.ok) {
      throw new Error("could not load /config.json: HTTP " + response.status);
    }
    let raw;
    try {
      raw = await response.json();
    } catch (e) {
      throw new Error("/config.json is not valid JSON");
    }
    return validateConfig(raw);
  }

  function validateConfig(raw) {
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      throw new Error("/config.json must be a JSON object");
    }
    const config = {
      apiDomain: origin(raw, "apiDomain", true),
      apiGatewayPath: path(raw, "apiGatewayPath", ""),
      apiBasePath: path(raw, "apiBasePath", "/auth"),
      websiteDomain: origin(raw, "websiteDomain", false) || window.location.origin,
      mailboxUrl: url(raw, "mailboxUrl"),
    };
    config.apiUrl = config.apiDomain + config.apiGatewayPath;
    config.authUrl = config.apiUrl + config.apiBasePath;
    return Object.freeze(config);
  }

  function origin(raw, key, required) {
    const value = raw[key];
    if (value === undefined || value === null || value === "") {
      if (required) throw new Error("/config.json: " + key + " is required (e.g. http://localhost:4000)");
      return undefined;
    }
    let parsed;
    try {
      parsed = new URL(String(value));
    } catch (e) {
      throw new Error("/config.json: " + key + " is not a URL: " + value);
    }
    if ((parsed.protocol !== "http:" && parsed.protocol !== "https:") || parsed.pathname.replace(/\/$/, "") !== "") {
      throw new Error("/config.json: " + key + " must be an http(s) origin without a path: " + value);
    }
    return parsed.origin;
  }

  function path(raw, key, fallback) {
    const value = raw[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "string" || (value !== "" && !/^\/[A-Za-z0-9._~\-\/]*$/.test(value))) {
      throw new Error("/config.json: " + key + " must be empty or a path starting with /: " + value);
    }
    return value.replace(/\/$/, "");
  }

  function url(raw, key) {
    const value = raw[key];
    if (value === undefined || value === null || value === "") return undefined;
    try {
      const parsed = new URL(String(value));
      if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
    } catch (e) {
      /* reported below */
    }
    throw new Error("/config.json: " + key + " must be an http(s) URL: " + value);
  }

  /** A bounded list kept in sessionStorage, newest first. */
  function journal(key) {
    const listeners = [];
    function read() {
      try {
        const value = JSON.parse(sessionStorage.getItem(key) || "[]");
        return Array.isArray(value) ? value : [];
      } catch (e) {
        return [];
      }
    }
    return {
      entries: read,
      add(entry) {
        const entries = [entry].concat(read()).slice(0, JOURNAL_LIMIT);
        sessionStorage.setItem(key, JSON.stringify(entries));
        listeners.forEach((fn) => fn(entries));
      },
      clear() {
        sessionStorage.removeItem(key);
        listeners.forEach((fn) => fn([]));
      },
      onChange(fn) {
        listeners.push(fn);
      },
    };
  }

  const timeline = journal(TIMELINE_KEY);
  const network = journal(NETWORK_KEY);

  /*
   * Wraps window.fetch BEFORE the SDK initialises. The SDK then wraps this wrapper, and its own
   * refresh calls go through it too, so the journal shows what really went over the wire: the 401,
   * the refresh and the retry, not just the final answer the app code sees.
   */
  function instrumentFetch(apiHost) {
    const original = window.fetch.bind(window);
    window.fetch = async function (input, init) {
      // Not `new Request(input)`: that would take over a Request's body stream.
      const rawUrl = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const method = ((init && init.method) || (input instanceof Request ? input.method : "GET")).toUpperCase();
      const target = new URL(rawUrl, window.location.href);
      const started = performance.now();
      const entry = {
        at: new Date().toISOString(),
        method,
        url: target.href,
        path: target.pathname,
        status: 0,
        ms: 0,
      };
      try {
        const response = await original(input, init);
        entry.status = response.status;
        return response;
      } catch (e) {
        entry.error = String(e && e.message ? e.message : e);
        throw e;
      } finally {
        entry.ms = Math.round(performance.now() - started);
        if (target.host === apiHost) network.add(entry);
      }
    };
  }

  const EVENT_LABELS = {
    SESSION_CREATED: "Session created",
    REFRESH_SESSION: "Session refreshed",
    UNAUTHORISED: "Unauthorised",
    ACCESS_TOKEN_PAYLOAD_UPDATED: "Access-token payload updated",
    SIGN_OUT: "Signed out",
    API_INVALID_CLAIM: "API answered 403: invalid claim",
    SESSION_ALREADY_EXISTS: "Session already exists",
  };

  /** Initialises supertokens-web-js with the recipes the demo uses and records its session events. */
  function initSdk(config, onEvent) {
    const ST = window.supertokens;
    const Session = window.supertokensSession;
    const EmailPassword = window.supertokensEmailPassword;
    const EmailVerification = window.supertokensEmailVerification;
    if (!ST || !Session || !EmailPassword || !EmailVerification) {
      throw new Error("the supertokens-web-js bundles did not load (build demo-web with Maven: it copies them from npm)");
    }
    instrumentFetch(new URL(config.apiDomain).host);
    ST.init({
      appInfo: {
        appName: "Tollgate demo",
        apiDomain: config.apiDomain,
        apiGatewayPath: config.apiGatewayPath,
        apiBasePath: config.apiBasePath,
      },
      recipeList: [
        Session.init({
          tokenTransferMethod: "cookie",
          onHandleEvent(event) {
            const entry = { at: new Date().toISOString(), action: event.action, label: EVENT_LABELS[event.action] || event.action };
            if (event.action === "UNAUTHORISED") {
              entry.detail = event.sessionExpiredOrRevoked ? "session expired or revoked" : "no session";
            }
            if (event.action === "API_INVALID_CLAIM") {
              entry.detail = (event.claimValidationErrors || []).map((e) => e.id).join(", ");
            }
            timeline.add(entry);
            if (onEvent) onEvent(event);
          },
        }),
        EmailPassword.init(),
        EmailVerification.init(),
      ],
    });
    return { Session, EmailPassword, EmailVerification };
  }

  function describeClaimError(error) {
    const reason = error && error.reason;
    if (error && error.id === "st-ev") {
      return {
        title: "Email not verified",
        detail: "The st-ev claim in the access token is " + JSON.stringify(reason && reason.actualValue) +
          ", this route needs " + JSON.stringify(reason && reason.expectedValue) + ".",
      };
    }
    return {
      title: "Claim " + (error && error.id ? error.id : "(unnamed)") + " failed",
      detail: reason === undefined ? "no reason given" : (typeof reason === "string" ? reason : JSON.stringify(reason)),
    };
  }

  window.Tollgate = Object.freeze({ loadConfig, validateConfig, initSdk, timeline, network, describeClaimError });
})();
