// supertokens-node 24 driving the core stand-in through every recipe function Tollgate relies on.
// Prints one JSON line per check, {"check": name, "value": outcome}; an exception thrown by the
// SDK becomes {"error": message}, so one missing or wrong route fails only its own checks. The
// expected values live in the Java IT that runs this script (CoreStandInNodeConformanceIT).
// Usage: CORE_URI=http://127.0.0.1:3567 CORE_API_KEY=key node conformance.js
"use strict";

const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");
const EmailPassword = require("supertokens-node/recipe/emailpassword");
const EmailVerification = require("supertokens-node/recipe/emailverification");
const UserRoles = require("supertokens-node/recipe/userroles");

const coreUri = process.env.CORE_URI;
if (!coreUri) {
    console.error("CORE_URI is required");
    process.exit(2);
}

supertokens.init({
    framework: "express",
    supertokens: { connectionURI: coreUri, apiKey: process.env.CORE_API_KEY },
    appInfo: { appName: "conformance", apiDomain: "http://localhost:3001", websiteDomain: "http://localhost:3000" },
    recipeList: [
        EmailPassword.init(),
        EmailVerification.init({ mode: "OPTIONAL" }),
        UserRoles.init(),
        Session.init(),
    ],
});

const TENANT = "public";

function emit(check, value) {
    // fields starting with "_" carry objects between checks and are not part of the outcome
    process.stdout.write(JSON.stringify({ check, value }, (k, v) => (k.startsWith("_") ? undefined : v)) + "\n");
}

async function check(name, fn) {
    try {
        const value = await fn();
        emit(name, value === undefined ? null : value);
        return value;
    } catch (e) {
        emit(name, { error: e && e.type ? `${e.type}: ${e.message}` : String(e && e.message) });
        return undefined;
    }
}

// Claim values from the token's payload: the roles and permissions, without the fetch timestamp.
function roleClaims(payload) {
    return {
        "st-role": payload["st-role"] ? payload["st-role"].v : null,
        "st-perm": payload["st-perm"] ? payload["st-perm"].v : null,
        timestamped: !!(payload["st-role"] && typeof payload["st-role"].t === "number"),
    };
}

