/* The signed-out form: sign in (submit) and create an account, with the auth API's field errors. */
import { $, setBusy } from "../lib/dom.js";

const BUTTONS = ["signin-button", "signup-button"];

export function createAuthPanel({ EmailPassword, session }) {
  /** action: the EmailPassword recipe's "signIn" or "signUp". */
  async function authenticate(action) {
    clearErrors();
    const formFields = [
      { id: "email", value: $("email").value.trim() },
      { id: "password", value: $("password").value },
    ];
    setBusy(BUTTONS, true);
    try {
      const result = await EmailPassword[action]({ formFields });
      switch (result.status) {
        case "OK":
          $("password").value = "";
          await session.refresh();
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
      setBusy(BUTTONS, false);
    }
  }

  function clearErrors() {
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

  $("auth-form").addEventListener("submit", (e) => {
    e.preventDefault();
    authenticate("signIn");
  });
  $("signup-button").addEventListener("click", () => authenticate("signUp"));
}
