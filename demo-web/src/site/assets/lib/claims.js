/** Turns one entry of a 403's claimValidationErrors into a title and a sentence for people. */
export function describeClaimError(error) {
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
