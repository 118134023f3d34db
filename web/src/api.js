// The page's only way to the data: the service's public HTTP API, on the same origin.
export class ApiError extends Error {
  constructor(status, detail, suggestions = []) {
    super(detail);
    this.status = status;
    this.suggestions = suggestions;
  }
}

export async function getJson(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [].concat(value)) {
      if (item !== undefined && item !== null && item !== "") query.append(key, item);
    }
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : `the service answered ${response.status}`;
    throw new ApiError(response.status, detail, body.suggestions || []);
  }
  return body;
}

export const segment = (text) => encodeURIComponent(text);
