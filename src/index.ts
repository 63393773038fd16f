/** Worker entry point. */
import { app } from "./app.ts";
import { warmUp } from "./warm-up.ts";

// At isolate start-up, not on the first request (see warm-up.ts).
warmUp();

export default app;
