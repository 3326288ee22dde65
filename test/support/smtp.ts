import { SMTPServer } from "smtp-server";
import { freePort } from "../../server/embedded-services";

/** A real SMTP server on loopback that keeps every message it receives (raw RFC 5322 text). */
export async function startTestSmtp() {
  const received: string[] = [];
  const port = await freePort();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      let data = "";
      stream.on("data", (chunk) => (data += chunk));
      stream.on("end", () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
