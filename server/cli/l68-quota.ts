/**
 * `npm run -s l68:quota`: one JSON document on stdin → one JSON document on stdout (docs/l68-calculator.md).
 * Invalid JSON or invalid input: exit code 2, one Italian line per problem on stderr
 * ("campo: messaggio"). Any other failure: exit code 1.
 */
import { pathToFileURL } from "node:url";
import { computeQuota, type FieldError, parseQuotaInput } from "../../app/domain/l68/calculator";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const invalid = (errors: FieldError[]): CliOutcome => ({
  exitCode: EXIT_INVALID_INPUT,
  stdout: "",
  stderr: errors.map((e) => `${e.field}: ${e.message}\n`).join(""),
});

/** The whole CLI as a pure function of the stdin text, so it can be tested without spawning. */
export function runQuotaCli(stdinText: string): CliOutcome {
  if (stdinText.trim() === "") {
    return invalid([{ field: "documento", message: "nessun dato ricevuto: fornisci un documento JSON sullo standard input" }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stdinText);
  } catch {
    return invalid([
      { field: "documento", message: "JSON non valido: controlla la sintassi del documento (virgolette, virgole, parentesi)" },
    ]);
  }
  const parsed = parseQuotaInput(raw);
  if (!parsed.ok) return invalid(parsed.errors);
  return { exitCode: EXIT_OK, stdout: `${JSON.stringify(computeQuota(parsed.data), null, 2)}\n`, stderr: "" };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  let outcome: CliOutcome;
  try {
    outcome = runQuotaCli(await readStdin());
  } catch (error) {
    outcome = {
      exitCode: EXIT_FAILURE,
      stdout: "",
      stderr: `errore interno del calcolatore: ${error instanceof Error ? error.message : String(error)}\n`,
    };
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  // exitCode (not exit()) lets stdout/stderr flush when they are pipes.
  process.exitCode = outcome.exitCode;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
