import { ApiError } from "../api/client";
import type { MessageAttachment } from "../api/types";
import { propertyId } from "../store/session";

/**
 * Uploads one file for a reply in a chat or ticket, reporting progress (0–1); XMLHttpRequest because fetch cannot
 * report upload progress. A refusal (too large, a type not accepted) comes back as an ApiError with the server's reason.
 */
export function uploadAttachment(kind: "chat" | "ticket", conversationId: string, file: File, onProgress: (done: number) => void): Promise<MessageAttachment> {
  const url = `/api/v1/properties/${encodeURIComponent(propertyId.value)}/${kind}s/${encodeURIComponent(conversationId)}/attachments`;
  const form = new FormData();
  form.append("file", file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.withCredentials = true;
    request.responseType = "json";
    request.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(request.response as MessageAttachment);
        return;
      }
      const problem = request.response as { detail?: string; title?: string } | null;
      reject(new ApiError(problem?.detail ?? problem?.title ?? `The upload failed (${request.status}).`, request.status));
    };
    request.onerror = () => reject(new ApiError("The server cannot be reached. Check the connection and try again.", 0));
    request.send(form);
  });
}
