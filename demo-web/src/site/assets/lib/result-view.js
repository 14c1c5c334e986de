/* The status pill and data-status of the two call panels ("api", "verified"). */
import { $ } from "./dom.js";
import { statusPill } from "./format.js";

export function showResult(which, result) {
  const pill = $(which + "-status");
  const shown = statusPill(result.status, result.statusText);
  pill.textContent = shown.text;
  pill.className = shown.className;
  $(which + "-result").dataset.status = String(result.status);
}

/** A call that got no answer (or one CORS hid from the page); the message goes into slotId. */
export function showNetworkFailure(which, error, slotId) {
  const pill = $(which + "-status");
  pill.textContent = "network error";
  pill.className = "pill pill-error";
  $(which + "-result").dataset.status = "network-error";
  $(slotId).textContent = "The request did not complete (" + error.message + "). A CORS error hides the answer from the page.";
}

export function resetResult(which) {
  const pill = $(which + "-status");
  pill.textContent = "not called yet";
  pill.className = "pill pill-muted";
  $(which + "-result").dataset.status = "";
}
