// The Node peer of the Java benchmarks: supertokens-node's own authorizer recipe,
// Session.getSession(event, event, {sessionRequired: false}) under the awsLambda framework, timed on
// the same tokens and events as the Java side, with the same core (its JWKS).
//
// Usage: node peer.js warm <input.json>   -> one JSON line {hitUs: [...], missUs: [...]} (per-call µs)
//        node peer.js cold <input.json>   -> initialises, answers the first event, prints the policy
//        node peer.js empty <input.json>  -> reads the input and the event, prints {} (the baseline)
//
// input.json: {connectionUri, apiDomain, websiteDomain, apiGatewayPath, hitEvent, missEvents: [...],
//              hitCalls, warmupCalls}; each event is the raw JSON text API Gateway would send.
"use strict";
const fs = require("fs");

const [mode, inputPath] = process.argv.slice(2);
const input = JSON.parse(fs.readFileSync(inputPath, "utf8"));

if (mode === "empty") {
    JSON.parse(input.hitEvent);
    process.stdout.write("{}\n");
    process.exit(0);
}

const supertokens = require("supertokens-node");
const Session = require("supertokens-node/recipe/session");

supertokens.init({
    framework: "awsLambda",
    supertokens: { connectionURI: input.connectionUri },
    appInfo: {
        appName: "tollgate-bench",
        apiDomain: input.apiDomain,
        websiteDomain: input.websiteDomain,
        apiBasePath: "/auth",
        apiGatewayPath: input.apiGatewayPath,
    },
    recipeList: [Session.init()],
});

// The recipe's handler body: event text in (what the Lambda runtime parses), policy text out (what it
// serialises), so both sides are timed from bytes to bytes.
async function decide(eventText) {
    const event = JSON.parse(eventText);
    let principalId = "";
    try {
        const session = await Session.getSession(event, event, { sessionRequired: false });
        if (session !== undefined) {
            principalId = session.getUserId();
        }
    } catch (err) {
        if (Session.Error.isErrorFromSuperTokens(err)) {
            throw new Error("Unauthorized");
        }
        throw err;
    }
    const cookies = event.supertokens && event.supertokens.response ? event.supertokens.response.cookies : [];
    return JSON.stringify({
        principalId,
        policyDocument: {
            Version: "2012-10-17",
            Statement: [{ Action: "execute-api:Invoke", Effect: "Allow", Resource: event.methodArn }],
        },
        context: { setCookie: (cookies || []).join(", ") },
    });
}

function expectAllow(policy) {
    if (!/"principalId":"[^"]+"/.test(policy)) {
        throw new Error("the peer did not allow a session: " + policy);
    }
}

async function timeCalls(events, count) {
    const out = new Array(count);
    for (let i = 0; i < count; i++) {
        const ev = events[i % events.length];
        const t0 = process.hrtime.bigint();
        const policy = await decide(ev);
        out[i] = Number(process.hrtime.bigint() - t0) / 1000;
        if (i === 0) expectAllow(policy);
    }
    return out;
}

async function main() {
    if (mode === "cold") {
        const policy = await decide(input.hitEvent);
        expectAllow(policy);
        process.stdout.write(policy + "\n");
        return;
    }
    if (mode !== "warm") {
        throw new Error("mode must be warm, cold or empty");
    }
    await timeCalls([input.hitEvent], input.warmupCalls);
    const hitUs = await timeCalls([input.hitEvent], input.hitCalls);
    // Each miss event carries a token this process has never verified.
    const missUs = await timeCalls(input.missEvents, input.missEvents.length);
    process.stdout.write(JSON.stringify({ node: process.version, hitUs, missUs }) + "\n");
}

main().catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
});