async function main() {
    const email = `conformance-${Date.now()}@example.com`;
    const password = "correct-horse-1";

    // --- emailpassword ---
    await check("emailpassword.signUp", async () => {
        const r = await EmailPassword.signUp(TENANT, email, password);
        return { status: r.status, sameEmail: r.user.emails[0] === email, loginMethods: r.user.loginMethods.length };
    });
    const user = (await EmailPassword.signIn(TENANT, email, password)).user;
    const userId = user.id;
    const recipeUserId = supertokens.convertToRecipeUserId(userId);
    await check("emailpassword.signUp.duplicate", async () => (await EmailPassword.signUp(TENANT, email, password)).status);
    await check("emailpassword.signIn", async () => {
        const r = await EmailPassword.signIn(TENANT, `  ${email.toUpperCase()} `, password);
        return { status: r.status, sameUser: r.user.id === userId };
    });
    await check("emailpassword.signIn.wrongPassword", async () => (await EmailPassword.signIn(TENANT, email, "wrong-password-1")).status);
    await check("emailpassword.signIn.unknownEmail", async () => (await EmailPassword.signIn(TENANT, "nobody@example.com", password)).status);
    await check("supertokens.getUser", async () => {
        const u = await supertokens.getUser(userId);
        return { found: u !== undefined, sameEmail: u.emails[0] === email, verified: u.loginMethods[0].verified };
    });
    await check("supertokens.getUser.unknown", async () => (await supertokens.getUser("00000000-0000-0000-0000-000000000000")) === undefined);
    await check("supertokens.listUsersByAccountInfo", async () => {
        const users = await supertokens.listUsersByAccountInfo(TENANT, { email });
        return users.map((u) => u.id === userId);
    });

    // --- emailverification ---
    await check("emailverification.isEmailVerified.before", async () => EmailVerification.isEmailVerified(recipeUserId, email));
    const tokenReply = await check("emailverification.createEmailVerificationToken", async () => {
        const r = await EmailVerification.createEmailVerificationToken(TENANT, recipeUserId, email);
        return { status: r.status, hasToken: typeof r.token === "string" && r.token.length > 0, _t: r.token };
    });
    await check("emailverification.verifyEmailUsingToken", async () => {
        const r = await EmailVerification.verifyEmailUsingToken(TENANT, tokenReply._t);
        return { status: r.status, sameEmail: r.user.email === email, sameUser: r.user.recipeUserId.getAsString() === userId };
    });
    await check("emailverification.verifyEmailUsingToken.reused", async () => (await EmailVerification.verifyEmailUsingToken(TENANT, tokenReply._t)).status);
    await check("emailverification.isEmailVerified.after", async () => EmailVerification.isEmailVerified(recipeUserId, email));
    await check("emailverification.createEmailVerificationToken.alreadyVerified", async () =>
        (await EmailVerification.createEmailVerificationToken(TENANT, recipeUserId, email)).status);

    // --- emailverification: revoking tokens, unverifying ---
    await check("emailverification.unverifyEmail", async () => EmailVerification.unverifyEmail(recipeUserId, email));
    await check("emailverification.isEmailVerified.afterUnverify", async () => EmailVerification.isEmailVerified(recipeUserId, email));
    const unusedToken = (await EmailVerification.createEmailVerificationToken(TENANT, recipeUserId, email)).token;
    await check("emailverification.revokeEmailVerificationTokens", async () =>
        EmailVerification.revokeEmailVerificationTokens(TENANT, recipeUserId, email));
    await check("emailverification.verifyEmailUsingToken.revoked", async () =>
        (await EmailVerification.verifyEmailUsingToken(TENANT, unusedToken)).status);

    // --- emailpassword: password reset and account updates, on a user of their own ---
    const resetEmail = `reset-${Date.now()}@example.com`;
    const movedEmail = `moved-${resetEmail}`;
    const resetUser = (await EmailPassword.signUp(TENANT, resetEmail, password)).user;
    const resetRecipeUserId = supertokens.convertToRecipeUserId(resetUser.id);
    const resetToken = await check("emailpassword.createResetPasswordToken", async () => {
        const r = await EmailPassword.createResetPasswordToken(TENANT, resetUser.id, resetEmail);
        return { status: r.status, hasToken: typeof r.token === "string" && r.token.length > 0, _t: r.token };
    });
    await check("emailpassword.createResetPasswordToken.unknownUser", async () =>
        (await EmailPassword.createResetPasswordToken(TENANT, "00000000-0000-0000-0000-000000000000", resetEmail)).status);
    const spareToken = (await EmailPassword.createResetPasswordToken(TENANT, resetUser.id, resetEmail)).token;
    await check("emailpassword.consumePasswordResetToken", async () => {
        const r = await EmailPassword.consumePasswordResetToken(TENANT, resetToken._t);
        return { status: r.status, sameUser: r.userId === resetUser.id, sameEmail: r.email === resetEmail };
    });
    await check("emailpassword.consumePasswordResetToken.reused", async () =>
        (await EmailPassword.consumePasswordResetToken(TENANT, resetToken._t)).status);
    await check("emailpassword.consumePasswordResetToken.otherTokenOfTheUser", async () =>
        (await EmailPassword.consumePasswordResetToken(TENANT, spareToken)).status);
    const freshToken = (await EmailPassword.createResetPasswordToken(TENANT, resetUser.id, resetEmail)).token;
    await check("emailpassword.resetPasswordUsingToken", async () =>
        (await EmailPassword.resetPasswordUsingToken(TENANT, freshToken, "new-password-2")).status);
    await check("emailpassword.signIn.oldPasswordAfterReset", async () => (await EmailPassword.signIn(TENANT, resetEmail, password)).status);
    await check("emailpassword.signIn.afterReset", async () => (await EmailPassword.signIn(TENANT, resetEmail, "new-password-2")).status);
    await check("emailpassword.updateEmailOrPassword.email", async () =>
        (await EmailPassword.updateEmailOrPassword({ recipeUserId: resetRecipeUserId, email: movedEmail })).status);
    await check("emailpassword.updateEmailOrPassword.emailTaken", async () =>
        (await EmailPassword.updateEmailOrPassword({ recipeUserId: resetRecipeUserId, email })).status);
    await check("emailpassword.updateEmailOrPassword.password", async () =>
        (await EmailPassword.updateEmailOrPassword({ recipeUserId: resetRecipeUserId, password: "newer-password-3" })).status);
    await check("emailpassword.signIn.movedEmailNewPassword", async () => {
        const r = await EmailPassword.signIn(TENANT, movedEmail, "newer-password-3");
        return { status: r.status, sameUser: r.user && r.user.id === resetUser.id };
    });
    await check("emailpassword.signIn.oldEmail", async () => (await EmailPassword.signIn(TENANT, resetEmail, "newer-password-3")).status);

    // --- userroles: the role tables ---
    await check("userroles.createNewRoleOrAddPermissions.new", async () => UserRoles.createNewRoleOrAddPermissions("admin", ["notes:read-all", "notes:delete"]));
    await check("userroles.createNewRoleOrAddPermissions.existing", async () => UserRoles.createNewRoleOrAddPermissions("admin", ["notes:count"]));
    await check("userroles.createNewRoleOrAddPermissions.other", async () => UserRoles.createNewRoleOrAddPermissions("editor", ["notes:count"]));
    await check("userroles.getPermissionsForRole", async () => UserRoles.getPermissionsForRole("admin"));
    await check("userroles.getPermissionsForRole.unknown", async () => UserRoles.getPermissionsForRole("nobody"));
    await check("userroles.removePermissionsFromRole", async () => UserRoles.removePermissionsFromRole("admin", ["notes:delete"]));
    await check("userroles.removePermissionsFromRole.unknown", async () => UserRoles.removePermissionsFromRole("nobody", ["x"]));
    await check("userroles.getPermissionsForRole.afterRemove", async () => UserRoles.getPermissionsForRole("admin"));
    await check("userroles.getRolesThatHavePermission", async () => UserRoles.getRolesThatHavePermission("notes:count"));
    await check("userroles.getAllRoles", async () => UserRoles.getAllRoles());

    // --- session, with the user-roles claims added on creation ---
    const session = await check("session.createNewSessionWithoutRequestResponse", async () => {
        const s = await Session.createNewSessionWithoutRequestResponse(TENANT, recipeUserId, { theme: "dark" }, { note: "db" });
        return { userId: s.getUserId() === userId, payload: { theme: s.getAccessTokenPayload().theme, ...roleClaims(s.getAccessTokenPayload()) }, _s: s };
    });
    const s1 = session._s;
    const handle = s1.getHandle();
    const tokens1 = s1.getAllSessionTokensDangerously();
    await check("session.getSessionWithoutRequestResponse", async () => {
        const s = await Session.getSessionWithoutRequestResponse(tokens1.accessToken, undefined, { antiCsrfCheck: false });
        return { sameHandle: s.getHandle() === handle, theme: s.getAccessTokenPayload().theme };
    });
    await check("session.getSessionInformation", async () => {
        const i = await Session.getSessionInformation(handle);
        return { userId: i.userId === userId, sessionDataInDatabase: i.sessionDataInDatabase, theme: i.customClaimsInAccessTokenPayload.theme, tenantId: i.tenantId };
    });
    await check("session.updateSessionDataInDatabase", async () => Session.updateSessionDataInDatabase(handle, { note: "updated" }));
    await check("session.getSessionInformation.afterDataUpdate", async () => (await Session.getSessionInformation(handle)).sessionDataInDatabase);
    await check("session.mergeIntoAccessTokenPayload", async () => Session.mergeIntoAccessTokenPayload(handle, { theme: "light", plan: "pro" }));
    await check("session.getSessionInformation.afterPayloadMerge", async () => {
        const c = (await Session.getSessionInformation(handle)).customClaimsInAccessTokenPayload;
        return { theme: c.theme, plan: c.plan };
    });
    await check("session.getSessionWithoutRequestResponse.checkDatabase.newPayload", async () => {
        const s = await Session.getSessionWithoutRequestResponse(tokens1.accessToken, undefined, { antiCsrfCheck: false, checkDatabase: true });
        const t = s.getAllSessionTokensDangerously();
        return { newAccessToken: t.accessAndFrontTokenUpdated, theme: s.getAccessTokenPayload().theme, plan: s.getAccessTokenPayload().plan };
    });
    await check("session.mergeIntoAccessTokenPayload.unknownHandle", async () => Session.mergeIntoAccessTokenPayload("00000000-0000-0000-0000-000000000000", { a: 1 }));
    await check("session.updateSessionDataInDatabase.unknownHandle", async () => Session.updateSessionDataInDatabase("00000000-0000-0000-0000-000000000000", { a: 1 }));

    // --- roles reach the session ---
    await check("userroles.addRoleToUser", async () => UserRoles.addRoleToUser(TENANT, userId, "admin"));
    await check("userroles.addRoleToUser.again", async () => UserRoles.addRoleToUser(TENANT, userId, "admin"));
    await check("userroles.addRoleToUser.unknownRole", async () => UserRoles.addRoleToUser(TENANT, userId, "nobody"));
    await check("userroles.getRolesForUser", async () => UserRoles.getRolesForUser(TENANT, userId));
    await check("userroles.getUsersThatHaveRole", async () => {
        const r = await UserRoles.getUsersThatHaveRole(TENANT, "admin");
        return { status: r.status, users: r.users.map((u) => u === userId) };
    });
    await check("userroles.getUsersThatHaveRole.unknown", async () => UserRoles.getUsersThatHaveRole(TENANT, "nobody"));
    await check("session.fetchAndSetClaim.UserRoleClaim", async () => Session.fetchAndSetClaim(handle, UserRoles.UserRoleClaim));
    await check("session.fetchAndSetClaim.PermissionClaim", async () => Session.fetchAndSetClaim(handle, UserRoles.PermissionClaim));
    await check("session.claimsAfterRoleGranted", async () => {
        const s = await Session.getSessionWithoutRequestResponse(tokens1.accessToken, undefined, { antiCsrfCheck: false, checkDatabase: true });
        return roleClaims(s.getAccessTokenPayload());
    });
    await check("session.newSessionAfterRoleGranted", async () => {
        const s = await Session.createNewSessionWithoutRequestResponse(TENANT, recipeUserId);
        const claims = roleClaims(s.getAccessTokenPayload());
        await Session.revokeSession(s.getHandle());
        return claims;
    });
    await check("session.regenerate.mergeIntoAccessTokenPayload", async () => {
        const s = await Session.getSessionWithoutRequestResponse(tokens1.accessToken, undefined, { antiCsrfCheck: false });
        await s.mergeIntoAccessTokenPayload({ plan: "team" });
        return { plan: s.getAccessTokenPayload().plan, newAccessToken: s.getAllSessionTokensDangerously().accessAndFrontTokenUpdated };
    });
    await check("userroles.removeUserRole", async () => UserRoles.removeUserRole(TENANT, userId, "admin"));
    await check("userroles.removeUserRole.again", async () => UserRoles.removeUserRole(TENANT, userId, "admin"));
    await check("userroles.removeUserRole.unknownRole", async () => UserRoles.removeUserRole(TENANT, userId, "nobody"));
    await check("session.claimsAfterRoleRemoved", async () => {
        await Session.fetchAndSetClaim(handle, UserRoles.UserRoleClaim);
        await Session.fetchAndSetClaim(handle, UserRoles.PermissionClaim);
        return roleClaims((await Session.getSessionInformation(handle)).customClaimsInAccessTokenPayload);
    });
    await check("userroles.deleteRole", async () => UserRoles.deleteRole("editor"));
    await check("userroles.deleteRole.again", async () => UserRoles.deleteRole("editor"));
    await check("userroles.getAllRoles.afterDelete", async () => UserRoles.getAllRoles());
    await check("userroles.getRolesThatHavePermission.afterDelete", async () => UserRoles.getRolesThatHavePermission("notes:count"));

    // --- refresh, promotion, theft ---
    const refreshed = await check("session.refreshSessionWithoutRequestResponse", async () => {
        const s = await Session.refreshSessionWithoutRequestResponse(tokens1.refreshToken, true);
        const t = s.getAllSessionTokensDangerously();
        return { sameHandle: s.getHandle() === handle, newRefreshToken: t.refreshToken !== tokens1.refreshToken, _t: t };
    });
    await check("session.getSessionWithoutRequestResponse.promotesChild", async () => {
        const s = await Session.getSessionWithoutRequestResponse(refreshed._t.accessToken, undefined, { antiCsrfCheck: false });
        return { sameHandle: s.getHandle() === handle, newAccessToken: s.getAllSessionTokensDangerously().accessAndFrontTokenUpdated };
    });
    await check("session.refreshSessionWithoutRequestResponse.theft", async () => {
        try {
            await Session.refreshSessionWithoutRequestResponse(tokens1.refreshToken, true);
            return "refreshed";
        } catch (e) {
            return { type: e.type, sameHandle: e.payload && e.payload.sessionHandle === handle, sameUser: e.payload && e.payload.userId === userId };
        }
    });

    // --- listing and revoking ---
    const other = await Session.createNewSessionWithoutRequestResponse(TENANT, recipeUserId);
    const third = await Session.createNewSessionWithoutRequestResponse(TENANT, recipeUserId);
    await check("session.getAllSessionHandlesForUser", async () => {
        const handles = await Session.getAllSessionHandlesForUser(userId);
        return [handle, other.getHandle(), third.getHandle()].map((h) => handles.includes(h)).concat([handles.length]);
    });
    await check("session.revokeSession", async () => Session.revokeSession(other.getHandle()));
    await check("session.revokeSession.again", async () => Session.revokeSession(other.getHandle()));
    await check("session.getSessionInformation.revoked", async () => (await Session.getSessionInformation(other.getHandle())) === undefined);
    await check("session.getSessionWithoutRequestResponse.revoked.checkDatabase", async () => {
        try {
            await Session.getSessionWithoutRequestResponse(other.getAllSessionTokensDangerously().accessToken, undefined, { antiCsrfCheck: false, checkDatabase: true });
            return "valid";
        } catch (e) {
            return e.type;
        }
    });
    await check("session.revokeMultipleSessions", async () => {
        const revoked = await Session.revokeMultipleSessions([third.getHandle(), other.getHandle()]);
        return revoked.map((h) => h === third.getHandle());
    });
    await check("session.revokeAllSessionsForUser", async () => {
        const revoked = await Session.revokeAllSessionsForUser(userId);
        return revoked.map((h) => h === handle);
    });
    await check("session.getAllSessionHandlesForUser.afterRevokeAll", async () => Session.getAllSessionHandlesForUser(userId));
    await check("session.refreshSessionWithoutRequestResponse.revoked", async () => {
        try {
            await Session.refreshSessionWithoutRequestResponse(refreshed._t.refreshToken, true);
            return "refreshed";
        } catch (e) {
            return e.type;
        }
    });
}

main().then(
    () => process.exit(0),
    (e) => {
        console.error(`conformance script failed: ${e && e.stack}`);
        process.exit(1);
    }
);
