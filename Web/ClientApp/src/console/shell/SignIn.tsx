import { useState } from "preact/hooks";
import { api, errorMessage, ok } from "../api/client";

/** The sign-in form; a wrong password is said in place. */
export function SignIn({ signedIn }: { signedIn: () => Promise<void> }) {
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem("email") as HTMLInputElement).value;
    const password = form.elements.namedItem("password") as HTMLInputElement;
    setError("");
    setBusy(true);
    try {
      await ok(api.POST("/api/v1/auth/sign-in", { body: { email, password: password.value } }));
      password.value = "";
      await signedIn();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="sign-in">
      <form aria-label="Sign in" onSubmit={submit}>
        <img src="/favicon.svg" alt="" width={40} height={40} />
        <h1>Sign in to Conversations</h1>
        <label class="field">
          <span class="field-label">Email</span>
          <input id="email" name="email" type="email" autocomplete="username" required maxLength={254} autoFocus />
        </label>
        <label class="field">
          <span class="field-label">Password</span>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxLength={128} />
        </label>
        <button type="submit" class="btn btn-primary" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
        <p id="sign-in-error" class="error" role="alert">{error}</p>
      </form>
    </main>
  );
}
