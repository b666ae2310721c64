import type { Command } from '../command.ts';
import { check } from './check.ts';
import { newCommand } from './new.ts';
import { score } from './score.ts';

/** Every `sopkit` command, in the order `--help` lists them. */
export const commands: Command[] = [check, score, newCommand];
