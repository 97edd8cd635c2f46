/**
 * Import this from every test file that spawns a process or builds a release: its tests and hooks then
 * get a time limit that fits a loaded 2-core machine (CI shares one with other jobs) instead of
 * vitest's 5 s. A test may still set a longer limit of its own.
 */
import { vi } from "vitest";

export const LOADED_MACHINE_TIMEOUT = 120_000;

vi.setConfig({ testTimeout: LOADED_MACHINE_TIMEOUT, hookTimeout: LOADED_MACHINE_TIMEOUT });
