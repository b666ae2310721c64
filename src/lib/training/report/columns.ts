// The column names of each kind of file a training report reads, so that a workbook's sheet of
// data is read, not a sheet of instructions before it (`workbookRows`' `known`): one rule for
// `sopkit report` and the report page (which reads a workbook's sheet for each kind and keeps the
// one of the kind the file turns out to be: `readDroppedFile`).
import { responsesColumnTest } from '../../assessment/columns.ts';
import type { KnownColumn } from '../../assessment/workbook.ts';
import { evaluationHeaderTest } from '../evaluation/responses.ts';
import { isAttendanceColumn } from './attendance.ts';
import type { CourseInfo } from './course-info.ts';

/** The column names of each kind of file. */
export interface ReportColumns {
  tests?: KnownColumn;
  evaluation?: KnownColumn;
  attendance?: KnownColumn;
}

/**
 * The course's column names: its quizzes' items (tests), its evaluation forms' items in every
 * language they are published in, the attendance columns.
 */
export function reportColumns(info: Pick<CourseInfo, 'quizzes' | 'evaluationsAlso'>): Required<ReportColumns> {
  return { tests: responsesColumnTest(info.quizzes), evaluation: evaluationHeaderTest(info.evaluationsAlso).known, attendance: isAttendanceColumn };
}

