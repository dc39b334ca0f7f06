import createClient from "openapi-fetch";
import type { paths } from "../../api/schema";

/** A refused or failed request, with the server's readable reason (ProblemDetails detail or title). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The REST client, typed from the OpenAPI document (src/api/schema.d.ts is generated from openapi/v1.json at build):
 * a C# change to a route, a parameter or a record fails the console's type-check.
 */
export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's body, or an ApiError with the server's reason. */
export async function ok<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError("The server cannot be reached. Check the connection and try again.", 0);
  }
  if (!answer.response.ok) {
    const problem = answer.error as { detail?: string; title?: string } | string | undefined;
    const reason = typeof problem === "object" ? (problem?.detail ?? problem?.title) : undefined;
    throw new ApiError(reason ?? `The server answered ${answer.response.status}.`, answer.response.status);
  }
  return answer.data as T;
}

export const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
