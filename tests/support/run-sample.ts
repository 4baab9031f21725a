/**
 * Running a code sample of the reference as a reader who pastes it would: curl in bash, the
 * JavaScript in Node (as an ES module), the Python with python3, the Go with `go run`, with
 * MESHPLAY_TOKEN exported, the home folder and working folder given, and the sample's server
 * replaced by the test server's address.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOKEN_VARIABLE } from '../../src/lib/meshplay/session.ts';
import type { CodeSample } from '../../src/lib/openapi/model/types.ts';
import type { SampleFileFolders } from './sample-files.ts';

/** What a sample run printed, and how it ended. */
export interface SampleRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Where to run a sample: the folders, the token, and the server that stands for the sample's own. */
export interface SampleEnvironment {
  folders: SampleFileFolders;
  token: string;
  /** The server URL the sample names (`http://localhost:9081`) and the one to call instead. */
  serverUrl: string;
  testServerUrl: string;
  /** The environment variable the samples read the token from (default MESHPLAY_TOKEN). */
  tokenVariable?: string;
  timeoutMs?: number;
}

/** The output of a command, or undefined when it cannot run. */
function outputOf(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

// The interpreters by absolute path: a version manager's shim (pyenv) looks for its files under
// HOME, which the runs replace with a temporary home folder.
const PYTHON = outputOf('python3', ['-c', 'import sys; print(sys.executable)']);
const HAS_REQUESTS = PYTHON !== undefined && outputOf(PYTHON, ['-c', 'import requests']) !== undefined;
const GO = outputOf('bash', ['-c', 'command -v go']);
// Go keeps its build cache and modules under HOME unless told otherwise.
const GO_ENV = GO === undefined ? {} : { GOCACHE: outputOf(GO, ['env', 'GOCACHE']) ?? '', GOPATH: outputOf(GO, ['env', 'GOPATH']) ?? '' };

/** Why a language's samples cannot run on this machine, or undefined when they can. */
export function missingRuntime(language: CodeSample['id']): string | undefined {
  if (language === 'python' && PYTHON === undefined) return 'python3 is not installed';
  if (language === 'python' && !HAS_REQUESTS) return 'the Python package requests is not installed (pip install requests)';
  if (language === 'go' && GO === undefined) return 'Go is not installed (https://go.dev/dl/, or apt-get install golang-go)';
  return undefined;
}

/** The command that runs a sample's code. */
function commandFor(language: CodeSample['id'], code: string): { command: string; args: string[] } {
  switch (language) {
    case 'curl':
      return { command: 'bash', args: ['-c', code] };
    case 'javascript':
      return { command: process.execPath, args: ['--input-type=module', '-e', code] };
    case 'python':
      return { command: PYTHON ?? 'python3', args: ['-c', code] };
    case 'go': {
      const folder = mkdtempSync(join(tmpdir(), 'meshplay-go-sample-'));
      writeFileSync(join(folder, 'main.go'), code);
      return { command: GO ?? 'go', args: ['run', join(folder, 'main.go')] };
    }
  }
}

/** Run one sample; resolves with its exit code and output (never rejects on a failing sample). */
export function runSample(language: CodeSample['id'], code: string, environment: SampleEnvironment): Promise<SampleRun> {
  const { folders, token, serverUrl, testServerUrl } = environment;
  const { command, args } = commandFor(language, code.replaceAll(serverUrl, testServerUrl));
  const env = { PATH: process.env.PATH ?? '', HOME: folders.home, [environment.tokenVariable ?? TOKEN_VARIABLE]: token, ...GO_ENV };
  return new Promise((resolve) => {
    execFile(command, args, { cwd: folders.cwd, env, timeout: environment.timeoutMs ?? 30_000 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ exitCode, stdout, stderr });
    });
  });
}
