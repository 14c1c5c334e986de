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
  const arrayReason = reason && typeof reason === "object" &&
    (reason.expectedToInclude !== undefined || reason.expectedToIncludeAtLeastOneOf !== undefined);
  if (error && (error.id === "st-role" || error.id === "st-perm") && arrayReason) {
    const what = error.id === "st-role" ? "role" : "permission";
    const needed = reason && (reason.expectedToInclude !== undefined ? reason.expectedToInclude : reason.expectedToIncludeAtLeastOneOf);
    const has = reason && reason.actualValue;
    return {
      title: "Missing " + what + " " + JSON.stringify(needed),
      detail: "The " + error.id + " claim in the access token is " +
        (has === undefined ? "absent" : JSON.stringify(has)) + ", this route needs the " + what + " " + JSON.stringify(needed) + ".",
    };
  }
  return {
    title: "Claim " + (error && error.id ? error.id : "(unnamed)") + " failed",
    detail: reason === undefined ? "no reason given" : (typeof reason === "string" ? reason : JSON.stringify(reason)),
  };
}
