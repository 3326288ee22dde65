/**
 * `npm run -s tirocini:check < input.json`: the internship rules checker (docs/legal/tirocini.md#contratto) on one
 * JSON document from stdin. Valid input: the check as JSON on stdout, exit 0 (also when violations are found).
 * Bad input (not JSON, invalid fields, unknown region): exit 2, `{"rejected":true,"error":…}` on stdout and one
 * Italian line per problem on stderr («campo: messaggio»). Any other failure: exit 1. `--spiega` adds the Italian
 * explanation of each violation and warning (`messages`).
 */
import { pathToFileURL } from "node:url";
import { contractOutput, evaluateInternship, parseInternshipInput } from "../../app/domain/internships";
import type { InputProblem, RejectionError } from "../../app/domain/internships";

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;

export interface CliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const rejected = (error: RejectionError, problems: InputProblem[]): CliOutcome => ({
  exitCode: EXIT_INVALID_INPUT,
  stdout: `${JSON.stringify({ rejected: true, error })}\n`,
  stderr: problems.map((p) => `${p.field}: ${p.message}\n`).join(""),
});

/** The whole CLI as a pure function of the stdin text. */
export function runCheckCli(stdinText: string, options: { explain?: boolean } = {}): CliOutcome {
  if (stdinText.trim() === "") {
    return rejected("INVALID_INPUT", [
      { field: "documento", message: "nessun dato ricevuto: fornisci un documento JSON sullo standard input" },
    ]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(stdinText);
  } catch {
    return rejected("INVALID_INPUT", [
      { field: "documento", message: "JSON non valido: controlla la sintassi del documento (virgolette, virgole, parentesi)" },
    ]);
  }
  const parsed = parseInternshipInput(raw);
  if (!parsed.ok) return rejected(parsed.error, parsed.problems);
  return {
    exitCode: EXIT_OK,
    stdout: `${JSON.stringify(contractOutput(evaluateInternship(parsed.input), options), null, 2)}\n`,
    stderr: "",
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function main(): Promise<void> {
  let outcome: CliOutcome;
  try {
    outcome = runCheckCli(await readStdin(), { explain: process.argv.includes("--spiega") });
  } catch (error) {
    outcome = {
      exitCode: EXIT_FAILURE,
      stdout: "",
      stderr: `errore interno del controllo: ${error instanceof Error ? error.message : String(error)}\n`,
    };
  }
  if (outcome.stdout) process.stdout.write(outcome.stdout);
  if (outcome.stderr) process.stderr.write(outcome.stderr);
  // exitCode (not exit()) lets stdout/stderr flush when they are pipes.
  process.exitCode = outcome.exitCode;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
