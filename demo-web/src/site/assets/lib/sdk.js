/*
 * supertokens-web-js (the official browser bundles, loaded by classic script tags before any
 * module runs) with the recipes the demo uses, and the tab's two journals.
 */
import { sessionEventEntry } from "./events.js";
import { journal } from "./journal.js";
import { refreshNote } from "./network-notes.js";

// The session events are shared by every tab (the session is too: one set of cookies); the network
// log is this tab's own requests.
export const timeline = journal("tollgate.timeline", window.localStorage, undefined, window);
export const network = journal("tollgate.network", window.sessionStorage);

/*
 * Wraps window.fetch BEFORE the SDK initialises. The SDK then wraps this wrapper, and its own
 * refresh calls go through it too, so the journal shows what really went over the wire: the 401,
 * the refresh and the retry, not just the final answer the app code sees.
 */
function instrumentFetch(apiHost) {
  const original = window.fetch.bind(window);
  let earlierApiCalls = 0;
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
      if (target.host === apiHost) {
        entry.note = refreshNote(entry, earlierApiCalls);
        earlierApiCalls++;
        network.add(entry);
      }
    }
  };
}

/** Initialises the SDK, records its session events, and hands each one to onEvent. */
export function initSdk(config, onEvent) {
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
          timeline.add(sessionEventEntry(event, new Date().toISOString()));
          if (onEvent) onEvent(event);
        },
      }),
      EmailPassword.init(),
      EmailVerification.init(),
    ],
  });
  return { Session, EmailPassword, EmailVerification };
}
