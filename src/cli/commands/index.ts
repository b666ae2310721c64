import type { Command } from '../command.ts';
import { booklet } from './booklet.ts';
import { check } from './check.ts';
import { diff } from './diff.ts';
import { dryrun } from './dryrun.ts';
import { comments } from './comments.ts';
import { handbook } from './handbook.ts';
import { newCommand } from './new.ts';
import { quizCommand } from './quiz.ts';
import { reviewCopy } from './review-copy.ts';
import { report } from './report.ts';
import { score } from './score.ts';
import { simulate } from './simulate.ts';

/** Every `sopkit` command, in the order `--help` lists them. */
export const commands: Command[] = [check, simulate, score, report, quizCommand, handbook, booklet, newCommand, reviewCopy, comments, diff, dryrun];
