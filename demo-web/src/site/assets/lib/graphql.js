/** Parses a response body as JSON; null when it is empty or not JSON. */
export function parseJsonBody(text) {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

/**
 * POSTs a GraphQL request through the gateway. Plain fetch: the SDK's interceptor adds its headers
 * and refreshes the session on a 401.
 */
export async function graphql(url, query, variables) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "include",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ query, variables: variables || {} }),
  });
  const text = await response.text();
  return { status: response.status, statusText: response.statusText, body: parseJsonBody(text), text };
}
